/**
 * Warnings: what is legal but most likely a mistake. Each has the shape of an error
 * (`file#pointer: message`) and never stops the load. Small fixture schemas, one folder each.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSchemaErrors, loadModel } from '../src/index.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const both = (en: string, zh = `${en}（中）`) => ({ en, 'zh-CN': zh });

const MODEL = {
  locales: ['zh-CN', 'en'],
  groups: [{ id: 'service', label: both('Service') }],
  roles: { agent: both('Agent'), supervisor: both('Supervisor'), finance: both('Finance'), admin: both('Administrator') },
};

/** A ticket with a workflow, labelled in both locales and giving every role it names the access it needs. */
function ticket(change: (t: any) => void = () => {}) {
  const t: any = {
    type: 'object',
    'x-resource': 'tickets',
    'x-label': both('Ticket'),
    'x-access': {
      roles: {
        agent: { read: 'all', write: 'all' },
        supervisor: { read: 'all', write: 'all' },
        finance: { read: 'all', write: 'all' },
        admin: { read: 'all', write: 'all' },
      },
      default: { read: 'none', write: 'none' },
    },
    required: ['name'],
    properties: {
      name: { type: 'string', maxLength: 200, 'x-label': both('Name') },
      status: { 'x-label': both('Status') },
      priority: {
        type: 'string',
        enum: ['low', 'high'],
        'x-label': both('Priority'),
        'x-enum-labels': { low: both('Low'), high: both('High') },
      },
      fee: { type: 'number', 'x-kind': 'money', 'x-label': both('Fee'), 'x-write': ['finance'] },
      resolution: { type: 'string', maxLength: 2000, 'x-label': both('Resolution') },
    },
    'x-workflow': {
      field: 'status',
      stages: [
        { id: 'open', label: both('Open'), sla_days: 2 },
        { id: 'closed', label: both('Closed'), kind: 'won', lock: { reversibleBy: ['supervisor'] } },
      ],
      transitions: [
        { from: 'open', to: 'closed' },
        { from: 'closed', to: 'open' },
      ],
      approvals: [{ from: 'open', to: 'closed', role: 'supervisor', label: both('Closing approval') }],
    },
  };
  change(t);
  return t;
}

const TICKET = 'entities/ticket.schema.json';

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ra-sales-warnings-'));
  scratch.push(dir);
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), JSON.stringify(value, null, 2));
  }
  return dir;
}

/** The warning lines for a folder of files (model.json added unless given), with overlay folders over it. */
function warnings(files: Record<string, unknown>, overlays: Record<string, unknown>[] = []): string[] {
  const dir = folder({ 'model.json': MODEL, ...files });
  const folders = overlays.map((o) => folder(o));
  const result = loadModel({ dir, overlays: folders });
  if (!result.ok) throw new Error(`the fixture does not load:\n${formatSchemaErrors(result.errors)}`);
  const shown = (line: string) => folders.reduce((l, f) => l.replace(`${basename(f)}/`, 'overlay/'), line);
  return result.warnings.length ? formatSchemaErrors(result.warnings).split('\n').map(shown) : [];
}

describe('a clean model', () => {
  it('has no warnings, and warnings never stop the load', () => {
    expect(warnings({ [TICKET]: ticket() })).toEqual([]);
    const result = loadModel({ dir: folder({ 'model.json': MODEL, [TICKET]: ticket((t) => delete t.properties.name['x-label']) }) });
    expect(result.ok && Object.keys(result.model.entities)).toEqual(['tickets']);
    expect(result.ok && result.warnings).toHaveLength(1);
  });
});

describe('enum values without a label', () => {
  it('names each value missing from x-enum-labels, at its place in the enum', () => {
    expect(warnings({ [TICKET]: ticket((t) => t.properties.priority.enum.push('urgent', 'blocked')) })).toEqual([
      `${TICKET}#/properties/priority/enum/2: field "priority": the value "urgent" has no label in x-enum-labels, so it is shown as written`,
      `${TICKET}#/properties/priority/enum/3: field "priority": the value "blocked" has no label in x-enum-labels, so it is shown as written`,
    ]);
  });

  it('says once that a field has no x-enum-labels at all, even in a model in English only', () => {
    const lines = [
      `${TICKET}#/properties/priority/enum: field "priority" has no x-enum-labels, so its values (low, high) are shown as written, in every language`,
    ];
    expect(warnings({ [TICKET]: ticket((t) => delete t.properties.priority['x-enum-labels']) })).toEqual(lines);
    const english = { ...MODEL, locales: ['en'] };
    const englishOnly = ticket((t) => delete t.properties.priority['x-enum-labels']);
    expect(warnings({ 'model.json': english, [TICKET]: englishOnly })).toEqual(lines);
  });

  it('names a value labelled in some locales only', () => {
    expect(warnings({ [TICKET]: ticket((t) => (t.properties.priority['x-enum-labels'].high = { en: 'High' })) })).toEqual([
      `${TICKET}#/properties/priority/x-enum-labels/high: field "priority": the label of "high" has no "zh-CN" text, so the zh-CN screens show the English "High"`,
    ]);
  });

  it('leaves the workflow field alone: its values are the stages, labelled by them', () => {
    expect(warnings({ [TICKET]: ticket((t) => (t.properties.status.enum = ['open', 'closed'])) })).toEqual([]);
  });

  it('reports against the overlay that added the value', () => {
    const overlay = { [TICKET]: { properties: { priority: { enum: ['low', 'high', 'urgent'] } } } };
    expect(warnings({ [TICKET]: ticket() }, [overlay])).toEqual([
      `overlay/${TICKET}#/properties/priority/enum/2: field "priority": the value "urgent" has no label in x-enum-labels, so it is shown as written`,
    ]);
  });
});

describe('labels missing a model locale', () => {
  it('names entity, field, help, stage, approval, line column and x-validate labels without a zh-CN text', () => {
    const lines = warnings({
      [TICKET]: ticket((t) => {
        t['x-plural-label'] = { en: 'Tickets' };
        t.properties.resolution['x-help'] = { en: 'What was done' };
        t['x-workflow'].stages[1].label = { en: 'Closed' };
        t['x-workflow'].approvals[0].label = { en: 'Closing approval' };
        t.properties.parts = {
          type: 'array',
          'x-label': both('Parts'),
          items: { type: 'object', properties: { part: { type: 'string', 'x-label': { en: 'Part' } } } },
        };
        t['x-validate'] = [{ rule: { '>=': [{ var: 'fee' }, 0] }, message: { en: 'No negative fee' }, fields: ['fee'] }];
      }),
    });
    expect(lines).toEqual([
      `${TICKET}#/properties/parts/items/properties/part/x-label: column "part" of "parts": the label has no "zh-CN" text, so the zh-CN screens show the English "Part"`,
      `${TICKET}#/properties/resolution/x-help: field "resolution": the help text has no "zh-CN" text, so the zh-CN screens show the English "What was done"`,
      `${TICKET}#/x-plural-label: entity "ticket": the plural label has no "zh-CN" text, so the zh-CN screens show the English "Tickets"`,
      `${TICKET}#/x-validate/0/message: rule 0 of x-validate: the message has no "zh-CN" text, so the zh-CN screens show the English "No negative fee"`,
      `${TICKET}#/x-workflow/approvals/0/label: approval 0: the label has no "zh-CN" text, so the zh-CN screens show the English "Closing approval"`,
      `${TICKET}#/x-workflow/stages/1/label: stage "closed": the label has no "zh-CN" text, so the zh-CN screens show the English "Closed"`,
    ]);
  });

  it('names a field without x-label, unless the model is in English only', () => {
    const unlabelled = ticket((t) => delete t.properties.resolution['x-label']);
    expect(warnings({ [TICKET]: unlabelled })).toEqual([
      `${TICKET}#/properties/resolution: field "resolution" has no x-label, so it is shown as "Resolution" (made from its name) in every language`,
    ]);
    expect(warnings({ 'model.json': { ...MODEL, locales: ['en'] }, [TICKET]: unlabelled })).toEqual([]);
  });

  it('names the groups, roles and dashboard titles of model.json', () => {
    const model = {
      ...MODEL,
      groups: [{ id: 'service', label: { en: 'Service' } }],
      roles: { ...MODEL.roles, agent: { en: 'Agent' } },
      dashboard: { cards: [{ report: 'stage-sla', title: { en: 'Overdue' } }] },
    };
    expect(warnings({ 'model.json': model, [TICKET]: ticket() })).toEqual([
      'model.json#/dashboard/cards/0/title: dashboard card 0: the title has no "zh-CN" text, so the zh-CN screens show the English "Overdue"',
      'model.json#/groups/0/label: group "service": the label has no "zh-CN" text, so the zh-CN screens show the English "Service"',
      'model.json#/roles/agent: role "agent": the label has no "zh-CN" text, so the zh-CN screens show the English "Agent"',
    ]);
  });

  it('names a text in an undeclared variant of a model language, with the locale meant', () => {
    expect(
      warnings({ [TICKET]: ticket((t) => (t.properties.name['x-label'] = { en: 'Name', 'zh-CN': '名称', 'zh-TW': '名稱' })) }),
    ).toEqual([
      `${TICKET}#/properties/name/x-label/zh-TW: field "name": the label has a "zh-TW" text, but "zh-TW" is not a locale of model.json (zh-CN, en), so it is never shown: did you mean "zh-CN"?`,
    ]);
  });
});

describe('a time limit on a won or lost stage', () => {
  it('warns: every record there ends up overdue', () => {
    expect(warnings({ [TICKET]: ticket((t) => (t['x-workflow'].stages[1].sla_days = 3)) })).toEqual([
      `${TICKET}#/x-workflow/stages/1/sla_days: stage "closed" is won and has "sla_days": 3: records stay in a won stage, so every one of them shows as overdue 3 days after it got there; give the time limit to an open stage`,
    ]);
  });
});

describe('a role given a right its access never lets it use', () => {
  const without = (role: string, mode: 'read' | 'write') => (t: any) => (t['x-access'].roles[role][mode] = 'none');

  it('x-write naming a role that may change no record', () => {
    expect(warnings({ [TICKET]: ticket(without('finance', 'write')) })).toEqual([
      `${TICKET}#/properties/fee/x-write/0: field "fee": x-write names "finance", but x-access lets finance change no tickets ("write": "none"), so a finance user can never set it`,
    ]);
  });

  it('x-write with "owner": false naming a role that may change only its own records', () => {
    const agents = {
      type: 'object',
      'x-resource': 'agents',
      'x-label': both('Agent'),
      properties: {
        name: { type: 'string', maxLength: 200, 'x-label': both('Name') },
        role: {
          type: 'string',
          enum: ['agent', 'supervisor'],
          'x-label': both('Role'),
          'x-enum-labels': { agent: both('Agent'), supervisor: both('Supervisor') },
        },
      },
    };
    const ownOnly = ticket((t) => {
      t['x-access'].owner = 'owner_id';
      t['x-access'].roles.supervisor.write = 'own';
      t.properties.owner_id = { type: 'integer', 'x-ref': 'agents', 'x-label': both('Owner') };
      t.properties.fee['x-write'] = { roles: ['finance', 'supervisor'], owner: false };
    });
    const model = { ...MODEL, users: { resource: 'agents', role: 'role' } };
    expect(warnings({ 'model.json': model, 'entities/agent.schema.json': agents, [TICKET]: ownOnly })).toEqual([
      `${TICKET}#/properties/fee/x-write/roles/1: field "fee": x-write names "supervisor" with "owner": false, but x-access lets supervisor change only their own tickets ("write": "own"), so a supervisor user can never set it`,
    ]);
  });

  it('a lock reversible by a role that may change no record', () => {
    expect(warnings({ [TICKET]: ticket(without('supervisor', 'write')) })).toEqual([
      `${TICKET}#/x-workflow/stages/1/lock/reversibleBy/0: stage "closed" may be reversed by "supervisor", but x-access lets supervisor change no tickets ("write": "none"), so a supervisor user can never reverse it`,
    ]);
  });

  it('an approval by a role that may read no record', () => {
    expect(warnings({ [TICKET]: ticket(without('supervisor', 'read')) })).toEqual([
      `${TICKET}#/x-workflow/approvals/0/role: approval 0 (to "closed") needs "supervisor", but x-access lets supervisor read no tickets ("read": "none"), so a supervisor user never sees the request and cannot decide it`,
    ]);
  });

  it('takes the default scope for a role x-access does not list', () => {
    expect(warnings({ [TICKET]: ticket((t) => delete t['x-access'].roles.finance) })).toEqual([
      `${TICKET}#/properties/fee/x-write/0: field "fee": x-write names "finance", but x-access lets finance change no tickets ("write": "none"), so a finance user can never set it`,
    ]);
  });
});

describe('the default schemas and the company-oa overlay', () => {
  const SCHEMAS = join(import.meta.dirname, '../../../schemas');
  const OVERLAY = join(import.meta.dirname, '../../../examples/company-oa/overlay');
  const lines = (overlays: string[]) => {
    const result = loadModel({ dir: SCHEMAS, overlays });
    return result.ok ? formatSchemaErrors(result.warnings).split('\n') : formatSchemaErrors(result.errors).split('\n');
  };
  it('have no warnings: every role a control names has the access it needs', () => {
    expect(lines([])).toEqual(['']);
    expect(lines([OVERLAY])).toEqual(['']);
  });
});
