/** Where a template's app serves the admin and how its routes look. */
export interface Routing {
  /** The admin's home, relative to the server's origin. */
  home: string;
  /** The URL of an admin route (`/posts`). */
  route: (path: string) => string;
  /** Every page URL and every link must be inside the admin (checked on each step). */
  inside: (url: URL) => boolean;
  insideText: string;
}

const ROUTING = {
  // <Admin basename="/admin"> inside the host's BrowserRouter: real paths under /admin.
  simple: {
    home: '/admin',
    route: (path) => `/admin${path}`,
    inside: (url) => url.pathname === '/admin' || url.pathname.startsWith('/admin/'),
    insideText: 'under /admin',
  },
  // react-admin's own HashRouter at /.
  current: {
    home: '/',
    route: (path) => `/#${path}`,
    inside: (url) => url.pathname === '/' && (url.hash === '' || url.hash.startsWith('#/')),
    insideText: 'at / with #/ routes',
  },
} satisfies Record<string, Routing>;

/** A folder of scripts/hosts holding a host app. */
export type Template = keyof typeof ROUTING;

export interface HostProfile {
  name: string;
  template: Template;
  /** Dependency versions written over the template's package.json before npm install. */
  versions: Record<string, string>;
  routing: Routing;
}

const profile = (name: string, template: Template, versions: Record<string, string> = {}): HostProfile => ({
  name,
  template,
  versions,
  routing: ROUTING[template],
});

// react-admin 5 accepts MUI "^5.16.12 || ^6.0.0 || ^7.0.0 || ^9.0.0": one host per major. The
// variants reuse a template's app as it is, only on another MUI, so that a difference between
// their runs is MUI's.
export const PROFILES: HostProfile[] = [
  profile('simple', 'simple'),
  profile('current', 'current'),
  // React 18, react-router 6, Vite 6, under /admin, as simple.
  profile('mui6', 'simple', { '@mui/material': '^6.0.0', '@mui/icons-material': '^6.0.0' }),
  // React 19, react-router 7, Vite 8, as current.
  profile('mui7', 'current', { '@mui/material': '^7.0.0', '@mui/icons-material': '^7.0.0' }),
];
