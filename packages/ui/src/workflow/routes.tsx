/** Pages of the workflow module: a board per workflow entity and the approvals inbox, with menu items. */
import { CustomRoutes, Menu, useLocaleState } from 'react-admin';
import { Route } from 'react-router-dom';
import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import ViewWeekIcon from '@mui/icons-material/ViewWeek';
import type { SalesModel } from '@ra-sales/schema';
import { labelIn } from '../i18n/labels.js';
import { ApprovalsInbox } from './ApprovalsInbox.js';
import { BoardIndex } from './BoardIndex.js';
import { useSalesTranslate } from './messages.js';
import { workflowEntities } from './model.js';
import { WorkflowBoard } from './WorkflowBoard.js';

export const APPROVALS_INBOX_PATH = '/approvals-inbox';
export const BOARDS_PATH = '/board';
export const boardPath = (resource: string) => `${BOARDS_PATH}/${resource}`;

/** `<Admin>{salesCustomRoutes(model)}</Admin>`: a `<CustomRoutes>` element (must be a direct child of Admin). */
export function salesCustomRoutes(model: SalesModel) {
  return (
    <CustomRoutes key="ra-sales-workflow">
      {workflowEntities(model).map((entity) => (
        <Route
          key={entity.resource}
          path={boardPath(entity.resource)}
          element={<WorkflowBoard model={model} resource={entity.resource} />}
        />
      ))}
      <Route path={BOARDS_PATH} element={<BoardIndex model={model} boardPath={boardPath} />} />
      <Route path={APPROVALS_INBOX_PATH} element={<ApprovalsInbox model={model} />} />
    </CustomRoutes>
  );
}

export interface WorkflowMenuItemsProps {
  model: SalesModel;
  /** Boards given their own menu entry (default: opportunities); the others are reached from "Boards". */
  boards?: string[];
}

/** Menu entries for the pages above; drop inside a `<Menu>`. */
export function WorkflowMenuItems({ model, boards = ['opportunities'] }: WorkflowMenuItemsProps) {
  const t = useSalesTranslate();
  const [locale] = useLocaleState();
  const direct = workflowEntities(model).filter((entity) => boards.includes(entity.resource));
  return (
    <>
      {direct.map((entity) => (
        <Menu.Item
          key={entity.resource}
          to={boardPath(entity.resource)}
          primaryText={t('workflow.board_title', { name: labelIn(entity.pluralLabel, locale) })}
          leftIcon={<ViewKanbanIcon />}
        />
      ))}
      <Menu.Item to={BOARDS_PATH} primaryText={t('workflow.boards')} leftIcon={<ViewWeekIcon />} />
      <Menu.Item to={APPROVALS_INBOX_PATH} primaryText={t('approvals.menu')} leftIcon={<HowToRegIcon />} />
    </>
  );
}
