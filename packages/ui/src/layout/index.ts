export { SalesMenu, SalesMenuItems, type SalesMenuProps, type SalesMenuItemsProps } from './SalesMenu.js';
export { SalesLayout, type SalesLayoutProps } from './SalesLayout.js';
export { useAdminPath, withBasename } from './basename.js';
