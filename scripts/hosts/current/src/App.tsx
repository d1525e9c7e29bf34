import type { ReactNode } from 'react';
import { Admin, combineDataProviders, Menu, Resource } from 'react-admin';
import { model } from '@ra-sales/domain/client';
import {
  createSalesDataProvider, createSalesI18nProvider, SalesDashboard, SalesLayout, salesCustomRoutes, salesResources,
} from '@ra-sales/ui';
import { comments } from './comments';
import { dataProvider } from './dataProvider';
import fr from './i18n/fr';
import { posts } from './posts';

// The sales screens join the app: our messages over theirs (French first, English on demand),
// their API beside our data, one menu.
const i18nProvider = createSalesI18nProvider(model, {
  hostMessages: { fr, en: () => import('./i18n/en') },
});
const salesDataProvider = createSalesDataProvider('/api/sales', { model, locale: () => i18nProvider.getLocale() });
const combinedDataProvider = combineDataProviders((resource) =>
  ['posts', 'comments'].includes(resource) ? dataProvider : salesDataProvider,
);
const ownMenu = (
  <>
    <Menu.ResourceItem name="posts" />
    <Menu.ResourceItem name="comments" />
  </>
);
const Layout = ({ children }: { children: ReactNode }) => (
  <SalesLayout model={model} menuItems={ownMenu}>{children}</SalesLayout>
);
const Dashboard = () => <SalesDashboard model={model} />;

export const App = () => (
  <Admin dataProvider={combinedDataProvider} i18nProvider={i18nProvider} layout={Layout} dashboard={Dashboard} disableTelemetry>
    <Resource name="posts" {...posts} />
    <Resource name="comments" {...comments} />
    {salesResources(model)}
    {salesCustomRoutes(model)}
  </Admin>
);
