import type { ReactNode } from 'react';
import { Admin, combineDataProviders, Menu, Resource } from 'react-admin';
import { model } from '@ra-sales/domain';
import {
  createSalesDataProvider, createSalesI18nProvider, salesCustomRoutes, SalesDashboard, SalesLayout, salesResources,
} from '@ra-sales/ui';
import { announcements, BACKOFFICE_RESOURCES, backofficeDataProvider, backofficeMessages, employees } from './backoffice/index.js';

// --- ra-sales drop-in: the sales API beside the back office's own data, one i18n, one menu ---
const i18nProvider = createSalesI18nProvider(model, { hostMessages: backofficeMessages });
const salesData = createSalesDataProvider('/api', { model, locale: () => i18nProvider.getLocale() });
const dataProvider = combineDataProviders((resource) =>
  BACKOFFICE_RESOURCES.includes(resource) ? backofficeDataProvider : salesData,
);
const ownMenu = (<><Menu.ResourceItem name="announcements" /><Menu.ResourceItem name="employees" /></>);
const Layout = ({ children }: { children: ReactNode }) => <SalesLayout model={model} menuItems={ownMenu}>{children}</SalesLayout>;
const Dashboard = () => <SalesDashboard model={model} />;
// ----------------------------------------------------------------------------------------------

export const App = () => (
  <Admin dataProvider={dataProvider} i18nProvider={i18nProvider} layout={Layout} dashboard={Dashboard}>
    <Resource name="announcements" {...announcements} />
    <Resource name="employees" {...employees} />
    {salesResources(model)}
    {salesCustomRoutes(model)}
  </Admin>
);
