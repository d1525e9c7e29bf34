import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { FIXTURE, GOLDEN } from './support.js';

// Set UPDATE_GOLDEN=1 to accept a deliberate change of the generators, then review the diff.
const update = process.env.UPDATE_GOLDEN === '1';

describe('generators on the mini fixture', async () => {
  const result = await generate({ dir: FIXTURE }, 'test/fixtures/mini/');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const files = result.files;

  it('produce the expected set of files', () => {
    if (update) return;
    const expected = listGolden(GOLDEN);
    expect([...files.keys()].sort()).toEqual(expected.sort());
  });

  for (const [name, content] of files) {
    it(`${name} matches its golden file`, () => {
      const path = join(GOLDEN, name);
      if (update) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
      }
      expect(content).toBe(readFileSync(path, 'utf8'));
    });
  }

  it('starts every file with the generated banner naming its source', () => {
    for (const [name, content] of files) {
      expect(content.split('\n')[0], name).toMatch(
        /^(\/\/|\{ "\$comment":) "?Generated (by ra-sales codegen )?from test\/fixtures\/mini\/.*[Dd]o not edit/,
      );
    }
  });

  it('is deterministic: the same input gives byte-identical output', async () => {
    const again = await generate({ dir: FIXTURE }, 'test/fixtures/mini/');
    if (!again.ok) throw new Error('second run failed');
    expect(new Map(again.files)).toEqual(new Map(files));
  });

  it('leaves its input untouched', async () => {
    const before = readFileSync(join(FIXTURE, 'entities/deal.schema.json'), 'utf8');
    await generate({ dir: FIXTURE }, 'test/fixtures/mini/');
    expect(readFileSync(join(FIXTURE, 'entities/deal.schema.json'), 'utf8')).toBe(before);
  });
});

function listGolden(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listGolden(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}
