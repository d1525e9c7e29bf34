/** model.json's `activities`: the kinds of notes, their defaults, and what `pnpm check` refuses. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACTIVITY_KINDS, activityKindsOf, formatSchemaErrors, loadModel, taskDue, toClientModel } from '../src/index.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const label = (en: string) => ({ en });
const MODEL = { locales: ['en'], groups: [{ id: 'sales', label: label('Sales') }], roles: { admin: label('Admin') } };
const UNIT = {
  type: 'object',
  'x-resource': 'units',
  'x-label': label('Unit'),
  properties: { name: { type: 'string', 'x-label': label('Name') } },
};

function loadWith(extra: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'ra-sales-activities-'));
  scratch.push(dir);
  for (const [name, value] of Object.entries({ 'model.json': { ...MODEL, ...extra }, 'entities/unit.schema.json': UNIT })) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), JSON.stringify(value));
  }
  return loadModel({ dir });
}

const errorsOf = (extra: Record<string, unknown>) => {
  const result = loadWith(extra);
  return result.ok ? [] : formatSchemaErrors(result.errors).split('\n');
};

describe('activities', () => {
  it('gives note, call and visit in both languages when model.json declares none', () => {
    const result = loadWith({});
    if (!result.ok) throw new Error(formatSchemaErrors(result.errors));
    expect(result.model.activities?.kinds.map((k) => [k.id, k.label['zh-CN']])).toEqual([
      ['note', '笔记'],
      ['call', '电话'],
      ['visit', '拜访'],
    ]);
    expect(toClientModel(result.model).activities).toEqual(result.model.activities);
  });

  it('carries the declared kinds, in order, to the client model', () => {
    const kinds = [
      { id: 'meeting', label: { en: 'Meeting', 'zh-CN': '会议' }, icon: 'Groups' },
      { id: 'call', label: { en: 'Call', 'zh-CN': '电话' } },
    ];
    const result = loadWith({ activities: { kinds } });
    if (!result.ok) throw new Error(formatSchemaErrors(result.errors));
    expect(toClientModel(result.model).activities).toEqual({ kinds });
    expect(activityKindsOf(result.model)).toEqual(kinds);
    expect(activityKindsOf({})).toBe(DEFAULT_ACTIVITY_KINDS);
  });

  it('refuses a kind declared twice, an empty id and an unknown icon, each at its place', () => {
    expect(
      errorsOf({
        activities: {
          kinds: [
            { id: 'call', label: label('Call') },
            { id: 'call', label: label('Phone call') },
            { id: '', label: label('Nothing') },
            { id: 'visit', label: label('Visit'), icon: 'Plac' },
          ],
        },
      }),
    ).toEqual([
      'model.json#/activities/kinds/1/id: the kind "call" is already declared at /activities/kinds/0: each kind needs its own id',
      'model.json#/activities/kinds/2/id: "id" must be lower-case snake_case (a-z, 0-9, _), starting with a letter',
      'model.json#/activities/kinds/2/id: "id" must not be empty',
      'model.json#/activities/kinds/3/icon: "Plac" is not an icon ra-sales knows: did you mean "Place"? (the names are listed in packages/schema/src/icons.ts)',
    ]);
    expect(errorsOf({ activities: { kinds: [] } })).toEqual(['model.json#/activities/kinds: "kinds" must have at least 1 item(s)']);
  });

  it('refuses "notes" and "tasks" as resources of entities: the server serves them', () => {
    const result = loadWith({});
    expect(result.ok).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'ra-sales-activities-'));
    scratch.push(dir);
    mkdirSync(join(dir, 'entities'), { recursive: true });
    writeFileSync(join(dir, 'model.json'), JSON.stringify(MODEL));
    writeFileSync(join(dir, 'entities/note.schema.json'), JSON.stringify({ ...UNIT, 'x-resource': 'notes' }));
    const refused = loadModel({ dir });
    expect(refused.ok ? [] : formatSchemaErrors(refused.errors)).toMatch(/resource "notes" is reserved by the server/);
  });
});

describe('taskDue', () => {
  it('files a task by its due date against today, done ones apart', () => {
    const today = '2026-03-10';
    expect(taskDue({ done: true, due_date: '2026-03-01' }, today)).toBe('done');
    expect(taskDue({ done: false, due_date: '2026-03-09' }, today)).toBe('overdue');
    expect(taskDue({ done: false, due_date: '2026-03-10' }, today)).toBe('today');
    expect(taskDue({ done: false, due_date: '2026-03-11' }, today)).toBe('upcoming');
    expect(taskDue({ done: false, due_date: null }, today)).toBe('upcoming');
  });
});
