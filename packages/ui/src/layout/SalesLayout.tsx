import { createContext, memo, useContext, useMemo, type ReactNode } from 'react';
import { AppBar, Layout, TitlePortal, type LayoutProps } from 'react-admin';
import type { ClientSalesModel } from '@ra-sales/schema';
import { onDemand } from '../lazy/onDemand.js';
import { useAfterFirstPaint } from '../lazy/useAfterFirstPaint.js';
import { SalesMenu, type SalesMenuProps } from './SalesMenu.js';
import { StableResourceDefinitions } from './StableResourceDefinitions.js';
import { phoneAppBar } from './phoneAppBar.js';

export interface SalesLayoutProps extends LayoutProps {
  model: ClientSalesModel;
  /** The host's own menu entries (e.g. `<Menu.ResourceItem name="posts" />`), shown above the sales ones. */
  menuItems?: ReactNode;
  /** Boards given their own menu entry (see `WorkflowMenuItems`). */
  boards?: SalesMenuProps['boards'];
}

const MenuPropsContext = createContext<SalesMenuProps | null>(null);

/**
 * One component type for every render (the props come through context), so the menu is never
 * remounted; memoised, so that it renders again only when its own data changes, not with every
 * render of the layout while the first screen loads. It comes after the layout's first paint,
 * whole (most of its entries need the resources' registration), in renders of low priority that
 * the first screen's rows overtake.
 */
const LayoutMenu = memo(function LayoutMenu() {
  const props = useContext(MenuPropsContext);
  const painted = useAfterFirstPaint();
  return props && painted ? (
    <StableResourceDefinitions deferred>
      <SalesMenu {...props} />
    </StableResourceDefinitions>
  ) : null;
});

// Loaded on demand: MUI Autocomplete stays out of the host's first chunk.
const LazyGlobalSearch = onDemand('GlobalSearch', () => import('./GlobalSearch.js').then((module) => module.GlobalSearch), null);
const LazyInboxBell = onDemand('InboxBell', () => import('../activities/InboxBell.js').then((module) => module.InboxBell), null);
const LazyUserMenu = onDemand('SalesUserMenu', () => import('./SalesUserMenu.js').then((module) => module.SalesUserMenu), null);

/** react-admin's app bar (title, language menu, user menu) with the search box; memoised as the menu is. */
const SalesAppBar = memo(function SalesAppBar() {
  const props = useContext(MenuPropsContext);
  return (
    <AppBar userMenu={props ? <LazyUserMenu model={props.model} /> : undefined} sx={phoneAppBar}>
      <TitlePortal />
      {props && <LazyGlobalSearch model={props.model} />}
      <LazyInboxBell />
    </AppBar>
  );
});

/**
 * react-admin's Layout with the sales menu and, in the app bar, a search box (`GlobalSearch`). Its
 * app bar offers a language menu whenever the i18n provider lists more than one locale (with
 * `createSalesI18nProvider`: the host's languages and the library's); a custom app bar adds
 * `<SalesLocaleSwitcher />`. Other `Layout` props (`appBar`, `sidebar`, …) pass through.
 */
export const SalesLayout = ({ model, menuItems, boards, children, ...props }: SalesLayoutProps) => {
  const menuProps = useMemo<SalesMenuProps>(() => ({ model, boards, children: menuItems }), [model, boards, menuItems]);
  return (
    <StableResourceDefinitions>
      <MenuPropsContext.Provider value={menuProps}>
        <Layout menu={LayoutMenu} {...props} appBar={props.appBar ?? SalesAppBar}>
          {children}
        </Layout>
      </MenuPropsContext.Provider>
    </StableResourceDefinitions>
  );
};
