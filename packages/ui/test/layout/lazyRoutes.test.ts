/**
 * The board and the approvals inbox are loaded on demand by `salesCustomRoutes`: routes.tsx reaches
 * them only through `import()`, and of the library's modules only `@ra-sales/ui/screens` imports them.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SRC, staticGraph, staticImports } from '../support/importGraph.js';

const PAGES = /\/(WorkflowBoard|ApprovalsInbox)(\.js)?$/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('lazy workflow pages', () => {
  it('routes.tsx does not reach them by static imports', () => {
    const graph = staticGraph('workflow/routes.tsx');
    expect([...graph].filter((file) => /WorkflowBoard|ApprovalsInbox/.test(file))).toEqual([]);
  });

  it('only the screens subpath imports them statically', () => {
    const importers = sources(SRC)
      .filter((file) => staticImports(file).some((path) => PAGES.test(path)))
      .map((file) => relative(SRC, file));
    expect(importers).toEqual(['screens.ts']);
  });
});
