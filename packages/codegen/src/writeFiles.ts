import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { GeneratedFiles } from './generate.js';

export interface WriteReport {
  written: string[];
  unchanged: number;
  removed: string[];
}

/**
 * Writes only files whose content changed (so watchers and bundlers see no spurious change), and
 * removes generated files that are no longer produced (an entity was removed). Files that do not
 * start with the generated banner are never touched.
 */
export function writeFiles(outDir: string, files: GeneratedFiles, isGenerated: (content: string) => boolean): WriteReport {
  const report: WriteReport = { written: [], unchanged: 0, removed: [] };
  for (const [name, content] of files) {
    const path = join(outDir, name);
    if (existsSync(path) && readFileSync(path, 'utf8') === content) {
      report.unchanged++;
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    report.written.push(name);
  }
  for (const path of listFiles(outDir)) {
    const name = relative(outDir, path);
    if (!files.has(name) && isGenerated(readFileSync(path, 'utf8'))) {
      rmSync(path);
      report.removed.push(name);
    }
  }
  return report;
}

/** What would change, without writing: for `check --frozen` in CI. */
export function diffFiles(outDir: string, files: GeneratedFiles): string[] {
  const changed: string[] = [];
  for (const [name, content] of files) {
    const path = join(outDir, name);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== content) changed.push(name);
  }
  return changed;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(path);
    return [path];
  });
}

/**
 * The generated modules are ES modules in `.js` files: a folder with no package.json of its own
 * gets `{ "type": "module" }`, so that they load as such inside a CommonJS app. An existing
 * package.json (packages/domain's) is the developer's and is left alone. Returns whether it wrote one.
 */
export function ensureModuleScope(outDir: string): boolean {
  const path = join(outDir, 'package.json');
  if (existsSync(path)) return false;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path, `${JSON.stringify({ type: 'module', sideEffects: false }, null, 2)}\n`);
  return true;
}
