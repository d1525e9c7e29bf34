/**
 * The screens load on demand: nothing in the static import graph of the package's main entry
 * (nor of `salesResources`) reaches the list / show / edit / create machinery, which only a
 * dynamic `import()` loads; the screens still render through `salesResources`, and overrides win.
 */
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { ResourceProps } from 'react-admin';
import { defaultScreens, EntityList, loadSalesScreens, salesResources } from '../../src/resources/index.js';
import * as screens from '../../src/screens.js';
import { fixtureModel } from '../screens/fixture.js';
import { apiHandlers, freshDb, mockApi, renderApp } from '../screens/support.js';
import { ON_DEMAND_MODULES, staticGraph } from '../support/importGraph.js';

describe('the static import graph', () => {
  it('finds static imports and leaves out type-only and dynamic ones (the walker itself)', () => {
    const graph = staticGraph('screens.ts');
    expect(graph).toContain('resources/EntityList.tsx');
    expect(graph).toContain('fields/registry.tsx');
    expect(staticGraph('resources/salesResources.tsx')).toContain('resources/onDemand.tsx');
    expect(staticGraph('resources/onDemand.tsx')).not.toContain('resources/EntityList.tsx'); // `import type` only
  });

  it.each([
    'index.ts',
    'resources/index.ts',
    'resources/salesResources.tsx',
    'rules/index.ts',
    'data/index.ts',
    'user/index.ts',
    'workflow/index.ts',
    'dashboard/index.ts',
  ])('of %s does not reach what loads on demand', (entry) => {
    const graph = staticGraph(entry);
    expect(ON_DEMAND_MODULES.filter((module) => graph.has(module))).toEqual([]);
  });

  it('of salesResources holds the declarations, labels and icons', () => {
    const graph = staticGraph('resources/salesResources.tsx');
    expect([...graph].sort()).toEqual([
      'i18n/labels.ts',
      'lazy/onDemand.tsx',
      'resources/icons.tsx',
      'resources/onDemand.tsx',
      'resources/salesResources.tsx',
    ]);
  });
});

describe('the screens on demand', () => {
  const { server, seen } = mockApi();

  it('loads the four screens from one module, the ones @ra-sales/ui/screens exports', async () => {
    const loaded = await loadSalesScreens();
    expect(loaded.EntityList).toBe(screens.EntityList);
    expect(loaded.EntityShow).toBe(screens.EntityShow);
    expect(loaded.EntityEdit).toBe(screens.EntityEdit);
    expect(loaded.EntityCreate).toBe(screens.EntityCreate);
    expect(EntityList).not.toBe(screens.EntityList); // the main entry's is the on-demand wrapper
  });

  const propsOf = (resources: ReactElement[]) => resources.map((resource) => resource.props as ResourceProps);

  it('declares every resource with the same on-demand screens at each call', () => {
    const first = propsOf(salesResources(fixtureModel));
    const again = propsOf(salesResources(fixtureModel));
    expect(first.map((r) => r.name)).toEqual(Object.keys(fixtureModel.entities));
    for (const [i, resource] of first.entries()) {
      expect(resource.list).toBe(defaultScreens(fixtureModel, resource.name).list);
      expect(resource.edit).toBe(again[i]!.edit);
    }
  });

  it('renders a lazily loaded list in the app', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals');
    await screen.findByText('Harbour upgrade');
  });

  it('keeps overrides, which are not loaded lazily', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    const [deals] = propsOf(salesResources(fixtureModel, { overrides: { deals: { list: () => <p>My deals</p>, create: null } } }));
    expect(deals!.create).toBeUndefined();
    expect(deals!.edit).toBe(defaultScreens(fixtureModel, 'deals').edit);
    renderApp('/deals', { overrides: { deals: { list: () => <p>My deals</p> } } });
    await screen.findByText('My deals');
  });
});
