/** A component whose code is fetched the first time it renders, so that a host's first chunk does not carry it. */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { LinearProgress } from 'react-admin';

/** A load run at the first call only, its promise shared; `loaded` holds the value once it has arrived. */
export interface Loader<T> {
  (): Promise<T>;
  readonly loaded: T | undefined;
}

/** `load` run at the first call only, its promise shared; a failed load is tried again at the next call. */
export function loadOnce<T>(load: () => Promise<T>): Loader<T> {
  let loading: Promise<T> | undefined;
  let loaded: T | undefined;
  const loader = () =>
    (loading ??= load().then(
      (value) => (loaded = value),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  return Object.defineProperty(loader, 'loaded', { get: () => loaded }) as Loader<T>;
}

/** A component loaded on demand; `preload()` fetches it ahead, so that its first render does not wait. */
export type OnDemand<P> = ComponentType<P> & { preload: () => Promise<unknown> };

/**
 * A thenable that calls back at once: `React.lazy` then renders a component already loaded in the
 * same pass instead of suspending for a microtask, which would show the fallback and let React
 * hold the reveal back (it throttles the reveal of suspended content, some 300 ms).
 */
const settled = <T,>(value: T) =>
  // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose, one that calls back synchronously.
  ({ then: (resolve: (value: T) => void) => resolve(value) }) as unknown as Promise<T>;

export function onDemand<P extends object>(
  name: string,
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = <LinearProgress />,
): OnDemand<P> {
  const component = loadOnce(load);
  // Cast: React 18's and 19's typings of `lazy` disagree on generic components.
  const Lazy = lazy(() => {
    const ready = component.loaded;
    return ready ? settled({ default: ready }) : component().then((loaded) => ({ default: loaded }));
  }) as unknown as ComponentType<P>;
  const OnDemand = (props: P) => (
    <Suspense fallback={fallback}>
      <Lazy {...props} />
    </Suspense>
  );
  OnDemand.displayName = name;
  OnDemand.preload = component;
  return OnDemand;
}
