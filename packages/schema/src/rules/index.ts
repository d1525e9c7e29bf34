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
