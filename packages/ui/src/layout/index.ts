export { SalesMenu, SalesMenuItems } from './SalesMenu.js';
export { SalesLayout, SalesAppBar, type SalesLayoutProps } from './SalesLayout.js';
