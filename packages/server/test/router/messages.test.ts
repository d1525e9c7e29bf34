/**
 * Every refusal of the router in the request's language: the same refused request sent with
 * `Accept-Language: en` and `zh-CN`, its message and per-field errors naming fields, entities
 * and stages by their labels in that language (validation rules translated by ajv-i18n).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../support/databases.js';
import { startTestServer, tableFingerprint, type HttpAnswer, type RequestOptions, type TestServer, type UserName } from './support/server.js';

import { DEVELOPMENT_GATE, INITIATION_GATE } from './support/opportunityGates.js';

const ZH = { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.5' };

forEachDatabase('router messages', (database) => {
  let server: TestServer;
  let customerId: number;

  beforeAll(async () => {
    server = await startTestServer(database.db);
    const customer = await server.request('POST', '/customers', { as: 'repA', body: { name: 'Acme Steel', grade: 'A' } });
    expect(customer.status).toBe(201);
    customerId = customer.json.id;
  });
  afterAll(() => server?.close());

  /** The request in English and in Chinese; both refused alike, nothing written. */
  async function inBoth(method: string, path: string, options: RequestOptions = {}): Promise<{ en: HttpAnswer; zh: HttpAnswer }> {
    const tables = ['sales_audit', 'sales_history', 'sales_approvals'];
    const before = await Promise.all(tables.map((t) => tableFingerprint(database.db, t)));
    const en = await server.request(method, path, { ...options, headers: { ...options.headers, 'Accept-Language': 'en' } });
    const zh = await server.request(method, path, { ...options, headers: { ...options.headers, ...ZH } });
    expect(zh.status).toBe(en.status);
    expect(Object.keys(zh.json.errors ?? {})).toEqual(Object.keys(en.json.errors ?? {}));
    expect(await Promise.all(tables.map((t) => tableFingerprint(database.db, t)))).toEqual(before);
    return { en, zh };
  }

  async function create(resource: string, body: Record<string, unknown>, as: UserName = 'repA') {
    const answer = await server.request('POST', `/${resource}`, { as, body });
    expect(answer.status).toBe(201);
    return answer.json as Record<string, any>;
  }

  async function put(record: Record<string, any>, resource: string, changes: Record<string, unknown>, as: UserName = 'repA') {
    const answer = await server.request('PUT', `/${resource}/${record.id}`, { as, body: { ...record, ...changes } });
    expect(answer.status).toBeLessThan(300);
    return answer.json as Record<string, any>;
  }

  describe('validation errors (ajv, translated by ajv-i18n)', () => {
    it('names invalid fields by label and states each rule', async () => {
      const { en, zh } = await inBoth('POST', '/customers', { body: { name: 'Bad grade', grade: 'Z', credit_limit: -1 } });
      expect(en.status).toBe(400);
      expect(en.json).toEqual({
        message: 'Invalid record: Grade, Credit limit',
        errors: { grade: 'must be one of: A, B, C, D', credit_limit: 'must be >= 0' },
      });
      expect(zh.json).toEqual({
        message: '记录无效：客户等级、信用额度',
        errors: { grade: '必须是以下值之一: A, B, C, D', credit_limit: '应当为 >= 0' },
      });
    });

    it('required fields, types and formats', async () => {
      const { en, zh } = await inBoth('POST', '/customers', { body: { grade: 'A', website: 'not a url', credit_limit: 'lots' } });
      expect(en.json.message).toBe('Invalid record: Name, Website, Credit limit');
      expect(en.json.errors).toEqual({ name: 'required', website: 'must match format "uri"', credit_limit: 'must be number,null' });
      expect(zh.json.message).toBe('记录无效：客户名称、网址、信用额度');
      expect(zh.json.errors).toEqual({ name: '必填', website: '应当匹配格式 "uri"', credit_limit: '应当是 number,null 类型' });
    });

    it('errors inside lines keep their path and name the column by its label', async () => {
      const [product] = await database.db('products').insert({ code: 'P-1', name: 'Widget', unit: 'pc', list_price: 10 }).returning('id');
      const negative = await inBoth('POST', '/sales_plans', {
        body: { name: 'Plan 2026', plan_type: 'annual', year: 2026, product_targets: [{ product_id: Number(product.id), target_quantity: -1, target_amount: 10 }] },
      });
      expect(negative.en.status).toBe(400);
      expect(negative.en.json).toEqual({
        message: 'Invalid record: Product targets',
        errors: { product_targets: 'product_targets/0/Target quantity: must be >= 0' },
      });
      expect(negative.zh.json).toEqual({
        message: '记录无效：产品销售目标',
        errors: { product_targets: 'product_targets/0/目标数量：应当为 >= 0' },
      });

      const missing = await inBoth('POST', '/training_plans', { body: { name: 'Onboarding', plan_type: 'training', attendees: [{ passed: true }] } });
      expect(missing.en.json.errors).toEqual({ attendees: 'attendees/0/Salesperson: required' });
      expect(missing.zh.json.errors).toEqual({ attendees: 'attendees/0/销售人员：必填' });
    });

    it('the rule a stage gate states is translated too', async () => {
      const record = await create('opportunities', { name: 'Gate rule', customer_id: customerId });
      const { en, zh } = await inBoth('PUT', `/opportunities/${record.id}`, { as: 'repA', body: { ...record, stage: 'lost', close_reason: 'no' } });
      expect(en.status).toBe(422);
      expect(en.json.errors.close_reason).toMatch(/^must NOT have fewer than \d+ characters to enter Lost$/);
      expect(zh.json.errors.close_reason).toMatch(/^进入「丢单」前需满足：不应少于 \d+ 个字符$/);
    });
  });

  it('unknown fields', async () => {
    const { en, zh } = await inBoth('POST', '/customers', { body: { name: 'Colourful', grade: 'A', colour: 'red' } });
    expect(en.status).toBe(400);
    expect(en.json).toEqual({ message: 'Unknown field "colour"', errors: { colour: 'unknown field' } });
    expect(zh.json).toEqual({ message: '未知字段：「colour」', errors: { colour: '未知字段' } });
  });

  it('server-owned fields cannot be changed', async () => {
    const record = await create('customers', { name: 'Server fields', grade: 'C' });
    const { en, zh } = await inBoth('PUT', `/customers/${record.id}`, { body: { ...record, created_at: '2020-01-01T00:00:00.000Z' } });
    expect(en.status).toBe(400);
    expect(en.json).toEqual({ message: 'Field "created_at" is set by the server', errors: { created_at: 'cannot be changed' } });
    expect(zh.json).toEqual({ message: '字段「created_at」由服务器设置，不能修改', errors: { created_at: '不能修改' } });

    const giveaway = await inBoth('POST', '/customers', { as: 'repA', body: { name: 'Gift', grade: 'C', owner_id: server.users.repB } });
    expect(giveaway.en.json).toEqual({ message: 'Field "Owner" is set by the server', errors: { owner_id: 'cannot be changed' } });
    expect(giveaway.zh.json).toEqual({ message: '字段「客户归属」由服务器设置，不能修改', errors: { owner_id: '不能修改' } });
  });

  it('an owner outside the team', async () => {
    const { en, zh } = await inBoth('POST', '/customers', { as: 'managerNorth', body: { name: 'Far away', grade: 'C', owner_id: server.users.repSouth } });
    expect(en.status).toBe(400);
    expect(en.json).toEqual({ message: 'Owner must be a member of your team', errors: { owner_id: 'not a member of your team' } });
    expect(zh.json).toEqual({ message: '「客户归属」必须是你团队的成员', errors: { owner_id: '不是你团队的成员' } });
  });

  describe('workflow moves', () => {
    it('a new record starts in the initial stage', async () => {
      const { en, zh } = await inBoth('POST', '/opportunities', { body: { name: 'Skipper', customer_id: customerId, stage: 'proposal' } });
      expect(en.status).toBe(400);
      expect(en.json).toEqual({ message: 'A new record starts in Customer development', errors: { stage: 'must be Customer development on create' } });
      expect(zh.json).toEqual({ message: '新记录只能从「客户开发」开始', errors: { stage: '新建时必须为「客户开发」' } });
    });

    it('a move that is not listed names the stages it may move to', async () => {
      const record = await create('opportunities', { name: 'Skip ahead', customer_id: customerId, ...DEVELOPMENT_GATE });
      const { en, zh } = await inBoth('PUT', `/opportunities/${record.id}`, { as: 'repA', body: { ...record, stage: 'proposal' } });
      expect(en.status).toBe(409);
      expect(en.json).toEqual({
        message: 'Customer development can move to Project initiation, Lost, Abandoned only',
        errors: { stage: 'allowed: Project initiation, Lost, Abandoned' },
        allowed: ['initiation', 'lost', 'abandoned'],
      });
      expect(zh.json).toEqual({
        message: '「客户开发」只能推进到：立项、丢单、放弃',
        errors: { stage: '只能推进到：立项、丢单、放弃' },
        allowed: ['initiation', 'lost', 'abandoned'],
      });
    });

    it('a stage with no way out says so', async () => {
      const plan = await create('visit_plans', { subject: 'First visit', customer_id: customerId, planned_at: '2026-03-02T09:00:00.000Z' });
      const done = await put(plan, 'visit_plans', { status: 'done', visited_at: '2026-03-02T10:00:00.000Z', outcome: 'Met the CIO', next_step: 'Send a proposal' });
      expect(done.status).toBe('done');
      const { en, zh } = await inBoth('PUT', `/visit_plans/${plan.id}`, { as: 'repA', body: { ...done, status: 'planned' } });
      expect(en.status).toBe(409);
      expect(en.json).toEqual({ message: 'Done can move to no other stage', errors: { status: 'Done can move to no other stage' }, allowed: [] });
      expect(zh.json).toEqual({ message: '「已完成」不能再推进到其他阶段', errors: { status: '「已完成」不能再推进到其他阶段' }, allowed: [] });
    });
  });

  describe('stale versions', () => {
    it('a record changed by someone else', async () => {
      const record = await create('customers', { name: 'Versioned', grade: 'B' });
      const { en, zh } = await inBoth('PUT', `/customers/${record.id}`, { body: { ...record, version: record.version + 5, industry: 'Steel' } });
      expect(en.status).toBe(409);
      expect(en.json).toEqual({ message: `Customer ${record.id} was changed by someone else; reload it and try again`, errors: { version: 'stale' } });
      expect(zh.json).toEqual({ message: `客户 ${record.id} 已被他人修改，请刷新后重试`, errors: { version: 'stale' } });
    });

    it('an approval changed by someone else', async () => {
      const record = await create('opportunities', { name: 'Needs approval', customer_id: customerId });
      const initiation = await put(record, 'opportunities', { ...DEVELOPMENT_GATE, stage: 'initiation' });
      const held = await server.request('PUT', `/opportunities/${record.id}`, { as: 'repA', body: { ...initiation, ...INITIATION_GATE, stage: 'proposal' } });
      expect(held.status).toBe(202);
      const [approval] = await database.db('sales_approvals').where({ record_id: record.id, status: 'pending' });
      const { en, zh } = await inBoth('PUT', `/approvals/${approval.id}`, { as: 'managerNorth', body: { status: 'approved', version: Number(approval.version) + 3 } });
      expect(en.status).toBe(409);
      expect(en.json).toEqual({ message: `Approval ${approval.id} was changed by someone else; reload it and try again`, errors: { version: 'stale' } });
      expect(zh.json).toEqual({ message: `审批 ${approval.id} 已被他人修改，请刷新后重试`, errors: { version: 'stale' } });
    });
  });

  it('references to records that do not exist (or are out of reach)', async () => {
    const { en, zh } = await inBoth('POST', '/opportunities', { body: { name: 'Ghost customer', customer_id: 99_999_999 } });
    expect(en.status).toBe(400);
    expect(en.json).toEqual({ message: 'Unknown reference: Customer', errors: { customer_id: 'no Customer record 99999999' } });
    expect(zh.json).toEqual({ message: '引用的记录不存在：客户', errors: { customer_id: '找不到客户记录 99999999' } });
  });

  it('a record still referenced is not deleted', async () => {
    const customer = await create('customers', { name: 'Referenced', grade: 'B' });
    await create('opportunities', { name: 'Holds it', customer_id: customer.id });
    const { en, zh } = await inBoth('DELETE', `/customers/${customer.id}`, { as: 'repA' });
    expect(en.status).toBe(409);
    expect(en.json).toEqual({
      message: `Customer ${customer.id} is still referenced by Opportunity.Customer`,
      errors: { id: 'referenced by Opportunity.Customer' },
    });
    expect(zh.json).toEqual({
      message: `客户 ${customer.id} 仍被引用，不能删除：销售机会的「客户」`,
      errors: { id: '仍被引用：销售机会的「客户」' },
    });
  });

  describe('403 and 404', () => {
    it('no write scope on the entity', async () => {
      const { en, zh } = await inBoth('POST', '/customers', { as: 'presales', body: { name: 'Presales customer', grade: 'C' } });
      expect(en.status).toBe(403);
      expect(en.json).toEqual({ message: 'You may not change Customers' });
      expect(zh.json).toEqual({ message: '你无权修改客户档案' });
    });

    it('a record readable but not writable', async () => {
      const channel = await create('channels', { name: 'North dealer', channel_type: 'dealer' }, 'repA');
      const { en, zh } = await inBoth('PUT', `/channels/${channel.id}`, { as: 'repB', body: { ...channel, notes: 'mine now' } });
      expect(en.status).toBe(403);
      expect(en.json).toEqual({ message: `You may not change Sales channel ${channel.id}` });
      expect(zh.json).toEqual({ message: `你无权修改销售渠道 ${channel.id}` });
    });

    it('records that do not exist or are out of the read scope', async () => {
      const missing = await inBoth('GET', '/customers/99999999');
      expect(missing.en.status).toBe(404);
      expect(missing.en.json).toEqual({ message: 'No Customer record 99999999' });
      expect(missing.zh.json).toEqual({ message: '找不到客户记录 99999999' });

      const hidden = await inBoth('PUT', `/customers/${customerId}`, { as: 'repB', body: { name: 'Taken over' } });
      expect(hidden.en.status).toBe(404);
      expect(hidden.en.json.message).toBe(`No Customer record ${customerId}`);
      expect(hidden.zh.json.message).toBe(`找不到客户记录 ${customerId}`);

      const approval = await inBoth('GET', '/approvals/99999999');
      expect(approval.en.json.message).toBe('No Approval record 99999999');
      expect(approval.zh.json.message).toBe('找不到审批记录 99999999');

      const badId = await inBoth('GET', '/customers/abc');
      expect([badId.en.status, badId.en.json.message, badId.zh.json.message]).toEqual([404, 'No record "abc"', '找不到记录 "abc"']);

      const resource = await inBoth('GET', '/nothing');
      expect([resource.en.status, resource.en.json.message, resource.zh.json.message]).toEqual([404, 'Unknown resource "nothing"', '未知资源 "nothing"']);
    });
  });

  it('without Accept-Language the model\'s first locale answers', async () => {
    const answer = await server.request('GET', '/customers/99999999', { headers: { 'Accept-Language': '' } });
    expect(answer.json.message).toBe('找不到客户记录 99999999');
  });
});
