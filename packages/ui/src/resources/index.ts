/**
 * What the host's first chunk needs from the screens: the `<Resource>` declarations, their icons
 * and the model helpers. `EntityList`, `EntityShow`, `EntityEdit` and `EntityCreate` are here as
 * on-demand wrappers (same props); the screens themselves and their parts (the form, the columns,
 * the exporter, the record buttons…) are exported by `@ra-sales/ui/screens` (src/screens.ts).
 * Nothing here imports them statically, or the bundler could not split them off. Types are
 * exported from both (they cost nothing).
 */
export { salesResources, defaultScreens, type ResourceScreens, type SalesResourcesOptions } from './salesResources.js';
export { EntityList, EntityShow, EntityEdit, EntityCreate, loadSalesScreens } from './onDemand.js';
export { sectionsOf, MAIN_SECTION, type Section } from './sections.js';
export { entityOf, editableFields, formFields, type EntityScreenProps } from './entity.js';
export { iconFor, loadIconSet } from './icons.js';
export type { WorkflowSlotProps } from './workflowSlots.js';
export type { EntityListProps } from './EntityList.js';
export type { EntityShowProps } from './EntityShow.js';
export type { EntityEditProps } from './EntityEdit.js';
export type { EntityCreateProps } from './EntityCreate.js';
export type { BulkSetButtonProps } from './BulkSetButton.js';
export { exportRows, type ExportLabels } from './exportRows.js';
