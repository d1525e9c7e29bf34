/**
 * The code of the first screen fetched before the first render: a host calls `preloadSalesRoute`
 * with its first location, then renders `<Admin>`, and React renders that screen in the same pass
 * as the layout, instead of suspending on its chunk (a round trip, then React's held-back reveal).
 */
import type { ClientSalesModel } from '@ra-sales/schema';
import { LazyMyTasks } from '../activities/routes.js';
import { MY_TASKS_PATH } from '../activities/paths.js';
import { SalesDashboard } from '../dashboard/onDemand.js';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '../resources/onDemand.js';
import { APPROVALS_INBOX_PATH, BOARDS_PATH, LazyApprovalsInbox, LazyWorkflowBoard } from '../workflow/routes.js';

type Preloadable = { preload: () => Promise<unknown> };

/** react-admin's paths of a resource: `/r`, `/r/create`, `/r/:id`, `/r/:id/show`. */
function resourceScreen(segments: string[]): Preloadable {
  if (segments[1] === 'create') return EntityCreate;
  if (segments[2] === 'show') return EntityShow;
  return segments.length > 1 ? EntityEdit : EntityList;
}

function screenAt(model: ClientSalesModel, pathname: string): Preloadable | undefined {
  if (pathname === '/') return SalesDashboard;
  if (pathname === APPROVALS_INBOX_PATH) return LazyApprovalsInbox;
  if (pathname === MY_TASKS_PATH) return LazyMyTasks;
  if (pathname.startsWith(`${BOARDS_PATH}/`)) return LazyWorkflowBoard;
  const segments = pathname.split('/').filter(Boolean);
  return segments[0] && model.entities[segments[0]] ? resourceScreen(segments) : undefined;
}

/**
 * Fetches the code of the sales screen at `path` (relative to the admin, query allowed:
 * `/opportunities?page=1`, `/board/opportunities`, `/`); resolves once it has loaded, at once for
 * a path the sales screens do not show. The dashboard path `/` loads `SalesDashboard`.
 */
export async function preloadSalesRoute(model: ClientSalesModel, path: string): Promise<void> {
  const pathname = path.split(/[?#]/)[0] || '/';
  await screenAt(model, pathname.startsWith('/') ? pathname : `/${pathname}`)?.preload();
}
