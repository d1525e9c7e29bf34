/** Pages of the workflow module: a board per workflow entity and the approvals inbox, with menu items. */
import { Badge } from '@mui/material';
import { CustomRoutes, Loading, Menu, useLocaleState } from 'react-admin';
import { Route } from 'react-router-dom';
import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import ViewWeekIcon from '@mui/icons-material/ViewWeek';
import type { ClientSalesModel } from '@ra-sales/schema';
import { labelIn } from '../i18n/labels.js';
import { onDemand } from '../lazy/onDemand.js';
import { useAdminPath } from '../layout/basename.js';
import { BoardIndex } from './BoardIndex.js';
import { useSalesTranslate } from './messages.js';
import { workflowEntities } from './model.js';
import { usePendingApprovalCount } from './usePendingApprovals.js';
import { myTasksRoute } from '../activities/routes.js';

// Loaded on demand: a host's first chunk carries neither the board nor the inbox. Nothing else
// in the library's entry graph may import these two modules statically for the split to happen.
export const LazyWorkflowBoard = onDemand(
  'WorkflowBoard',
  () => import('./WorkflowBoard.js').then((module) => module.WorkflowBoard),
  <Loading />,
);
export const LazyApprovalsInbox = onDemand(
  'ApprovalsInbox',
  () => import('./ApprovalsInbox.js').then((module) => module.ApprovalsInbox),
  <Loading />,
);

/** Paths relative to the admin: `<CustomRoutes>` nests them under `<Admin basename>`; links go through `useAdminPath`. */
export const APPROVALS_INBOX_PATH = '/approvals-inbox';
export const BOARDS_PATH = '/board';
export const boardPath = (resource: string) => `${BOARDS_PATH}/${resource}`;

/**
 * `<Admin>{salesCustomRoutes(model)}</Admin>`: a `<CustomRoutes>` element (must be a direct child
 * of Admin) with a board per workflow entity (`/board/<resource>`), the board index (`/board`) and
 * the approvals inbox (`/approvals-inbox`). The board and the inbox are loaded when first shown
 * (`React.lazy`, react-admin's `<Loading />` meanwhile).
 */
export function salesCustomRoutes(model: ClientSalesModel) {
  return (
    <CustomRoutes key="ra-sales-workflow">
      {workflowEntities(model).map((entity) => (
        <Route
          key={entity.resource}
          path={boardPath(entity.resource)}
          element={<LazyWorkflowBoard model={model} resource={entity.resource} />}
        />
      ))}
      <Route path={BOARDS_PATH} element={<BoardIndex model={model} boardPath={boardPath} />} />
      <Route path={APPROVALS_INBOX_PATH} element={<LazyApprovalsInbox model={model} />} />
      {myTasksRoute(model)}
    </CustomRoutes>
  );
}

/** The inbox icon with the number of requests waiting for the user. */
function PendingBadge() {
  const count = usePendingApprovalCount();
  return (
    <Badge badgeContent={count} color="error" max={99} data-testid="pending-approvals-count">
      <HowToRegIcon />
    </Badge>
  );
}

export interface WorkflowMenuItemsProps {
  model: ClientSalesModel;
  /** Boards given their own menu entry (default: opportunities); the others are reached from "Boards". */
  boards?: string[];
}

/**
 * Menu entries for the pages above (one per board in `boards`, the board index, the approvals
 * inbox); drop inside any `<Menu>`, the host's own included. The links honour `<Admin basename>`.
 */
export function WorkflowMenuItems({ model, boards = ['opportunities'] }: WorkflowMenuItemsProps) {
  const t = useSalesTranslate();
  const [locale] = useLocaleState();
  const adminPath = useAdminPath();
  const direct = workflowEntities(model).filter((entity) => boards.includes(entity.resource));
  return (
    <>
      {direct.map((entity) => (
        <Menu.Item
          key={entity.resource}
          to={adminPath(boardPath(entity.resource))}
          primaryText={t('workflow.board_title', { name: labelIn(entity.pluralLabel, locale) })}
          leftIcon={<ViewKanbanIcon />}
        />
      ))}
      <Menu.Item to={adminPath(BOARDS_PATH)} primaryText={t('workflow.boards')} leftIcon={<ViewWeekIcon />} />
      <Menu.Item
        to={adminPath(APPROVALS_INBOX_PATH)}
        primaryText={t('approvals.menu')}
        leftIcon={<PendingBadge />}
        data-testid="menu-approvals"
      />
    </>
  );
}
