// The board, the inbox, the stepper and the history are pages and page parts: `@ra-sales/ui/screens`
// exports them; here `salesCustomRoutes` and the show pages load them on demand.
export { CARDS_PER_PAGE } from './BoardColumn.js';
export { useStageMove, type StageMove } from './useStageMove.js';
export { useLockedExit, type LockedExit } from './useLockedExit.js';
export { useWorkflowInfo } from './useWorkflowInfo.js';
export {
  salesCustomRoutes,
  WorkflowMenuItems,
  APPROVALS_INBOX_PATH,
  BOARDS_PATH,
  boardPath,
  type WorkflowMenuItemsProps,
} from './routes.js';
export { BoardIndex } from './BoardIndex.js';
export {
  salesApiMethods,
  useSalesApi,
  type SalesApi,
  type SalesDataProvider,
  type WorkflowInfo,
  type NextMove,
  type GateMiss,
  type ApprovalRecord,
  type ApprovalStatus,
  type SalesUser,
  type ServerLabel,
} from './api.js';
export { workflowMessages, useSalesTranslate } from './messages.js';
export {
  stageTotals,
  hasProbabilities,
  STAGE_OVERDUE_FILTER,
  type StageTotal,
  type ReportResult,
} from './reports.js';
export { StageSlaMark, stageOverdue, hasStageLimits, type StageSlaMarkProps, type StageOverdue } from './StageSlaMark.js';
export { workflowEntities, workflowEntity, type WorkflowEntity } from './model.js';
