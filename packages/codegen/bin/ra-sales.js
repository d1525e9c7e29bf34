#!/usr/bin/env node
// In the workspace the CLI runs from its TypeScript source through tsx (never a stale build);
// installed from a tarball, which ships no source, it runs the compiled dist/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
if (!existsSync(source)) {
  const { main } = await import(new URL('../dist/cli.js', import.meta.url).href);
  process.exit(await main(process.argv.slice(2)));
}
const require = createRequire(import.meta.url);
const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), source, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
