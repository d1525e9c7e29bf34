/**
 * The resource definitions seen below the sales layout: react-admin registers its resources again
 * once the permissions are known (equal definitions, a new object); readers see new definitions
 * only when one has changed, so that the menu and the list do not render again for nothing.
 */
import { describe, expect, it } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import { ResourceDefinitionContext, useResourceDefinitionContext, type ResourceDefinitions } from 'react-admin';
import { sameDefinitions, StableResourceDefinitions } from '../../src/layout/StableResourceDefinitions.js';

const options = { label: 'Customers' };
const Icon = () => null;
const definitions = (overrides: Record<string, unknown> = {}): ResourceDefinitions => ({
  customers: { name: 'customers', hasList: true, hasEdit: true, hasShow: true, hasCreate: true, icon: Icon, options, ...overrides },
  contacts: { name: 'contacts', hasList: true, hasEdit: true, hasShow: true, hasCreate: false, icon: Icon, options },
});
const contextOf = (defs: ResourceDefinitions) => ({ definitions: defs, register: () => undefined, unregister: () => undefined });

describe('sameDefinitions', () => {
  it('holds for the same resources declared with the same props, in new objects', () => {
    expect(sameDefinitions(definitions(), definitions())).toBe(true);
  });

  it('fails when a definition changed, or a resource came or went', () => {
    expect(sameDefinitions(definitions(), definitions({ hasEdit: false }))).toBe(false);
    expect(sameDefinitions(definitions(), { ...definitions(), deals: { name: 'deals' } })).toBe(false);
    const { contacts: _, ...onlyCustomers } = definitions();
    expect(sameDefinitions(definitions(), onlyCustomers)).toBe(false);
  });
});

describe('StableResourceDefinitions', () => {
  function renderReader(deferred: boolean) {
    const seen: ReturnType<typeof useResourceDefinitionContext>[] = [];
    const Reader = () => {
      seen.push(useResourceDefinitionContext());
      return null;
    };
    const tree = (value: ReturnType<typeof contextOf>) => (
      <ResourceDefinitionContext.Provider value={value}>
        <StableResourceDefinitions deferred={deferred}>
          <Reader />
        </StableResourceDefinitions>
      </ResourceDefinitionContext.Provider>
    );
    const first = contextOf(definitions());
    const { rerender } = render(tree(first));
    return { seen, first, rerender: (value: ReturnType<typeof contextOf>) => rerender(tree(value)) };
  }

  it.each([false, true])('keeps the definitions it had when equal ones are registered again (deferred: %s)', async (deferred) => {
    const { seen, first, rerender } = renderReader(deferred);
    rerender(contextOf(definitions()));
    expect(seen.at(-1)).toBe(first);
    const changed = contextOf(definitions({ hasCreate: false }));
    rerender(changed);
    await waitFor(() => expect(seen.at(-1)).toBe(changed));
    expect(seen.every((value) => value === first || value === changed)).toBe(true);
  });
});
