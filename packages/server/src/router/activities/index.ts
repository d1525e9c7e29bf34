export { mountActivityRoutes } from './routes.js';
export { NotificationOutbox, type NotifyHook, type SalesNotification, type NotifiedApproval, type NotifiedUser } from './notifications.js';
export { inboxOf, type Inbox } from './inbox.js';
