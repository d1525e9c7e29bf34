/** Pages of the workflow module: a board per workflow entity and the approvals inbox, with menu items. */
import { CustomRoutes, Menu, useLocaleState } from 'react-admin';
import { Route } from 'react-router-dom';
import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import type { SalesModel } from '@ra-sales/schema';
import { labelIn } from '../i18n/labels.js';
import { ApprovalsInbox } from './ApprovalsInbox.js';
import { useSalesTranslate } from './messages.js';
import { workflowEntities } from './model.js';
import { WorkflowBoard } from './WorkflowBoard.js';

export const APPROVALS_INBOX_PATH = '/approvals-inbox';
export const boardPath = (resource: string) => `/board/${resource}`;

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
      <Route path={APPROVALS_INBOX_PATH} element={<ApprovalsInbox model={model} />} />
    </CustomRoutes>
  );
}

/** Menu entries for the pages above; drop inside a `<Menu>`. */
export function WorkflowMenuItems({ model }: { model: SalesModel }) {
  const t = useSalesTranslate();
  const [locale] = useLocaleState();
  return (
    <>
      {workflowEntities(model).map((entity) => (
        <Menu.Item
          key={entity.resource}
          to={boardPath(entity.resource)}
          primaryText={t('workflow.board_title', { name: labelIn(entity.pluralLabel, locale) })}
          leftIcon={<ViewKanbanIcon />}
        />
      ))}
      <Menu.Item to={APPROVALS_INBOX_PATH} primaryText={t('approvals.menu')} leftIcon={<HowToRegIcon />} />
    </>
  );
}
