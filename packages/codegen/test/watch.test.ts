import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, editJson, scratch } from './support.js';

const require = createRequire(import.meta.url);
const CLI = join(import.meta.dirname, '../src/cli.ts');

describe('generate --watch', () => {
  const schemas = copyFixture();
  const out = scratch('watch-');
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), CLI, 'generate', '--watch', '--schemas', schemas, '--out', out], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  afterAll(() => void child.kill());

  const waitFor = async (test: () => boolean, what: string) => {
    const deadline = Date.now() + 20_000;
    while (!test()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const types = () => (existsSync(join(out, 'types.d.ts')) ? readFileSync(join(out, 'types.d.ts'), 'utf8') : '');

  it('regenerates when a schema file changes', async () => {
    await waitFor(() => output.includes('Watching'), 'the watcher to start');
    editJson(
      join(schemas, 'entities/customer.schema.json'),
      (s) => (s.properties.vip_since = { type: 'string', format: 'date', 'x-label': { en: 'VIP since', 'zh-CN': '成为 VIP 日期' } }),
    );
    await waitFor(() => types().includes('vip_since'), 'the new field in types.d.ts');
  });

  it('reports a broken file, keeps the last good output, and recovers', async () => {
    const before = types();
    editJson(join(schemas, 'entities/customer.schema.json'), (s) => (s.properties.vip_since['x-ref'] = 'nowhere'));
    await waitFor(() => output.includes('refers to "nowhere"'), 'the error');
    expect(types()).toBe(before);
    editJson(join(schemas, 'entities/customer.schema.json'), (s) => delete s.properties.vip_since);
    await waitFor(() => !types().includes('vip_since'), 'the field to disappear');
  });
});
