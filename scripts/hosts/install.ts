import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { indent, tail } from './format.js';
import { run } from './processes.js';
import { StepFailure } from './steps.js';

/** Libraries holding React contexts or singletons: two copies of one break the app at run time. */
const SINGLETONS = [
  'react',
  'react-dom',
  'react-admin',
  'ra-core',
  'ra-ui-materialui',
  '@mui/material',
  '@mui/system',
  '@emotion/react',
  'react-router',
  'react-router-dom',
  '@tanstack/react-query',
  'react-hook-form',
  '@ra-sales/schema',
];
/** Shown in the report: what npm resolved. */
const SHOWN_VERSIONS = ['react', 'react-admin', '@mui/material', 'react-router', 'typescript', 'vite'];

/** Every installed copy of `name` in the tree (nested copies included), with its version. */
function installedCopies(root: string, name: string): { path: string; version: string }[] {
  const found: { path: string; version: string }[] = [];
  const visit = (modules: string, depth: number) => {
    if (depth > 8 || !existsSync(modules)) return;
    const candidate = join(modules, name, 'package.json');
    if (existsSync(candidate))
      found.push({ path: relative(root, dirname(candidate)), version: JSON.parse(readFileSync(candidate, 'utf8')).version });
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const packages = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((sub) => join(entry, sub)) : [entry];
      for (const pkg of packages) {
        const nested = join(modules, pkg, 'node_modules');
        if (existsSync(nested)) visit(nested, depth + 1);
      }
    }
  };
  visit(join(root, 'node_modules'), 0);
  return found;
}

/**
 * Plain `npm install` of the tarballs and the host's own dependencies: any ERESOLVE fails, and so
 * does a second copy of a singleton. Returns the versions npm resolved.
 */
export async function npmInstall(dir: string, tarballs: string[]): Promise<string> {
  const result = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=warn', ...tarballs], {
    cwd: dir,
    timeoutMs: 420_000,
  });
  const eresolve = /ERESOLVE/.test(result.output);
  if (result.code !== 0 || eresolve) {
    throw new StepFailure(`npm install ${eresolve ? 'hit ERESOLVE' : `exited with ${result.code}`}:\n${tail(result.output, 60)}`);
  }
  const duplicated = SINGLETONS.map((name) => ({ name, copies: installedCopies(dir, name) })).filter(({ copies }) => copies.length > 1);
  if (duplicated.length) {
    throw new StepFailure(
      `more than one copy installed (the app would run with two contexts):\n${duplicated
        .map(({ name, copies }) => `  ${name}: ${copies.map((c) => `${c.version} at ${c.path}`).join(', ')}`)
        .join('\n')}`,
    );
  }
  const warnings = result.output.split('\n').filter((line) => /npm warn/i.test(line) && !/install-scripts|deprecated/i.test(line));
  if (warnings.length) console.log(indent(`npm warnings:\n${warnings.join('\n')}`));
  return SHOWN_VERSIONS.map((name) => `${name} ${installedCopies(dir, name)[0]?.version ?? '—'}`).join(', ');
}
