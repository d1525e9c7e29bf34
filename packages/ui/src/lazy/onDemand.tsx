/** A component whose code is fetched the first time it renders, so that a host's first chunk does not carry it. */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { LinearProgress } from 'react-admin';

export function onDemand<P extends object>(
  name: string,
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = <LinearProgress />,
): ComponentType<P> {
  // Cast: React 18's and 19's typings of `lazy` disagree on generic components.
  const Lazy = lazy(() => load().then((component) => ({ default: component }))) as unknown as ComponentType<P>;
  const OnDemand = (props: P) => (
    <Suspense fallback={fallback}>
      <Lazy {...props} />
    </Suspense>
  );
  OnDemand.displayName = name;
  return OnDemand;
}

/** `load` run at the first call only, its promise shared; a failed load is tried again at the next call. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
