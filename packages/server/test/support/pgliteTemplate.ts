/**
 * A dump of an initialised PGlite data folder, kept in the temporary folder per PGlite version:
 * test databases start from it instead of running initdb each time.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createPgliteTemplate } from '../../src/db/connect.js';

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('@electric-sql/pglite/package.json') as { version: string }).version;
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
