/** The screen files' headers and exports; their whole text is pinned by the golden files of golden.test.ts. */
import { loadModel, type SalesModel } from '@ra-sales/schema';
import { describe, expect, it } from 'vitest';
import { emitScreens } from '../src/emit/emitScreens.js';
import { FIXTURE } from './support.js';

function miniModel(): SalesModel {
  const loaded = loadModel({ dir: FIXTURE });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.model;
}

describe('emitScreens', () => {
  const model = miniModel();
  const files = emitScreens(model);

  it('writes one file per resource and an index', () => {
    expect(Object.keys(files).sort()).toEqual(
      [
        ...Object.values(model.entities)
          .map((e) => `screens/${e.resource}.tsx`)
          .sort(),
        'screens/index.ts',
      ].sort(),
    );
  });

  it('says on the first line where a screen comes from and that it must not be edited', () => {
    expect(files['screens/deals.tsx']!.split('\n')[0]).toBe(
      '// Generated from entities/deal.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.',
    );
    const withDir = emitScreens(model, { schemaDir: 'schemas/' })['screens/deals.tsx']!;
    expect(withDir.split('\n')[0]).toContain('Generated from schemas/entities/deal.schema.json');
  });

  it('exports the screens, the icon and the record representation', () => {
    const deals = files['screens/deals.tsx']!;
    for (const name of ['list', 'show', 'edit', 'create', 'icon', 'recordRepresentation']) {
      expect(deals).toMatch(new RegExp(`^export const ${name} = `, 'm'));
    }
    expect(deals).toContain("import ListAltIcon from '@mui/icons-material/ListAlt';");
  });

  it('imports the icon the schema names', () => {
    const withIcon: SalesModel = { ...model, entities: { ...model.entities, deals: { ...model.entities.deals!, icon: 'Handshake' } } };
    expect(emitScreens(withIcon)['screens/deals.tsx']).toContain("import HandshakeIcon from '@mui/icons-material/Handshake';");
  });
});
