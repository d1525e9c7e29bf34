import { useMemo, type ReactNode } from 'react';
import { Layout, type LayoutProps } from 'react-admin';
import type { SalesModel } from '@ra-sales/schema';
import { SalesMenu } from './SalesMenu.js';

export interface SalesLayoutProps extends LayoutProps {
  model: SalesModel;
  /** The host's own menu entries, shown above the sales ones. */
  menuItems?: ReactNode;
}

/**
 * react-admin's Layout with the sales menu. Its app bar already offers 中文 / English, because
 * the sales i18n provider lists both locales; a custom app bar adds `<SalesLocaleSwitcher />`.
 */
export const SalesLayout = ({ model, menuItems, children, ...props }: SalesLayoutProps) => {
  const menu = useMemo(() => () => <SalesMenu model={model}>{menuItems}</SalesMenu>, [model, menuItems]);
  return (
    <Layout menu={menu} {...props}>
      {children}
    </Layout>
  );
};
