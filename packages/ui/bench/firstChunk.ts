/** The size of the built app's first chunk: the module script its index.html loads (what every visit downloads first). */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  raw: number;
  gzip: number;
}

export function firstChunkSize(dir: string): ChunkSize {
  const page = readFileSync(join(dir, 'index.html'), 'utf8');
  const src = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(page)?.[1];
  if (!src) throw new Error(`${dir}/index.html has no module script`);
  const code = readFileSync(join(dir, 'assets', basename(src)));
  return { file: basename(src), raw: code.length, gzip: gzipSync(code).length };
}
