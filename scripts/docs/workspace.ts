import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { REPO } from '../sales/paths.js';

/** The walkthrough's company; the test owns its folders and removes them at the end. */
export const COMPANY = 'my-company';
const OWNED = join(REPO, COMPANY, '.created-by-docs-test');

/** What the walkthrough's commands make for my-company, beside the overlay (see scripts/sales/environment.ts). */
export const COMPANY_FOLDERS = [COMPANY, `examples/backoffice/dist-${COMPANY}`, `.data/${COMPANY}`];

/**
 * A fresh my-company/ with only the given overlay file. A my-company/ the test did not create is
 * someone's own walkthrough: it is left alone and the test stops.
 */
export function createCompany(file: string, content: string): void {
  if (existsSync(join(REPO, COMPANY)) && !existsSync(OWNED)) {
    throw new Error(`${COMPANY}/ exists and was not made by this test: move it away first (the test creates and removes it)`);
  }
  removeCompany();
  mkdirSync(join(REPO, COMPANY), { recursive: true });
  writeFileSync(OWNED, 'Made by scripts/docs/run.ts, removed at its end.\n');
  mkdirSync(dirname(join(REPO, file)), { recursive: true });
  writeFileSync(join(REPO, file), content);
}

export function removeCompany(): void {
  for (const folder of COMPANY_FOLDERS) rmSync(join(REPO, folder), { recursive: true, force: true });
}

/** Every file under `dir` (node_modules aside) with a hash of its content. */
export function fingerprint(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else files.set(relative(dir, path), createHash('sha1').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(join(REPO, dir));
  return files;
}

/** The files that differ between two fingerprints: changed, added or removed. */
export function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}
