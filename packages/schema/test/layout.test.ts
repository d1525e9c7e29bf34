/**
 * The layout the schema declares: an entity's tabs (`x-sections`, a field's `x-section`) and the
 * menu order of a group's entities (`resources` of model.json's `groups`), compiled into the
 * model, and every refusal at its `file#pointer`, with a did-you-mean where a name is close.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSchemaErrors, loadModel, toClientModel, type SalesModel } from '../src/index.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const text = (en: string, zh: string, extra: Record<string, unknown> = {}) => ({ type: 'string', 'x-label': label(en, zh), ...extra });

const MODEL = {
  locales: ['zh-CN', 'en'],
  groups: [
    { id: 'sales', label: label('Sales', '销售') },
    { id: 'admin', label: label('Admin', '管理') },
  ],
  roles: { admin: label('Admin', '管理员') },
};
const entity = (resource: string, group: string, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  'x-resource': resource,
  'x-label': label(resource, resource),
  'x-group': group,
  properties: { name: text('Name', '名称') },
  ...extra,
});
/** A deal: fields on the main tab, a contact tab, and a tab per stage of its workflow. */
const DEAL = entity('deals', 'sales', {
  'x-workflow': {
    field: 'stage',
    stages: [
      { id: 'open', label: label('Open', '进行中') },
      { id: 'won', label: label('Won', '赢单'), kind: 'won' },
    ],
    transitions: [{ from: 'open', to: 'won' }],
  },
  'x-sections': [{ id: 'contact', label: label('Contact', '联系方式') }, { id: 'won' }],
  properties: {
    name: text('Name', '名称'),
    stage: text('Stage', '阶段'),
    phone: text('Phone', '电话', { 'x-section': 'contact' }),
    email: text('Email', '邮箱', { 'x-section': 'contact' }),
    amount: { type: 'number', 'x-label': label('Amount', '金额') },
    won_date: text('Won on', '赢单日期', { format: 'date', 'x-section': 'won' }),
  },
});

/** A schema folder of model.json and the entity files given (by file name), plus an overlay folder when given. */
function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ra-sales-layout-'));
  scratch.push(dir);
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), JSON.stringify(value));
  }
  return dir;
}

function load(files: Record<string, unknown>, overlay?: Record<string, unknown>) {
  return loadModel({
    dir: folder({ 'model.json': MODEL, 'entities/deal.schema.json': DEAL, ...files }),
    overlays: overlay ? [folder(overlay)] : [],
  });
}

function model(files: Record<string, unknown> = {}, overlay?: Record<string, unknown>): SalesModel {
  const result = load(files, overlay);
  if (!result.ok) throw new Error(formatSchemaErrors(result.errors));
  return result.model;
}

/** The check's lines, the folder's name left out. */
function check(files: Record<string, unknown>, overlay?: Record<string, unknown>): string[] {
  const result = load(files, overlay);
  return result.ok
    ? []
    : formatSchemaErrors(result.errors)
        .replace(/^.*ra-sales-layout-\w+\//gm, 'overlay/')
        .split('\n');
}

const tabs = (m: SalesModel, resource = 'deals') => m.entities[resource]!.sections!.map((s) => [s.id, s.fields]);
const withDeal = (changes: Record<string, unknown>) => ({ 'entities/deal.schema.json': { ...DEAL, ...changes } });

describe('x-sections', () => {
  it('compiles the tabs in order, the main one first, each field once in property order', () => {
    const m = model();
    expect(tabs(m)).toEqual([
      ['main', ['name', 'stage', 'amount']],
      ['contact', ['phone', 'email']],
      ['won', ['won_date']],
    ]);
    expect(m.entities.deals!.sections!.map((s) => s.label)).toEqual([
      { en: 'General', 'zh-CN': '基本信息' },
      label('Contact', '联系方式'),
      label('Won', '赢单'),
    ]);
    expect(m.entities.deals!.fields.map((f) => f.section)).toEqual([undefined, undefined, 'contact', 'contact', undefined, 'won']);
  });

  it('gives an entity without sections one main tab, and the client model the same tabs', () => {
    const m = model({ 'entities/memo.schema.json': entity('memos', 'sales') });
    expect(tabs(m, 'memos')).toEqual([['main', ['name']]]);
    expect(toClientModel(m).entities.deals!.sections).toEqual(m.entities.deals!.sections);
  });

  it("places a section's listed fields first, in list order, over their x-section; the others follow", () => {
    const m = model(
      withDeal({ 'x-sections': [{ id: 'contact', label: label('Contact', '联系方式'), fields: ['email', 'amount'] }, { id: 'won' }] }),
    );
    expect(tabs(m)).toEqual([
      ['main', ['name', 'stage']],
      ['contact', ['email', 'amount', 'phone']],
      ['won', ['won_date']],
    ]);
    expect(m.entities.deals!.fields.find((f) => f.name === 'amount')!.section).toBe('contact');
  });

  it('lets main be declared to move and relabel it; a tab left without fields is dropped', () => {
    const m = model(
      withDeal({
        'x-sections': [
          { id: 'contact', label: label('Contact', '联系方式'), fields: ['phone', 'email', 'won_date'] },
          { id: 'won' },
          { id: 'main', label: label('Deal', '交易') },
        ],
      }),
    );
    expect(tabs(m)).toEqual([
      ['contact', ['phone', 'email', 'won_date']],
      ['main', ['name', 'stage', 'amount']],
    ]);
    expect(m.entities.deals!.sections![1]!.label).toEqual(label('Deal', '交易'));
  });

  it('lets an overlay put a new field in the middle of a tab and reorder the tabs, by replacing the list', () => {
    const overlay = {
      'entities/deal.schema.json': {
        'x-sections': [{ id: 'won' }, { id: 'contact', label: label('Reach', '联络'), fields: ['phone', 'wechat', 'email'] }],
        properties: { wechat: text('WeChat', '微信') },
      },
    };
    expect(tabs(model({}, overlay))).toEqual([
      ['main', ['name', 'stage', 'amount']],
      ['won', ['won_date']],
      ['contact', ['phone', 'wechat', 'email']],
    ]);
  });

  it('refuses an x-section naming an undeclared section, with a did-you-mean', () => {
    const properties = { ...DEAL.properties, email: text('Email', '邮箱', { 'x-section': 'contacts' }) };
    expect(check(withDeal({ properties }))).toEqual([
      'entities/deal.schema.json#/properties/email/x-section: section "contacts" is not declared in "x-sections": did you mean "contact"?',
    ]);
    expect(check(withDeal({ 'x-sections': undefined, properties: { ...DEAL.properties, won_date: text('Won on', '赢单日期') } }))).toEqual([
      'entities/deal.schema.json#/properties/email/x-section: section "contact" is not declared: add { "id": "contact", "label": … } to "x-sections"',
      'entities/deal.schema.json#/properties/phone/x-section: section "contact" is not declared: add { "id": "contact", "label": … } to "x-sections"',
    ]);
  });

  it('refuses a listed name that is not a field, with a did-you-mean', () => {
    expect(
      check(
        withDeal({ 'x-sections': [{ id: 'contact', label: label('Contact', '联系方式'), fields: ['phone', 'emial'] }, { id: 'won' }] }),
      ),
    ).toEqual(['entities/deal.schema.json#/x-sections/0/fields/1: "emial" is not a field of the entity: did you mean "email"?']);
  });

  it('refuses a field listed twice, in one section or in two', () => {
    expect(
      check(
        withDeal({
          'x-sections': [
            { id: 'contact', label: label('Contact', '联系方式'), fields: ['phone', 'email', 'phone'] },
            { id: 'won', fields: ['won_date', 'email'] },
          ],
        }),
      ),
    ).toEqual([
      'entities/deal.schema.json#/x-sections/0/fields/2: "phone" is listed twice in section "contact"',
      'entities/deal.schema.json#/x-sections/1/fields/1: "email" is already in section "contact": a field is on one tab only',
    ]);
  });

  it('refuses a section declared twice', () => {
    expect(
      check(
        withDeal({
          'x-sections': [
            { id: 'contact', label: label('Contact', '联系方式') },
            { id: 'won' },
            { id: 'contact', label: label('Contact', '联系方式') },
          ],
        }),
      ),
    ).toEqual(['entities/deal.schema.json#/x-sections/2/id: section "contact" is declared twice']);
  });

  it('wants a label in every locale of model.json, unless the section is main or named after a stage', () => {
    expect(check(withDeal({ 'x-sections': [{ id: 'contact', label: { en: 'Contact' } }, { id: 'won' }] }))).toEqual([
      'entities/deal.schema.json#/x-sections/0/label: section "contact" has no label in "zh-CN" (model.json\'s locales: zh-CN, en)',
    ]);
    expect(check(withDeal({ 'x-sections': [{ id: 'contact' }, { id: 'won' }] }))).toEqual([
      'entities/deal.schema.json#/x-sections/0: section "contact" needs a "label" (only "main" and a section named after a stage have one of their own)',
    ]);
  });

  it('refuses a misspelt keyword, on the entity and in a section', () => {
    const { 'x-sections': sections, ...rest } = DEAL as Record<string, unknown>;
    expect(check({ 'entities/deal.schema.json': { ...rest, 'x-sectons': sections } })).toEqual([
      'entities/deal.schema.json#/x-sectons: "x-sectons" is not an ra-sales keyword here: did you mean "x-sections"? (see docs/schema-language.md for the keywords of each place)',
    ]);
    expect(
      check(withDeal({ 'x-sections': [{ id: 'contact', label: label('Contact', '联系方式'), feilds: ['phone'] }, { id: 'won' }] })),
    ).toEqual(['entities/deal.schema.json#/x-sections/0/feilds: "feilds" is not allowed here']);
  });
});

describe("the menu order of model.json's groups", () => {
  const files = {
    'entities/account.schema.json': entity('accounts', 'sales'),
    'entities/visit.schema.json': entity('visits', 'sales'),
    'entities/user.schema.json': entity('users', 'admin'),
  };
  const menu = (groups: unknown[]) => ({ 'model.json': { ...MODEL, groups }, ...files });
  const [sales, admin] = MODEL.groups;

  it('keeps the groups in order and their entities by resource name when no order is given', () => {
    const m = model(files);
    expect(Object.keys(m.entities)).toEqual(['accounts', 'deals', 'visits', 'users']);
    expect(m.groups).toEqual(MODEL.groups);
  });

  it("puts a group's listed entities first, in list order, the others after by resource name", () => {
    const m = model(menu([{ ...sales, resources: ['visits', 'deals'] }, admin]));
    expect(Object.keys(m.entities)).toEqual(['visits', 'deals', 'accounts', 'users']);
    expect(Object.keys(toClientModel(m).entities)).toEqual(['visits', 'deals', 'accounts', 'users']);
    expect(m.groups).toEqual(MODEL.groups);
  });

  it('refuses an unknown resource, with a did-you-mean, and an entity of another group', () => {
    expect(check(menu([{ ...sales, resources: ['visit', 'users'] }, admin]))).toEqual([
      'model.json#/groups/0/resources/0: "visit" is not a resource: did you mean "visits"?',
      'model.json#/groups/0/resources/1: "users" is in the menu group "admin" (its "x-group"), not in "sales"',
    ]);
  });

  it('refuses a resource listed twice and a misspelt key', () => {
    expect(
      check(
        menu([
          { ...sales, resources: ['deals', 'deals'] },
          { ...admin, resource: ['users'] },
        ]),
      ),
    ).toEqual([
      'model.json#/groups/0/resources: "resources" lists the same value twice (items 1 and 0)',
      'model.json#/groups/1/resource: "resource" is not allowed here',
    ]);
  });
});
