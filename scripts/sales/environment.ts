import { basename, dirname, resolve } from 'node:path';
import { defaultOut } from '../../packages/codegen/src/cli.js';
import { REPO } from './paths.js';

/** The company example: `pnpm check` and `pnpm gen` without --overlay keep it up to date beside the default domain. */
export const COMPANY_EXAMPLE = 'examples/company-oa/overlay';

/**
 * The short name of an overlay's company, for its build and data folders: the folder holding the
 * overlay (`my-company/overlay` → `my-company`), or the overlay folder itself when it sits in the
 * repository's main folder.
 */
export function companyName(overlay: string): string {
  const folder = resolve(REPO, overlay);
  const holder = dirname(folder);
  const name = holder === resolve(REPO) ? basename(folder) : basename(holder);
  return name.replace(/[^\w.-]+/g, '-');
}

/**
 * The environment the standalone server (packages/server/src/main.ts) and the admin app's build
 * run with for an overlay, or for the default domain (no overlay). For an overlay: its generated
 * folder, its own build and data folders, and the overlay itself (so that the server can name it
 * in the commands it suggests). Folders the user set win; everything else (PORT, DATABASE_URL, …)
 * passes through.
 */
export function salesEnvironment(overlay?: string, from: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env = { ...from };
  if (overlay === undefined) {
    // One exported for an earlier overlay run would make the server name the wrong folder.
    delete env.SALES_OVERLAY;
    return env;
  }
  const name = companyName(overlay);
  env.SALES_DOMAIN ||= defaultOut([overlay]);
  env.ADMIN_DIR ||= `examples/backoffice/dist-${name}`;
  env.DATA_DIR ||= `.data/${name}`;
  env.SALES_OVERLAY = overlay;
  return env;
}
