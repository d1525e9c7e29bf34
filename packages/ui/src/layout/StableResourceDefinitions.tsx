import { useDeferredValue, useRef, type ReactNode } from 'react';
import { ResourceDefinitionContext, useResourceDefinitionContext, type ResourceDefinitions } from 'react-admin';

const sameEntries = (a: object, b: object) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key as keyof typeof a], b[key as keyof typeof b]));
};

/** The same resources, each declared with the same props (react-admin builds a definition from its `<Resource>`'s props). */
export const sameDefinitions = (a: ResourceDefinitions, b: ResourceDefinitions) =>
  a === b ||
  (Object.keys(a).length === Object.keys(b).length &&
    Object.entries(a).every(([name, definition]) => b[name] !== undefined && sameEntries(definition, b[name])));

export interface StableResourceDefinitionsProps {
  children: ReactNode;
  /** New definitions reach the readers below in a render of low priority, which the first screen's data overtakes. */
  deferred?: boolean;
}

/**
 * react-admin registers the resources in an effect after the first render, then unregisters and
 * registers them all again once the permissions are known: equal definitions in a new object, and
 * every reader (the menu's entries, a list's buttons) renders again on the way to the first screen.
 * Below this provider a reader sees new definitions only when one has changed.
 */
export function StableResourceDefinitions({ children, deferred = false }: StableResourceDefinitionsProps) {
  const context = useResourceDefinitionContext();
  const kept = useRef(context);
  if (kept.current !== context && !sameDefinitions(kept.current.definitions, context.definitions)) kept.current = context;
  const later = useDeferredValue(kept.current);
  return <ResourceDefinitionContext.Provider value={deferred ? later : kept.current}>{children}</ResourceDefinitionContext.Provider>;
}
