/**
 * `EntityList`, `EntityShow`, `EntityEdit` and `EntityCreate` as the package's main entry exports
 * them: the same props, loaded on demand (one chunk for the four, fetched the first time one
 * renders). A generated `screens/<resource>.tsx` or a host's override importing them from
 * `@ra-sales/ui` keeps the host's first chunk free of the screens; `@ra-sales/ui/screens` exports
 * the components themselves.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { LinearProgress } from 'react-admin';
import type { EntityCreateProps } from './EntityCreate.js';
import type { EntityEditProps } from './EntityEdit.js';
import type { EntityListProps } from './EntityList.js';
import type { EntityShowProps } from './EntityShow.js';

type Screens = typeof import('./lazyScreens.js');

let loading: Promise<Screens> | undefined;

/** Loads the screens' chunk (once; a failed load is tried again next time). A host may call it to prefetch. */
export function loadSalesScreens(): Promise<Screens> {
  loading ??= import('./lazyScreens.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

function onDemand<P extends object>(name: string, pick: (screens: Screens) => ComponentType<P>): ComponentType<P> {
  // Cast: React 18's and 19's typings of `lazy` disagree on generic components.
  const Lazy = lazy(() => loadSalesScreens().then((screens) => ({ default: pick(screens) }))) as unknown as ComponentType<P>;
  const OnDemand = (props: P) => (
    <Suspense fallback={<LinearProgress />}>
      <Lazy {...props} />
    </Suspense>
  );
  OnDemand.displayName = name;
  return OnDemand;
}

/** The list of an entity (see `@ra-sales/ui/screens`), loaded on demand. */
export const EntityList = onDemand<EntityListProps>('EntityList', (s) => s.EntityList);
/** A record's show page (see `@ra-sales/ui/screens`), loaded on demand. */
export const EntityShow = onDemand<EntityShowProps>('EntityShow', (s) => s.EntityShow);
/** A record's edit page (see `@ra-sales/ui/screens`), loaded on demand. */
export const EntityEdit = onDemand<EntityEditProps>('EntityEdit', (s) => s.EntityEdit);
/** A new record's page (see `@ra-sales/ui/screens`), loaded on demand. */
export const EntityCreate = onDemand<EntityCreateProps>('EntityCreate', (s) => s.EntityCreate);
