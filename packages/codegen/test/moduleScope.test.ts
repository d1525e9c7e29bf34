/** The generated folder loads as ES modules under plain node, in a CommonJS app too. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE, runCli } from './support.js';

describe('the generated folder in a CommonJS app', () => {
  const app = mkdtempSync(join(tmpdir(), 'ra-sales-cjs-app-'));
  afterAll(() => rmSync(app, { recursive: true, force: true }));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'cjs-app', type: 'commonjs' }));

  it('gets a package.json of its own that makes its .js files ES modules, and loads under node', async () => {
    const out = join(app, 'sales-domain');
    expect((await runCli(['generate', '--schemas', FIXTURE, '--out', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')).type).toBe('module');
    const node = spawnSync(
      process.execPath,
      ['-e', "import('./sales-domain/index.js').then((m) => console.log(Object.keys(m.model.entities).join(',')))"],
      { cwd: app, encoding: 'utf8' },
    );
    expect(node.stderr).toBe('');
    expect(node.stdout.trim()).toBe('customers,deals,salespeople');
  });

  it('leaves a package.json the developer wrote alone', async () => {
    const out = join(app, 'own-domain');
    expect((await runCli(['generate', '--schemas', FIXTURE, '--out', out])).code).toBe(0);
    writeFileSync(join(out, 'package.json'), '{ "name": "mine", "type": "module" }\n');
    expect((await runCli(['generate', '--schemas', FIXTURE, '--out', out])).code).toBe(0);
    expect(readFileSync(join(out, 'package.json'), 'utf8')).toBe('{ "name": "mine", "type": "module" }\n');
  });
});
