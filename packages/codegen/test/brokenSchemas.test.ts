import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, editJson, runCli, scratch } from './support.js';

interface Case {
  name: string;
  breakIt: (dir: string) => void;
  file: string;
  pointer: string;
  message: RegExp;
}

const deal = (dir: string) => join(dir, 'entities/deal.schema.json');
const customer = (dir: string) => join(dir, 'entities/customer.schema.json');

const cases: Case[] = [
  {
    name: 'a file that is not JSON',
    breakIt: (dir) => writeFileSync(customer(dir), '{\n  "type": "object",\n  "x-resource": "customers"\n  "x-label": {}\n}'),
    file: 'entities/customer.schema.json',
    pointer: '',
    message: /is not valid JSON: .*line 4, column 3/,
  },
  {
    name: 'an unknown x- keyword on the entity',
    breakIt: (dir) => editJson(customer(dir), (s) => (s['x-labels'] = { en: 'Customer' })),
    file: 'entities/customer.schema.json',
    pointer: '/x-labels',
    message: /"x-labels" is not an ra-sales keyword here/,
  },
  {
    name: 'a misspelt JSON Schema keyword on a field',
    breakIt: (dir) => editJson(deal(dir), (s) => (s.properties.need.maxLenght = 10)),
    file: 'entities/deal.schema.json',
    pointer: '/properties/need/maxLenght',
    message: /"maxLenght" is not a keyword a field can have/,
  },
  {
    name: 'a keyword with a value of the wrong type',
    breakIt: (dir) => editJson(deal(dir), (s) => (s.properties.need.maxLength = 'long')),
    file: 'entities/deal.schema.json',
    pointer: '/properties/need/maxLength',
    message: /"maxLength" must be an integer/,
  },
  {
    name: 'a reference to a resource that does not exist',
    breakIt: (dir) => editJson(customer(dir), (s) => (s.properties.owner_id['x-ref'] = 'sales_people')),
    file: 'entities/customer.schema.json',
    pointer: '/properties/owner_id/x-ref',
    message: /refers to "sales_people", which is not a resource/,
  },
  {
    name: 'a gate requiring a field that does not exist',
    breakIt: (dir) => editJson(deal(dir), (s) => s['x-workflow'].stages[0].gate.required.push('budget')),
    file: 'entities/deal.schema.json',
    pointer: '/x-workflow/stages/0/gate/required/2',
    message: /the gate of stage "qualify" requires "budget", which is not a field/,
  },
  {
    name: 'a transition to a stage that does not exist',
    breakIt: (dir) => editJson(deal(dir), (s) => (s['x-workflow'].transitions[0].to = 'proposal')),
    file: 'entities/deal.schema.json',
    pointer: '/x-workflow/transitions/0/to',
    message: /"proposal" is not a stage \(qualify, propose, won, lost\)/,
  },
  {
    name: 'two entities with the same resource name',
    breakIt: (dir) => editJson(deal(dir), (s) => (s['x-resource'] = 'customers')),
    file: 'entities/deal.schema.json',
    pointer: '/x-resource',
    message: /resource "customers" is already used by entities\/customer\.schema\.json/,
  },
  {
    name: 'a $ref to a definition that does not exist',
    breakIt: (dir) => editJson(deal(dir), (s) => (s.properties.amount.$ref = '../shared/defs.schema.json#/$defs/amount')),
    file: 'entities/deal.schema.json',
    pointer: '/properties/amount/$ref',
    message: /points at nothing: shared\/defs\.schema\.json has no "\/\$defs\/amount"/,
  },
  {
    name: 'a required field that is not a property',
    breakIt: (dir) => editJson(deal(dir), (s) => s.required.push('owner')),
    file: 'entities/deal.schema.json',
    pointer: '/required/2',
    message: /"owner" is required but is not a property/,
  },
  {
    name: 'an approval by a role that is not declared',
    breakIt: (dir) => editJson(deal(dir), (s) => (s['x-workflow'].approvals[0].role = 'director')),
    file: 'entities/deal.schema.json',
    pointer: '/x-workflow/approvals/0/role',
    message: /role "director" is not declared in model\.json/,
  },
  {
    name: 'a label without English',
    breakIt: (dir) => editJson(customer(dir), (s) => (s['x-label'] = { 'zh-CN': '客户' })),
    file: 'entities/customer.schema.json',
    pointer: '/x-label',
    message: /"x-label" is missing the required key "en"/,
  },
  {
    name: 'a title on a field',
    breakIt: (dir) => editJson(customer(dir), (s) => (s.properties.name.title = 'Name')),
    file: 'entities/customer.schema.json',
    pointer: '/properties/name/title',
    message: /a field cannot have a "title": use "x-label"/,
  },
  {
    name: 'money on a text field',
    breakIt: (dir) => editJson(deal(dir), (s) => (s.properties.need['x-kind'] = 'money')),
    file: 'entities/deal.schema.json',
    pointer: '/properties/need',
    message: /x-kind "money" needs "type": "number" or "integer"/,
  },
  {
    name: 'a workflow field that is not a property',
    breakIt: (dir) => editJson(deal(dir), (s) => (s['x-workflow'].field = 'status')),
    file: 'entities/deal.schema.json',
    pointer: '/x-workflow/field',
    message: /the workflow field "status" is not a property/,
  },
  {
    name: 'an entity without a resource name',
    breakIt: (dir) => editJson(customer(dir), (s) => delete s['x-resource']),
    file: 'entities/customer.schema.json',
    pointer: '',
    message: /the file is missing the required key "x-resource"/,
  },
  {
    name: 'a misspelt keyword in a gate',
    breakIt: (dir) => editJson(deal(dir), (s) => (s['x-workflow'].stages[0].gate = { requird: ['amount'] })),
    file: 'entities/deal.schema.json',
    pointer: '/x-workflow/stages/0/gate/requird',
    message: /"requird" is not a keyword a condition can have/,
  },
  {
    name: 'a pattern that is not a regular expression',
    breakIt: (dir) => editJson(deal(dir), (s) => (s.properties.title.pattern = '[A-Z')),
    file: 'entities/deal.schema.json',
    pointer: '',
    message: /is not a valid JSON Schema: Invalid regular expression: \/\[A-Z\/u/,
  },
  {
    name: 'a stage id in the wrong case',
    breakIt: (dir) => editJson(deal(dir), (s) => (s['x-workflow'].transitions[0].to = 'Propose')),
    file: 'entities/deal.schema.json',
    pointer: '/x-workflow/transitions/0/to',
    message: /"to" must be a stage id, a list of stage ids, or "\*"/,
  },
];

describe('a broken schema file', () => {
  for (const c of cases) {
    it(`is rejected with file, pointer and message: ${c.name}`, async () => {
      const dir = copyFixture();
      c.breakIt(dir);
      const out = join(scratch('out-'), 'generated');
      const { code, stderr } = await runCli(['generate', '--schemas', dir, '--out', out]);
      expect(code).toBe(1);
      const expectedLocation = `${c.file}${c.pointer ? `#${c.pointer}` : ''}: `;
      const line = stderr.split('\n').find((l) => l.includes(expectedLocation));
      expect(line, `no error at ${expectedLocation} in:\n${stderr}`).toBeDefined();
      expect(line).toMatch(c.message);
      expect(stderr).toContain('Nothing was generated.');
      expect(stderr).not.toMatch(/\n\s+at /); // never a stack trace
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    });
  }

  it('gets one error for one typo, not one per reference to its entity', async () => {
    const dir = copyFixture();
    editJson(customer(dir), (s) => (s.properties.name.maxlength = 10));
    const { stderr } = await runCli(['check', '--schemas', dir]);
    expect(stderr).toMatch(/^1 error\(s\)/);
    expect(stderr).toContain('entities/customer.schema.json#/properties/name/maxlength: "maxlength" is not a keyword a field can have');
  });

  it('gets all its errors at once, across files', async () => {
    const dir = copyFixture();
    // Meta-schema errors stop the checks of their own file only; whole-model checks still run for the others.
    const chosen = cases.filter((c) => /reference to a resource|gate requiring|transition to|approval by/.test(c.name));
    for (const c of chosen) c.breakIt(dir);
    writeFileSync(join(dir, 'entities/salesperson.schema.json'), '{ "type": ');
    const { code, stderr } = await runCli(['check', '--schemas', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^6 error\(s\) in the schema files:/);
    for (const c of chosen) expect(stderr).toContain(`${c.file}#${c.pointer}: `);
    expect(stderr).toContain(
      'entities/customer.schema.json#/x-access/owner: owner field "owner_id" must reference the users entity ("x-ref": "salespeople")',
    );
    expect(stderr).toContain('entities/salesperson.schema.json: is not valid JSON');
  });
});
