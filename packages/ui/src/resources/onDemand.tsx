/**
 * `EntityList`, `EntityShow`, `EntityEdit` and `EntityCreate` as the package's main entry exports
 * them: the same props, loaded on demand (one chunk for the four, fetched the first time one
 * renders). A generated `screens/<resource>.tsx` or a host's override importing them from
 * `@ra-sales/ui` keeps the host's first chunk free of the screens; `@ra-sales/ui/screens` exports
 * the components themselves.
 */
import { loadOnce, onDemand } from '../lazy/onDemand.js';
import type { EntityCreateProps } from './EntityCreate.js';
import type { EntityEditProps } from './EntityEdit.js';
import type { EntityListProps } from './EntityList.js';
import type { EntityShowProps } from './EntityShow.js';

/** Loads the screens' chunk (once; a failed load is tried again next time). A host may call it to prefetch. */
export const loadSalesScreens = loadOnce(() => import('./lazyScreens.js'));

/** The list of an entity (see `@ra-sales/ui/screens`), loaded on demand. */
export const EntityList = onDemand<EntityListProps>('EntityList', () => loadSalesScreens().then((s) => s.EntityList));
/** A record's show page (see `@ra-sales/ui/screens`), loaded on demand. */
export const EntityShow = onDemand<EntityShowProps>('EntityShow', () => loadSalesScreens().then((s) => s.EntityShow));
/** A record's edit page (see `@ra-sales/ui/screens`), loaded on demand. */
export const EntityEdit = onDemand<EntityEditProps>('EntityEdit', () => loadSalesScreens().then((s) => s.EntityEdit));
/** A new record's page (see `@ra-sales/ui/screens`), loaded on demand. */
export const EntityCreate = onDemand<EntityCreateProps>('EntityCreate', () => loadSalesScreens().then((s) => s.EntityCreate));
