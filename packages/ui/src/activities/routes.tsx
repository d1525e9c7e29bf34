/** "My tasks" as a page of the admin and a menu entry; the page's code is fetched when first shown. */
import { Loading, Menu } from 'react-admin';
import { Route } from 'react-router-dom';
import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import type { ClientSalesModel } from '@ra-sales/schema';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { onDemand } from '../lazy/onDemand.js';
import { useAdminPath } from '../layout/basename.js';
import { MY_TASKS_PATH } from './paths.js';

export const LazyMyTasks = onDemand('MyTasks', () => import('./MyTasks.js').then((module) => module.MyTasks), <Loading />);

/** A `<Route>` for inside `<CustomRoutes>`. */
export function myTasksRoute(model: ClientSalesModel) {
  return <Route key="my-tasks" path={MY_TASKS_PATH} element={<LazyMyTasks model={model} />} />;
}

export function MyTasksMenuItem() {
  const t = useUiTranslate();
  const adminPath = useAdminPath();
  return (
    <Menu.Item
      to={adminPath(MY_TASKS_PATH)}
      primaryText={t('activities.my_tasks')}
      leftIcon={<AssignmentTurnedInIcon />}
      data-testid="menu-my-tasks"
    />
  );
}
