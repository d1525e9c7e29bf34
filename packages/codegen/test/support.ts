import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURE = join(import.meta.dirname, 'fixtures/mini');
export const GOLDEN = join(import.meta.dirname, 'golden/mini');
export const REPO = join(import.meta.dirname, '../../..');

/** A scratch folder inside the package, so generated modules resolve the workspace's dependencies. */
export function scratch(prefix: string): string {
  mkdirSync(join(import.meta.dirname, '.tmp'), { recursive: true });
  return mkdtempSync(join(import.meta.dirname, '.tmp', prefix));
}

export function copyFixture(from = FIXTURE): string {
  const dir = scratch('schemas-');
  cpSync(from, dir, { recursive: true });
  return dir;
}

export function editJson(path: string, edit: (value: any) => void): void {
  const value = JSON.parse(readFileSync(path, 'utf8'));
  edit(value);
  writeFileSync(path, JSON.stringify(value, null, 2));
}
