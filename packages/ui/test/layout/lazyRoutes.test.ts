/**
 * The board and the approvals inbox are loaded on demand by `salesCustomRoutes`: no module of
 * the library imports them statically (type-only imports are erased), except the workflow
 * index's re-exports for hosts — which a bundler drops when the host does not use them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Value imports and re-exports (`import { X } from`, `export { X } from`, `import './X'`), not `import type`. */
const STATIC_IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g;

function staticImportsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)].map((match) => match[1]!);
}

describe('lazy workflow pages', () => {
  it('routes.tsx imports WorkflowBoard and ApprovalsInbox only through import()', () => {
    const routes = readFileSync(join(SRC, 'workflow/routes.tsx'), 'utf8');
    expect(staticImportsOf(join(SRC, 'workflow/routes.tsx')).filter((path) => /WorkflowBoard|ApprovalsInbox/.test(path))).toEqual([]);
    expect(routes).toMatch(/lazy\(\(\) => import\('\.\/WorkflowBoard\.js'\)/);
    expect(routes).toMatch(/lazy\(\(\) => import\('\.\/ApprovalsInbox\.js'\)/);
  });

  it('no other module imports them statically, except the workflow index re-exports', () => {
    const importers = sources(SRC)
      .filter((file) => staticImportsOf(file).some((path) => /\/(WorkflowBoard|ApprovalsInbox)(\.js)?$/.test(path)))
      .map((file) => relative(SRC, file));
    expect(importers).toEqual(['workflow/index.ts']);
  });
});
