import { useCallback } from 'react';
import { useBasename } from 'react-admin';

/**
 * `path` inside an admin mounted at `basename` (`<Admin basename="/admin">`): `/customers` →
 * `/admin/customers`. A path already under the basename is left as it is.
 */
export function withBasename(basename: string, path: string): string {
  const base = basename.replace(/\/+$/, '');
  if (!base) return path;
  if (path === base || path.startsWith(`${base}/`) || path.startsWith(`${base}?`)) return path;
  return `${base}${path.startsWith('/') ? '' : '/'}${path}`;
}

/**
 * Turns an app path (`/board/opportunities`) into a link inside the host's admin, honouring
 * react-admin's basename as `useCreatePath` does for resources. For every link the sales
 * screens render outside a resource route (menu items, board index, dashboard links).
 */
export function useAdminPath(): (path: string) => string {
  const basename = useBasename();
  return useCallback((path: string) => withBasename(basename, path), [basename]);
}
