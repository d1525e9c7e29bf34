/**
 * What passed `pnpm check` but broke at run time: numeric enums, defaults and bounds no value can
 * meet, unknown icons, unreachable and dead-end stages, an overlay file naming no entity, and
 * misspelt keywords (each refused with a "did you mean"). Small fixture schemas, one folder each.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closestNames, didYouMean, editDistance, formatSchemaErrors, ICON_NAMES, loadModel } from '../src/index.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const MODEL = {
  locales: ['en'],
  groups: [{ id: 'sales', label: { en: 'Sales' } }],
  roles: { sales_rep: { en: 'Sales rep' } },
};
const label = (en: string) => ({ en });

/** A ticket entity with the given fields (and more entity keywords), as a default schema file. */
function ticket(properties: Record<string, unknown>, more: Record<string, unknown> = {}) {
  return {
    type: 'object',
    'x-resource': 'tickets',
    'x-label': label('Ticket'),
    properties: { name: { type: 'string', 'x-label': label('Name') }, ...properties },
    ...more,
  };
}

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ra-sales-checks-'));
  scratch.push(dir);
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), JSON.stringify(value, null, 2));
  }
  return dir;
}

/** The check's lines for a folder of files (model.json added), with overlay folders laid over it. */
function check(files: Record<string, unknown>, overlays: Record<string, unknown>[] = []): string[] {
  const dir = folder({ 'model.json': MODEL, ...files });
  const folders = overlays.map((o) => folder(o));
  const result = loadModel({ dir, overlays: folders });
  // An overlay outside the working folder is shown by its folder name: a random one here.
  const shown = (line: string) => folders.reduce((l, f) => l.replace(`${basename(f)}/`, 'overlay/'), line);
  return result.ok ? [] : formatSchemaErrors(result.errors).split('\n').map(shown);
}

const TICKET = 'entities/ticket.schema.json';

describe('did you mean', () => {
  it('measures edit distance and names the closest candidates', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('maxlength', 'maxLength')).toBe(0);
    expect(closestNames('TrendingUpp', ICON_NAMES)).toEqual(['TrendingUp']);
    expect(closestNames('Zzzzzzzz', ICON_NAMES)).toEqual([]);
    expect(didYouMean('Inventory3', ICON_NAMES)).toBe('did you mean "Inventory" or "Inventory2"?');
  });
});

describe('field values the server could not keep', () => {
  it('accepts a field that is right', () => {
    expect(
      check({ [TICKET]: ticket({ level: { type: 'string', enum: ['low', 'high'], default: 'low', 'x-label': label('Level') } }) }),
    ).toEqual([]);
  });

  it('refuses an enum of numbers: enums are stored as text', () => {
    expect(check({ [TICKET]: ticket({ level: { type: 'integer', enum: [1, 2, 3], default: 2, 'x-label': label('Level') } }) })).toEqual([
      `${TICKET}#/properties/level/enum: field "level": enum values are strings (an enum is stored as text, so 1 would come back as "1"): write "type": "string", "enum": ["1","2","3"], or for a number drop "enum" and use "minimum" / "maximum"`,
    ]);
  });

  it('refuses lines inside lines: a line column renders as a single value', () => {
    const line = (properties: Record<string, unknown>) => ({
      type: 'array',
      items: { type: 'object', properties },
      'x-label': label('Items'),
    });
    const nested = line({ parts: line({ name: { type: 'string', 'x-label': label('Part') } }) });
    expect(check({ [TICKET]: ticket({ items: nested }) })).toEqual([
      `${TICKET}#/properties/items/items/properties/parts: column "parts" of the lines field "items" is itself a list of lines; lines do not nest (a column may be "x-kind": "json")`,
    ]);
  });

  it('refuses a default that is not one of the values, or not of the field type', () => {
    expect(
      check({ [TICKET]: ticket({ level: { type: 'string', enum: ['low', 'high'], default: 'medium', 'x-label': label('Level') } }) }),
    ).toEqual([`${TICKET}#/properties/level/default: field "level": the default "medium" is not one of its values (low, high)`]);
    expect(check({ [TICKET]: ticket({ urgent: { type: 'boolean', default: 'no', 'x-label': label('Urgent') } }) })).toEqual([
      `${TICKET}#/properties/urgent/default: field "urgent": the default "no" is not a boolean`,
    ]);
    expect(check({ [TICKET]: ticket({ hours: { type: 'integer', default: 1.5, 'x-label': label('Hours') } }) })).toEqual([
      `${TICKET}#/properties/hours/default: field "hours": the default 1.5 is not an integer`,
    ]);
  });

  it('refuses bounds no value can meet: lengths, numbers (also exclusive), lines', () => {
    const errors = check({
      [TICKET]: ticket({
        code: { type: 'string', minLength: 10, maxLength: 5, 'x-label': label('Code') },
        hours: { type: 'number', minimum: 8, maximum: 4, 'x-label': label('Hours') },
        rate: { type: 'number', exclusiveMinimum: 5, maximum: 5, 'x-label': label('Rate') },
        steps: {
          type: 'array',
          minItems: 3,
          maxItems: 1,
          items: { type: 'object', properties: { what: { type: 'string' } } },
          'x-label': label('Steps'),
        },
      }),
    });
    expect(errors).toEqual([
      `${TICKET}#/properties/code/minLength: field "code": minLength 10 is greater than maxLength 5, so no value can be valid`,
      `${TICKET}#/properties/hours/minimum: field "hours": minimum 8 is greater than maximum 4, so no value can be valid`,
      `${TICKET}#/properties/rate/exclusiveMinimum: field "rate": exclusiveMinimum 5 is equal to maximum 5, so no value can be valid`,
      `${TICKET}#/properties/steps/minItems: field "steps": minItems 3 is greater than maxItems 1, so no value can be valid`,
    ]);
  });
});

describe('x-icon', () => {
  it('accepts a known icon and refuses an unknown one, naming the closest', () => {
    expect(check({ [TICKET]: ticket({}, { 'x-icon': 'SupportAgent' }) })).toEqual([]);
    expect(check({ [TICKET]: ticket({}, { 'x-icon': 'SuportAgent' }) })).toEqual([
      `${TICKET}#/x-icon: "SuportAgent" is not an icon ra-sales knows: did you mean "SupportAgent"? (the names are listed in packages/schema/src/icons.ts)`,
    ]);
  });
});

describe('workflow stages a record cannot reach or leave', () => {
  const workflow = (transitions: unknown[], stages = ['open', 'working', 'done']) => ({
    field: 'status',
    stages: stages.map((id) => ({ id, label: label(id), ...(id === 'done' ? { kind: 'won' } : {}) })),
    transitions,
  });
  const withWorkflow = (wf: unknown) => ({
    [TICKET]: ticket({ status: { type: 'string', 'x-label': label('Status') } }, { 'x-workflow': wf }),
  });

  it('accepts a workflow where every stage is reached and every open stage left', () => {
    expect(
      check(
        withWorkflow(
          workflow([
            { from: 'open', to: 'working' },
            { from: 'working', to: 'done' },
          ]),
        ),
      ),
    ).toEqual([]);
  });

  it('refuses a stage no transition leads to', () => {
    expect(
      check(
        withWorkflow(
          workflow([
            { from: 'open', to: 'done' },
            { from: 'working', to: 'done' },
          ]),
        ),
      ),
    ).toEqual([
      `${TICKET}#/x-workflow/stages/1: stage "working" cannot be reached: no transition leads to it; add one (e.g. { "from": "open", "to": "working" }) or remove the stage`,
    ]);
  });

  it('refuses an open stage no transition leaves', () => {
    expect(check(withWorkflow(workflow([{ from: 'open', to: ['working', 'done'] }])))).toEqual([
      `${TICKET}#/x-workflow/stages/1: stage "working" is open but no transition leaves it, so a record there is stuck: add one (e.g. { "from": "working", "to": "…" }), or give the stage "kind": "won" or "lost" if it ends the workflow`,
    ]);
  });
});

describe('workflow stages: one typo, one error', () => {
  it('does not also call a stage unreachable when a transition misspells it', () => {
    const wf = {
      field: 'status',
      stages: [
        { id: 'open', label: label('Open') },
        { id: 'done', label: label('Done'), kind: 'won' },
      ],
      transitions: [{ from: 'open', to: 'dnoe' }],
    };
    expect(check({ [TICKET]: ticket({ status: { type: 'string', 'x-label': label('Status') } }, { 'x-workflow': wf }) })).toEqual([
      `${TICKET}#/x-workflow/transitions/0/to: "dnoe" is not a stage (open, done)`,
    ]);
  });
});

describe('an overlay file for an entity that does not exist', () => {
  const base = { [TICKET]: ticket({}) };

  it('refuses removing a misspelt entity, naming the closest file', () => {
    expect(check(base, [{ 'entities/tiket.schema.json': { 'x-removed': true } }])).toEqual([
      'overlay/entities/tiket.schema.json: removes entity "tiket", but there is no default entities/tiket.schema.json: did you mean entities/ticket.schema.json?',
    ]);
  });

  it('refuses changing a misspelt entity instead of adding a phantom one', () => {
    expect(check(base, [{ 'entities/tickets.schema.json': { properties: { name: { 'x-label': label('Title') } } } }])).toEqual([
      'overlay/entities/tickets.schema.json: changes entity "tickets", but there is no default entities/tickets.schema.json: did you mean entities/ticket.schema.json? A new entity needs "type", "properties", "x-resource", "x-label"; this file lacks "type", "x-resource", "x-label".',
    ]);
  });

  it('still adds a whole new entity', () => {
    const note = {
      type: 'object',
      'x-resource': 'memos',
      'x-label': label('Note'),
      properties: { body: { type: 'string', 'x-label': label('Body') } },
    };
    expect(check(base, [{ 'entities/memo.schema.json': note }])).toEqual([]);
  });
});

describe('misspelt keywords', () => {
  it('names the closest field keyword', () => {
    expect(check({ [TICKET]: ticket({ code: { type: 'string', maxlenght: 5, 'x-label': label('Code') } }) })).toEqual([
      `${TICKET}#/properties/code/maxlenght: "maxlenght" is not a keyword a field can have: did you mean "maxLength"?`,
    ]);
    expect(check({ [TICKET]: ticket({ code: { type: 'string', 'x-lable': label('Code') } }) })).toEqual([
      `${TICKET}#/properties/code/x-lable: "x-lable" is not an ra-sales keyword here: did you mean "x-label"? (see docs/schema-language.md for the keywords of each place)`,
    ]);
  });

  it('names the closest entity keyword', () => {
    expect(check({ [TICKET]: { ...ticket({}), 'x-icn': 'Flag' } })).toEqual([
      `${TICKET}#/x-icn: "x-icn" is not an ra-sales keyword here: did you mean "x-icon"? (see docs/schema-language.md for the keywords of each place)`,
    ]);
  });
});

describe('the default schemas and the company-oa overlay', () => {
  const SCHEMAS = join(import.meta.dirname, '../../../schemas');
  const OVERLAY = join(import.meta.dirname, '../../../examples/company-oa/overlay');

  it('pass every one of these checks', () => {
    for (const overlays of [[], [OVERLAY]]) {
      const result = loadModel({ dir: SCHEMAS, overlays });
      expect(result.ok ? [] : formatSchemaErrors(result.errors).split('\n')).toEqual([]);
    }
  });
});
