/**
 * The keywords that tell a migration how stored data follows a schema change (renames, retired
 * stages, conversions of values a field no longer accepts): what they compile to and what
 * `pnpm check` refuses in them.
 */
import { describe, expect, it } from 'vitest';
import { entityLoader, label, TICKET } from './support/entityFolder.js';
import { fieldAccepts } from '../src/index.js';

function ticket(properties: Record<string, unknown>, workflow: Record<string, unknown> = {}, required: string[] = []) {
  return {
    type: 'object',
    'x-resource': 'tickets',
    'x-label': label('Ticket'),
    required,
    properties: {
      name: { type: 'string', 'x-label': label('Name') },
      status: { type: 'string', 'x-label': label('Status') },
      ...properties,
    },
    'x-workflow': {
      field: 'status',
      stages: [
        { id: 'open', label: label('Open') },
        { id: 'tender', label: label('Tender') },
        { id: 'done', label: label('Done'), kind: 'won' },
      ],
      transitions: [
        { from: 'open', to: 'tender' },
        { from: 'tender', to: 'done' },
      ],
      ...workflow,
    },
  };
}

const load = entityLoader();

const grade = (extra: Record<string, unknown>) => ({ type: 'string', enum: ['A', 'B', 'C'], 'x-label': label('Grade'), ...extra });

describe('migration keywords', () => {
  it('compile into the model: former names and ids, retired stages, conversions', () => {
    const { errors, model } = load(
      ticket(
        {
          office: { type: 'string', 'x-label': label('Office'), 'x-renamed-from': 'address' },
          grade: grade({ 'x-migrate': { map: { D: 'C' }, otherwise: { value: null } } }),
        },
        {
          stages: [
            { id: 'open', label: label('Open') },
            { id: 'tender', label: label('Tender'), renamed_from: ['bidding', 'bid'] },
            { id: 'done', label: label('Done'), kind: 'won' },
          ],
          retired_stages: [{ id: 'abandoned', into: 'done', label: label('Abandoned') }],
        },
      ),
    );
    expect(errors).toEqual([]);
    const entity = model!.entities.tickets!;
    expect(entity.fields.find((f) => f.name === 'office')!.formerNames).toEqual(['address']);
    expect(entity.fields.find((f) => f.name === 'grade')!.migrate).toEqual({ map: { D: 'C' }, otherwise: { value: null } });
    expect(entity.workflow!.stages[1]!.formerIds).toEqual(['bidding', 'bid']);
    expect(entity.workflow!.retired).toEqual([{ id: 'abandoned', into: 'done', label: { en: 'Abandoned' } }]);
    // The keywords describe the migration, not the value: the field's own schema does not carry them.
    expect(entity.fields.find((f) => f.name === 'grade')!.schema).not.toHaveProperty('x-migrate');
  });

  it('refuse a former name or id still in use, claimed twice, or a retired stage going nowhere', () => {
    const { errors } = load(
      ticket(
        {
          office: { type: 'string', 'x-label': label('Office'), 'x-renamed-from': 'name' },
          site: { type: 'string', 'x-label': label('Site'), 'x-renamed-from': 'place' },
          venue: { type: 'string', 'x-label': label('Venue'), 'x-renamed-from': 'place' },
        },
        {
          stages: [
            { id: 'open', label: label('Open'), renamed_from: 'done' },
            { id: 'tender', label: label('Tender'), renamed_from: 'bidding' },
            { id: 'done', label: label('Done'), kind: 'won' },
          ],
          retired_stages: [
            { id: 'bidding', into: 'done' },
            { id: 'tender', into: 'done' },
            { id: 'abandoned', into: 'lost' },
          ],
        },
      ),
    );
    expect(errors).toEqual([
      `${TICKET}#/properties/office/x-renamed-from: field "office" was renamed from "name", which is still a field: remove one of them`,
      `${TICKET}#/properties/venue/x-renamed-from: fields "site" and "venue" are both renamed from "place"`,
      `${TICKET}#/x-workflow/retired_stages/0/id: "bidding" is retired, but stage "tender" is renamed from it: keep one`,
      `${TICKET}#/x-workflow/retired_stages/1/id: "tender" is retired but is still a stage: remove it from "stages" or from "retired_stages"`,
      `${TICKET}#/x-workflow/retired_stages/2/into: "lost" is not a stage (open, tender, done): a retired stage's records move to a stage of today`,
      `${TICKET}#/x-workflow/stages/0/renamed_from: stage "open" was renamed from "done", which is still a stage: remove one of them`,
    ]);
  });

  it('refuse a conversion to a value the field does not accept, and emptying a required field', () => {
    const { errors } = load(
      ticket(
        {
          grade: grade({ 'x-migrate': { map: { D: 'E', X: 'A' }, otherwise: { value: null } } }),
          size: { type: 'integer', minimum: 1, 'x-label': label('Size'), 'x-migrate': { otherwise: { value: 'big' } } },
        },
        {},
        ['grade'],
      ),
    );
    expect(errors).toEqual([
      `${TICKET}#/properties/grade/x-migrate/map/D: field "grade": "D" is converted to "E", which the field does not accept`,
      `${TICKET}#/properties/grade/x-migrate/otherwise/value: field "grade" is required, so its values cannot be emptied: give "otherwise" a value the field accepts`,
      `${TICKET}#/properties/size/x-migrate/otherwise/value: field "size": "big" is not a value the field accepts`,
    ]);
  });

  it('refuse misspelt keys inside x-migrate and retired_stages', () => {
    const { errors } = load(
      ticket({ grade: grade({ 'x-migrate': { mapping: { D: 'C' } } }) }, { retired_stages: [{ id: 'old', to: 'done' }] }),
    );
    expect(errors.join('\n')).toContain('x-migrate');
    expect(errors.join('\n')).toContain('retired_stages/0');
  });
});

describe('fieldAccepts', () => {
  it('judges one value by the field schema, an empty one by whether the field is required', () => {
    const accepts = fieldAccepts({ schema: { type: 'string', enum: ['A', 'B'], default: 'A' }, required: true });
    expect([accepts('A'), accepts('D'), accepts(null), accepts(3)]).toEqual([true, false, false, false]);
    expect(fieldAccepts({ schema: { type: 'string', maxLength: 3 }, required: false })(null)).toBe(true);
  });
});
