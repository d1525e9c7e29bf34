import { readFileSync } from 'node:fs';
import type { SchemaError } from './errors.js';

export type ReadResult = { ok: true; value: unknown } | { ok: false; error: SchemaError };

/** Reads a JSON file; a syntax error is reported with its line and column. */
export function readJson(path: string, displayName: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return {
      ok: false,
      error: { file: displayName, pointer: '', message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` },
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: { file: displayName, pointer: '', message: `is not valid JSON: ${describeSyntaxError(text, e as Error)}` } };
  }
}

function describeSyntaxError(text: string, error: Error): string {
  const position = /position (\d+)/.exec(error.message);
  const reason = error.message
    .replace(/^JSON\.parse: /, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '');
  if (!position) return reason;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${reason} at line ${line}, column ${column}`;
}
