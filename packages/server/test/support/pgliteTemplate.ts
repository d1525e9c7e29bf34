/**
 * A dump of an initialised PGlite data folder, kept in the temporary folder per PGlite version:
 * test databases start from it instead of running initdb each time.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createPgliteTemplate } from '../../src/db/connect.js';

/** The installed PGlite version (its package.json is not exported: found beside its entry point). */
function pgliteVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

export function pgliteTemplatePath(): string {
  return path.join(os.tmpdir(), `ra-sales-pglite-template-${pgliteVersion()}.tar`);
}

/** Creates the template file when missing; returns its path. */
export async function ensurePgliteTemplate(): Promise<string> {
  const file = pgliteTemplatePath();
  if (existsSync(file)) return file;
  const dump = await createPgliteTemplate();
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return file;
}

export function readPgliteTemplate(file: string): Blob | undefined {
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}
