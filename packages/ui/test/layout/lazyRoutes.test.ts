/**
 * The board and the approvals inbox are loaded on demand by `salesCustomRoutes`: routes.tsx reaches
 * them only through `import()`, and of the library's modules only `@ra-sales/ui/screens` imports them.
 */
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SRC, staticGraph, staticImports, sources } from '../support/importGraph.js';

const PAGES = /\/(WorkflowBoard|ApprovalsInbox)(\.js)?$/;

describe('lazy workflow pages', () => {
  it('routes.tsx does not reach them by static imports', () => {
    const graph = staticGraph('workflow/routes.tsx');
    expect([...graph].filter((file) => /WorkflowBoard|ApprovalsInbox/.test(file))).toEqual([]);
  });

  it('only the screens subpath imports them statically', () => {
    const importers = sources()
      .filter((file) => staticImports(file).some((path) => PAGES.test(path)))
      .map((file) => relative(SRC, file));
    expect(importers).toEqual(['screens.ts']);
  });
});
