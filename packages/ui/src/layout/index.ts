export { SalesMenu, SalesMenuItems } from './SalesMenu.js';
export { SalesLayout, type SalesLayoutProps } from './SalesLayout.js';
