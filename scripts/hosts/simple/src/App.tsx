import React from 'react';
import { Admin, combineDataProviders, Menu, Resource } from 'react-admin';
import { model } from '@ra-sales/domain/client';
import { createSalesDataProvider, createSalesI18nProvider, SalesLayout, salesCustomRoutes, salesResources } from '@ra-sales/ui';
import comments from './comments';
import dataProvider from './dataProvider';
import hostI18nProvider from './i18nProvider';
import posts from './posts';

// The sales screens join the app: their texts under ours, their API beside our data, one menu.
const i18nProvider = createSalesI18nProvider(model, { i18nProvider: hostI18nProvider });
const salesDataProvider = createSalesDataProvider('/api/sales', { model, locale: () => i18nProvider.getLocale() });
const combinedDataProvider = combineDataProviders((resource) =>
  resource === 'posts' || resource === 'comments' ? dataProvider : salesDataProvider,
);
const ownMenu = (
  <>
    <Menu.ResourceItem name="posts" />
    <Menu.ResourceItem name="comments" />
  </>
);
const Layout = ({ children }: { children: React.ReactNode }) => (
  <SalesLayout model={model} menuItems={ownMenu}>{children}</SalesLayout>
);

const App = () => (
  <Admin basename="/admin" dataProvider={combinedDataProvider} i18nProvider={i18nProvider} layout={Layout} disableTelemetry>
    <Resource name="posts" {...posts} />
    <Resource name="comments" {...comments} />
    {salesResources(model)}
    {salesCustomRoutes(model)}
  </Admin>
);

export default App;
