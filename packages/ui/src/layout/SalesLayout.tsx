import { useMemo, type ReactNode } from 'react';
import { AppBar, Layout, TitlePortal, type LayoutProps } from 'react-admin';
import type { SalesModel } from '@ra-sales/schema';
import { SalesLocaleSwitcher } from '../i18n/LocaleSwitcher.js';
import { SalesMenu } from './SalesMenu.js';

/** An app bar with the 中文 / English switcher. */
export const SalesAppBar = () => (
  <AppBar>
    <TitlePortal />
    <SalesLocaleSwitcher />
  </AppBar>
);

export interface SalesLayoutProps extends LayoutProps {
  model: SalesModel;
  /** The host's own menu entries, shown above the sales ones. */
  menuItems?: ReactNode;
}

/** react-admin's Layout with the sales menu and the locale switcher. */
export const SalesLayout = ({ model, menuItems, children, ...props }: SalesLayoutProps) => {
  const menu = useMemo(() => () => <SalesMenu model={model}>{menuItems}</SalesMenu>, [model, menuItems]);
  return (
    <Layout appBar={SalesAppBar} menu={menu} {...props}>
      {children}
    </Layout>
  );
};
