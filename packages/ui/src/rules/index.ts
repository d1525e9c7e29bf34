export { readOnlyReasons, type ReadOnlyReason } from './fieldAccess.js';
export { recordAccess, writeScopeOf, inWriteScope, type RecordAccess } from './recordAccess.js';
export { serverComputedFields, liveComputedValue, valueAt } from './liveCompute.js';
export { useReadOnlyHints, isNewRecord, type ReadOnlyHints } from './useReadOnlyHints.js';
export { useRecordAccess } from './useRecordAccess.js';
export { useMayCreate, useMayWrite } from './useMayCreate.js';
export { useStageName } from './useStageName.js';
// The rules' components (LockBanner, the record buttons) are parts of the screens: exported by `@ra-sales/ui/screens`.
export type { LockBannerProps } from './LockBanner.js';
export type { RecordButtonsProps } from './RecordButtons.js';
export { frozenFields } from './approvalFreezes.js';
export { usePendingFreezes } from './usePendingFreezes.js';
