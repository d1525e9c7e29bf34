/** emitScreens against golden files (`UPDATE_GOLDEN=1` rewrites them after a deliberate change). */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emitScreens } from '../../src/codegen/emitScreens.js';
import { fixtureModel } from './fixture.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const goldenPath = (file: string) => join(GOLDEN, `${file}.golden`);

describe('emitScreens', () => {
  const files = emitScreens(fixtureModel);

  if (process.env.UPDATE_GOLDEN) {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(goldenPath(file)), { recursive: true });
      writeFileSync(goldenPath(file), text);
    }
  }

  it('writes one file per resource and an index', () => {
    expect(Object.keys(files).sort()).toEqual(['screens/contacts.tsx', 'screens/customers.tsx', 'screens/deals.tsx', 'screens/index.ts']);
    expect(readdirSync(join(GOLDEN, 'screens')).sort()).toEqual(['contacts.tsx.golden', 'customers.tsx.golden', 'deals.tsx.golden', 'index.ts.golden']);
  });

  it.each(Object.keys(files))('%s matches its golden file', (file) => {
    expect(files[file]).toBe(readFileSync(goldenPath(file), 'utf8'));
  });

  it('says on the first line where a screen comes from and that it must not be edited', () => {
    const first = files['screens/deals.tsx']!.split('\n')[0];
    expect(first).toBe('// Generated from entities/deal.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.');
    const withDir = emitScreens(fixtureModel, { schemaDir: 'schemas/' })['screens/deals.tsx']!;
    expect(withDir.split('\n')[0]).toContain('Generated from schemas/entities/deal.schema.json');
  });

  it('exports the screens, the icon and the record representation', () => {
    const deals = files['screens/deals.tsx']!;
    for (const name of ['list', 'show', 'edit', 'create', 'icon', 'recordRepresentation']) {
      expect(deals).toMatch(new RegExp(`^export const ${name} = `, 'm'));
    }
    expect(deals).toContain("import HandshakeIcon from '@mui/icons-material/Handshake';");
    expect(files['screens/customers.tsx']).toContain("import ListAltIcon from '@mui/icons-material/ListAlt';");
  });
});
