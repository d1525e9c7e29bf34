export { evaluate, expressionUse, holds, localToday, OPERATORS, TODAY, type ExpressionUse } from './expression.js';
export { computeRecord, hasComputed, isComputedField, orderByDependency, computedCycles } from './computeRecord.js';
export { bindFilter, filterField, recordPath, FILTER_SUFFIXES } from './filter.js';
export { mayWriteField, ownsRecord, lockedStage, mayReverse, readOnlyFieldsFor, SUPER_ROLE, type RuleUser } from './rights.js';
export { scopeOf, SCOPE_WIDTH } from './scope.js';
export { frozenByRequests, type ApprovalState } from './freezes.js';
export { actionOffered, isLinesMapping } from './actions.js';
export { fillMessage } from './messages.js';
export {
  workflowEntities,
  stageOf,
  nextStages,
  isForward,
  pipelineOf,
  pipelineView,
  workflowOfRecord,
  initialStageOf,
  pipelineSwitch,
  type WorkflowEntity,
} from './workflow.js';
export { isSearchable, type SearchHit } from './search.js';
export {
  activityKindsOf,
  taskDue,
  ACTIVITY_TEXT_MAX,
  DEFAULT_ACTIVITY_KINDS,
  TASK_TITLE_MAX,
  type TaskDue,
} from './activities.js';
export {
  ATTACHMENT_TYPES,
  DEFAULT_ATTACHMENT_MAX_BYTES,
  fileExtension,
  formatFileSize,
  judgeAttachment,
  type Attachment,
  type AttachmentList,
  type AttachmentType,
  type AttachmentVerdict,
} from './attachments.js';
