import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, editJson, runCli, scratch } from './support.js';

describe('ra-sales migrate:make', () => {
  const schemas = copyFixture();
  const migrations = scratch('migrations-');
  const migrationFiles = () => readdirSync(migrations).filter((f) => /^\d+_.*\.js$/.test(f)).sort();

  it('writes the initial migration, then nothing while the schemas do not change', async () => {
    const first = await runCli(['migrate:make', '--schemas', schemas, '--migrations', migrations]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('create table deals');
    const again = await runCli(['migrate:make', '--schemas', schemas, '--migrations', migrations]);
    expect(again.stdout).toContain('nothing written');
    expect(migrationFiles()).toHaveLength(1);
  });

  it('writes a migration for an added field, and says it is generated', async () => {
    editJson(join(schemas, 'entities/deal.schema.json'), (s) => (s.properties.probability = { type: 'number', minimum: 0, maximum: 100, 'x-label': { en: 'Probability', 'zh-CN': '概率' } }));
    await new Promise((r) => setTimeout(r, 1100)); // file names carry the time to the second
    const { stdout } = await runCli(['migrate:make', '--schemas', schemas, '--migrations', migrations]);
    expect(stdout).toMatch(/add column deals\.probability/);
    const files = migrationFiles();
    expect(files).toHaveLength(2);
    const text = readFileSync(join(migrations, files[1]), 'utf8');
    expect(text.split('\n')[0]).toMatch(/generated/i);
    expect(text).toContain('probability');
  });
});
