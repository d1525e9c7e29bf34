// The page and the bell load on demand: only their routes, menu entry and paths are exported here.
export { myTasksRoute, MyTasksMenuItem } from './routes.js';
export { MY_TASKS_PATH } from './paths.js';
export { activityMethods, INBOX_QUERY_KEY, type ActivityApi, type Inbox, type NoteRecord, type TaskRecord } from '../hub/activityApi.js';
