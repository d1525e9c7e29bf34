import { main } from '../src/cli.js';
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

/** Runs the CLI in process, capturing what it prints. */
export async function runCli(argv: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  const err = process.stderr.write.bind(process.stderr);
  const out = process.stdout.write.bind(process.stdout);
  process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  try {
    const code = await main(argv);
    return { code, stderr, stdout };
  } finally {
    process.stderr.write = err;
    process.stdout.write = out;
  }
}
