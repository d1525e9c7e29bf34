/** No module of the package imports itself back through others: every cycle is a design knot. */
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveLocal, SRC, staticImports, sources } from './support/importGraph.js';

/** One cycle per module that starts one, as the chain of files. */
function cycles(): string[][] {
  const edges = new Map(sources().map((file) => [file, staticImports(file).flatMap((s) => resolveLocal(file, s) ?? [])]));
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]) => {
    state.set(file, 'open');
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next].map((f) => relative(SRC, f)));
      else if (!state.has(next)) visit(next, [...path, next]);
    }
    state.set(file, 'done');
  };
  for (const file of edges.keys()) if (!state.has(file)) visit(file, [file]);
  return found;
}

describe('the import graph', () => {
  it('has no cycles', () => {
    expect(cycles()).toEqual([]);
  });
});
