/** The path of the "My tasks" page, relative to the admin (links go through `useAdminPath`). */
export const MY_TASKS_PATH = '/my-tasks';
