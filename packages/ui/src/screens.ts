/**
 * `@ra-sales/ui/screens`: the screens, the board, the inbox, the dashboard and their parts, for a
 * host composing its own pages. The main entry loads them on demand (`salesResources`,
 * `salesCustomRoutes`, `SalesDashboard`); importing this module puts them in the importer's chunk.
 */
export * from './fields/index.js';
export { EntityList, EntityBulkActions, usePluralTitle, type EntityListProps } from './resources/EntityList.js';
export { EntityShow, type EntityShowProps } from './resources/EntityShow.js';
export { EntityEdit, type EntityEditProps } from './resources/EntityEdit.js';
export { EntityCreate, type EntityCreateProps } from './resources/EntityCreate.js';
export { EntityForm } from './resources/EntityForm.js';
export { toPayload, linePayload } from './resources/payload.js';
export { useSavePayload } from './resources/useSavePayload.js';
export { BulkSetButton, type BulkSetButtonProps } from './resources/BulkSetButton.js';
export { exportRows, useSalesExporter, type ExportLabels } from './resources/exporter.js';
export { rendererFor, listColumns, showFields, formInputs, filterInputs } from './resources/elements.js';
export { useSaveErrorHandler, withRootMessage } from './resources/serverErrors.js';
export { LockBanner, type LockBannerProps } from './rules/LockBanner.js';
export { ShowRecordActions, RowRecordActions, EditFormToolbar, type RecordButtonsProps } from './rules/RecordButtons.js';
export {
  ActionButtons,
  ActionDialog,
  ActionRefusalDialog,
  BulkActionButton,
  ShowActionsToolbar,
  actionOfferedToRoles,
  bulkActionsOf,
  type ActionButtonsProps,
  type ActionDialogProps,
  type BulkActionButtonProps,
} from './resources/ActionButtons.js';
export { WorkflowBoard, useStageTotals, type WorkflowBoardProps } from './workflow/WorkflowBoard.js';
export { ApprovalsInbox, type ApprovalsInboxProps } from './workflow/ApprovalsInbox.js';
export { StageStepper, type StageStepperProps } from './workflow/StageStepper.js';
export { StageHistory, type StageHistoryProps } from './workflow/StageHistory.js';
export { SalesDashboard, type SalesDashboardProps } from './dashboard/SalesDashboard.js';
export { DashboardCardView, type DashboardCardViewProps } from './dashboard/DashboardCardView.js';
export { materialIcons, DefaultIcon } from './resources/iconSet.js';
export { GlobalSearch } from './layout/GlobalSearch.js';
export { RecordHub, type RecordHubProps } from './hub/RecordHub.js';
