/** The package's static import graph, read from its sources: what a bundler cannot split off. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Value imports and re-exports (`import type` / `export type` and `import()` left out). */
export function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  const found: string[] = [];
  const statement = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const [, , typeOnly, , source] of code.matchAll(statement)) if (!typeOnly) found.push(source!);
  for (const [, source] of code.matchAll(/(?:^|[;\n])\s*import\s+['"]([^'"]+)['"]/g)) found.push(source!);
  return found;
}

export function resolveLocal(from: string, source: string): string | undefined {
  if (!source.startsWith('.')) return undefined;
  const base = resolve(dirname(from), source).replace(/\.js$/, '');
  return ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find(existsSync);
}

/** Every source file of the package reachable from `entry` by static imports. */
export function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [join(SRC, entry)];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const source of staticImports(file)) {
      const target = resolveLocal(file, source);
      if (target) stack.push(target);
    }
  }
  return new Set([...seen].map((file) => relative(SRC, file)));
}

/** Loaded only by `import()`: the screens, the board, the inbox and the dashboard. */
export const ON_DEMAND_MODULES = [
  'layout/GlobalSearch.tsx',
  'resources/lazyScreens.ts',
  'resources/EntityList.tsx',
  'resources/EntityShow.tsx',
  'resources/EntityEdit.tsx',
  'resources/EntityCreate.tsx',
  'resources/EntityForm.tsx',
  'resources/elements.tsx',
  'resources/exporter.ts',
  'resources/BulkSetButton.tsx',
  'workflow/WorkflowBoard.tsx',
  'workflow/ApprovalsInbox.tsx',
  'dashboard/SalesDashboard.tsx',
  'dashboard/charts.tsx',
  'dashboard/svgCharts.tsx',
  'resources/iconSet.ts',
];

/** Every TypeScript source under `dir` (the package's `src` by default). */
export function sources(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}
