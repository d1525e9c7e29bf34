import type { ReactNode } from 'react';
import { Admin, combineDataProviders, Menu, mergeTranslations, Resource } from 'react-admin';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { model } from '@ra-sales/domain/client';
import {
  createSalesDataProvider,
  createSalesI18nProvider,
  demoActAs,
  raChineseMessages,
  salesCustomRoutes,
  SalesDashboard,
  SalesLayout,
  salesResources,
} from '@ra-sales/ui';
import { announcements, BACKOFFICE_RESOURCES, backofficeDataProvider, backofficeMessages, employees } from './backoffice/index.js';

// The back office's own i18n, as it was before the sales screens came: Chinese by default, English.
const backofficeI18nProvider = polyglotI18nProvider(
  (locale) =>
    locale === 'en'
      ? mergeTranslations(englishMessages, backofficeMessages.en)
      : mergeTranslations(raChineseMessages, backofficeMessages['zh-CN']),
  'zh-CN',
  [
    { locale: 'zh-CN', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
);

// --- ra-sales drop-in: the sales API beside the back office's own data, one i18n, one menu ---
// The sales texts are layered under the back office's provider: its keys, languages and default locale win.
const i18nProvider = createSalesI18nProvider(model, { i18nProvider: backofficeI18nProvider });
// The demo server reads `X-Sales-User`: the user menu's "Act as" picks the salesperson it names.
const actAs = demoActAs();
const salesData = {
  ...createSalesDataProvider('/api', { model, locale: () => i18nProvider.getLocale(), user: actAs.user }),
  ...actAs.methods,
};
const dataProvider = combineDataProviders((resource) => (BACKOFFICE_RESOURCES.includes(resource) ? backofficeDataProvider : salesData));
const ownMenu = (
  <>
    <Menu.ResourceItem name="announcements" />
    <Menu.ResourceItem name="employees" />
  </>
);
const Layout = ({ children }: { children: ReactNode }) => (
  <SalesLayout model={model} menuItems={ownMenu}>
    {children}
  </SalesLayout>
);
const Dashboard = () => <SalesDashboard model={model} />;
// ----------------------------------------------------------------------------------------------

export const App = () => (
  <Admin dataProvider={dataProvider} i18nProvider={i18nProvider} layout={Layout} dashboard={Dashboard} disableTelemetry>
    <Resource name="announcements" {...announcements} />
    <Resource name="employees" {...employees} />
    {salesResources(model)}
    {salesCustomRoutes(model)}
  </Admin>
);
