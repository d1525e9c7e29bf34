export { announcements } from './announcements.js';
export { employees } from './employees.js';
export { backofficeDataProvider, BACKOFFICE_RESOURCES } from './data.js';
export { backofficeMessages } from './messages.js';
