// The board and the inbox stay exported for hosts that place them themselves. `salesCustomRoutes`
// loads them with import(): a bundler that tree-shakes re-exports (the package has
// "sideEffects": false) still puts them in their own chunks unless the host imports them from here.
export { WorkflowBoard, useStageTotals, type WorkflowBoardProps } from './WorkflowBoard.js';
export { CARDS_PER_PAGE } from './BoardColumn.js';
export { StageStepper, type StageStepperProps } from './StageStepper.js';
export { StageHistory, type StageHistoryProps } from './StageHistory.js';
export { ApprovalsInbox, type ApprovalsInboxProps } from './ApprovalsInbox.js';
export { useStageMove, type StageMove } from './useStageMove.js';
export { useLockedExit, type LockedExit } from './useLockedExit.js';
export { useWorkflowInfo } from './useWorkflowInfo.js';
export { salesCustomRoutes, WorkflowMenuItems, APPROVALS_INBOX_PATH, BOARDS_PATH, boardPath, type WorkflowMenuItemsProps } from './routes.js';
export { BoardIndex } from './BoardIndex.js';
export {
  salesApiMethods, useSalesApi,
  type SalesApi, type SalesDataProvider, type WorkflowInfo, type NextMove, type GateMiss, type ApprovalRecord,
  type ApprovalStatus, type SalesUser, type ServerLabel,
} from './api.js';
export { workflowMessages, useSalesTranslate } from './messages.js';
export {
  fetchReport, fetchAllRecords, stageTotals, stageTotalsFromRecords, hasProbabilities, weightedOf, STAGE_OVERDUE_FILTER, type StageTotal, type ReportResult,
} from './reports.js';
export { StageSlaMark, stageOverdue, hasStageLimits, type StageSlaMarkProps, type StageOverdue } from './StageSlaMark.js';
export { workflowEntities, workflowEntity, type WorkflowEntity } from './model.js';
