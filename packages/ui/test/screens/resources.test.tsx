/** salesResources with overrides, and the sales menu grouped by the model's groups. */
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { isValidElement } from 'react';
import { SalesLayout } from '../../src/layout/index.js';
import { salesResources } from '../../src/resources/index.js';
import { fixtureModel } from './fixture.js';
import { apiHandlers, freshDb, mockApi, renderApp } from './support.js';

const { server, seen } = mockApi();

describe('salesResources', () => {
  it('makes one <Resource> per entity with screens, icon, record representation and label', () => {
    const resources = salesResources(fixtureModel);
    expect(resources.map((r) => (r.props as { name: string }).name)).toEqual(['deals', 'customers', 'contacts']);
    const deals = resources[0]!.props as Record<string, unknown>;
    expect(deals.recordRepresentation).toBe('name');
    expect(deals.options).toEqual({ label: '交易档案', entity: fixtureModel.entities.deals });
    for (const key of ['list', 'show', 'edit', 'create', 'icon']) expect(deals[key]).toBeTruthy();
    // Same components on every call, so a re-render does not remount the screens.
    expect((salesResources(fixtureModel)[0]!.props as Record<string, unknown>).list).toBe(deals.list);
    expect(resources.every((r) => isValidElement(r))).toBe(true);
  });

  it('replaces one screen and removes another without touching the rest', () => {
    const MyList = () => null;
    const [deals] = salesResources(fixtureModel, { overrides: { deals: { list: MyList, create: null } } });
    const props = deals!.props as Record<string, unknown>;
    expect(props.list).toBe(MyList);
    expect(props.create).toBeUndefined();
    expect(props.show).toBeTruthy();
  });

  it('renders an overriding list in the app and the sales menu by group', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    const Layout = ({ children }: { children: ReactNode }) => <SalesLayout model={fixtureModel}>{children}</SalesLayout>;
    renderApp('/customers', { layout: Layout, overrides: { customers: { list: () => <p>My customer list</p> } } });
    await screen.findByText('My customer list');
    const menu = screen.getByText('Sales').closest('ul') ?? document.body;
    expect(within(menu as HTMLElement).getByText('Deals')).toBeTruthy();
    expect(within(menu as HTMLElement).getByText('Customers')).toBeTruthy();
  });
});
