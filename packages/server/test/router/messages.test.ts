/**
 * Every refusal of the router in the request's language: the same refused request sent with
 * `Accept-Language: en` and `zh-CN`, its message and per-field errors naming fields, entities
 * and stages by their labels in that language (validation rules translated by ajv-i18n).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../support/databases.js';
import {
  startTestServer,
  tableFingerprint,
  type HttpAnswer,
  type RequestOptions,
  type TestServer,
  type UserName,
} from './support/server.js';
import { fromDatabaseError, type HttpError } from '../../src/router/errors.js';
import { parseFilters } from '../../src/router/filters.js';
import { describeResources } from '../../src/router/resources.js';
import { defaultDomain } from './support/model.js';
import { ruleWords } from '../../src/router/ruleWords.js';
import { ruleMessage } from '../../src/router/validationErrors.js';
import { checkMove } from '../../src/router/workflow.js';
import { createAjv, type FieldModel, type JsonSchema, type ValidationError } from '@ra-sales/schema';

import { DEVELOPMENT_GATE, INITIATION_GATE } from './support/opportunityGates.js';
import { REPORTS } from '../../src/reports/reports.js';

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

  describe('validation errors (in business words, ruleWords.ts)', () => {
    it('names invalid fields by label and states each rule', async () => {
      const { en, zh } = await inBoth('POST', '/customers', { body: { name: 'Bad grade', grade: 'Z', credit_limit: -1 } });
      expect(en.status).toBe(400);
      expect(en.json).toEqual({
        message: 'Invalid record: Grade, Credit limit',
        errors: {
          grade: 'Grade must be “A – key”, “B – important”, “C – ordinary” or “D – low”',
          credit_limit: 'Credit limit must be at least 0',
        },
      });
      expect(zh.json).toEqual({
        message: '记录无效：客户等级、信用额度',
        errors: {
          grade: '「客户等级」必须是「A 类（重点）」、「B 类（重要）」、「C 类（一般）」或「D 类（低）」之一',
          credit_limit: '「信用额度」不能小于 0',
        },
      });
    });

    it('required fields, types and formats', async () => {
      const { en, zh } = await inBoth('POST', '/customers', { body: { grade: 'A', website: 'not a url', credit_limit: 'lots' } });
      expect(en.json.message).toBe('Invalid record: Name, Website, Credit limit');
      expect(en.json.errors).toEqual({
        name: 'Fill in “Name”',
        website: 'Website is not in the right format (e.g. https://example.com)',
        credit_limit: 'Credit limit must be a number',
      });
      expect(zh.json.message).toBe('记录无效：客户名称、网址、信用额度');
      expect(zh.json.errors).toEqual({
        name: '请填写「客户名称」',
        website: '「网址」格式不正确（例如 https://example.com）',
        credit_limit: '「信用额度」必须是数字',
      });
    });

    it('errors inside lines name the field, the line and the column by their labels', async () => {
      const [product] = await database.db('products').insert({ code: 'P-1', name: 'Widget', unit: 'pc', list_price: 10 }).returning('id');
      const negative = await inBoth('POST', '/sales_plans', {
        body: {
          name: 'Plan 2026',
          plan_type: 'annual',
          year: 2026,
          product_targets: [{ product_id: Number(product.id), target_quantity: -1, target_amount: 10 }],
        },
      });
      expect(negative.en.status).toBe(400);
      expect(negative.en.json).toEqual({
        message: 'Invalid record: Product targets',
        errors: { product_targets: 'Product targets, line 1: Target quantity must be at least 0' },
      });
      expect(negative.zh.json).toEqual({
        message: '记录无效：产品销售目标',
        errors: { product_targets: '「产品销售目标」第 1 行：「目标数量」不能小于 0' },
      });

      const missing = await inBoth('POST', '/training_plans', {
        body: { name: 'Onboarding', plan_type: 'training', attendees: [{ passed: true }] },
      });
      expect(missing.en.json.errors).toEqual({ attendees: 'Attendees, line 1: Fill in “Salesperson”' });
      expect(missing.zh.json.errors).toEqual({ attendees: '「参加人员」第 1 行：请填写「销售人员」' });
    });

    it('the rule a stage gate states is in business words too', async () => {
      const record = await create('opportunities', { name: 'Gate rule', customer_id: customerId });
      const { en, zh } = await inBoth('PUT', `/opportunities/${record.id}`, {
        as: 'repA',
        body: { ...record, stage: 'lost', close_reason: 'no' },
      });
      expect(en.status).toBe(422);
      expect(en.json.errors.close_reason).toMatch(/^Closing reason \/ summary needs at least \d+ characters to enter Lost$/);
      expect(zh.json.errors.close_reason).toMatch(/^进入「丢单」前：「结项原因 \/ 总结报告」至少 \d+ 个字$/);
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
    const { en, zh } = await inBoth('POST', '/customers', {
      as: 'managerNorth',
      body: { name: 'Far away', grade: 'C', owner_id: server.users.repSouth },
    });
    expect(en.status).toBe(400);
    expect(en.json).toEqual({ message: 'Owner must be a member of your team', errors: { owner_id: 'not a member of your team' } });
    expect(zh.json).toEqual({ message: '「客户归属」必须是你团队的成员', errors: { owner_id: '不是你团队的成员' } });
  });

  describe('workflow moves', () => {
    it('a new record starts in the initial stage', async () => {
      const { en, zh } = await inBoth('POST', '/opportunities', { body: { name: 'Skipper', customer_id: customerId, stage: 'proposal' } });
      expect(en.status).toBe(400);
      expect(en.json).toEqual({
        message: 'A new record starts in Customer development',
        errors: { stage: 'must be Customer development on create' },
      });
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
      const done = await put(plan, 'visit_plans', {
        status: 'done',
        visited_at: '2026-03-02T10:00:00.000Z',
        outcome: 'Met the CIO',
        next_step: 'Send a proposal',
      });
      expect(done.status).toBe('done');
      const { en, zh } = await inBoth('PUT', `/visit_plans/${plan.id}`, { as: 'repA', body: { ...done, status: 'planned' } });
      expect(en.status).toBe(409);
      expect(en.json).toEqual({
        message: 'Done can move to no other stage',
        errors: { status: 'Done can move to no other stage' },
        allowed: [],
      });
      expect(zh.json).toEqual({
        message: '「已完成」不能再推进到其他阶段',
        errors: { status: '「已完成」不能再推进到其他阶段' },
        allowed: [],
      });
    });
  });

  describe('stale versions', () => {
    it('a record changed by someone else', async () => {
      const record = await create('customers', { name: 'Versioned', grade: 'B' });
      const { en, zh } = await inBoth('PUT', `/customers/${record.id}`, {
        body: { ...record, version: record.version + 5, industry: 'Steel' },
      });
      expect(en.status).toBe(409);
      expect(en.json).toEqual({
        message: `Customer ${record.id} was changed by someone else; reload it and try again`,
        errors: { version: 'stale' },
      });
      expect(zh.json).toEqual({ message: `客户 ${record.id} 已被他人修改，请刷新后重试`, errors: { version: 'stale' } });
    });

    it('an approval changed by someone else', async () => {
      const record = await create('opportunities', { name: 'Needs approval', customer_id: customerId });
      const initiation = await put(record, 'opportunities', { ...DEVELOPMENT_GATE, stage: 'initiation' });
      const held = await server.request('PUT', `/opportunities/${record.id}`, {
        as: 'repA',
        body: { ...initiation, ...INITIATION_GATE, stage: 'proposal' },
      });
      expect(held.status).toBe(202);
      const [approval] = await database.db('sales_approvals').where({ record_id: record.id, status: 'pending' });
      const { en, zh } = await inBoth('PUT', `/approvals/${approval.id}`, {
        as: 'managerNorth',
        body: { status: 'approved', version: Number(approval.version) + 3 },
      });
      expect(en.status).toBe(409);
      expect(en.json).toEqual({
        message: `Approval ${approval.id} was changed by someone else; reload it and try again`,
        errors: { version: 'stale' },
      });
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
      expect([resource.en.status, resource.en.json.message, resource.zh.json.message]).toEqual([
        404,
        'Unknown resource "nothing"',
        '未知资源 "nothing"',
      ]);
    });
  });

  describe('approval decisions', () => {
    /** An opportunity whose move initiation → proposal waits for the sales manager's approval. */
    async function held(name: string) {
      const record = await create('opportunities', { name, customer_id: customerId });
      const initiation = await put(record, 'opportunities', { ...DEVELOPMENT_GATE, stage: 'initiation' });
      const answer = await server.request('PUT', `/opportunities/${record.id}`, {
        as: 'repA',
        body: { ...initiation, ...INITIATION_GATE, stage: 'proposal' },
      });
      expect(answer.status).toBe(202);
      const [approval] = await database.db('sales_approvals').where({ record_id: record.id, status: 'pending' });
      return { record, approval: approval as Record<string, any> };
    }

    it('a decision that is neither approved nor rejected, a comment that is no text', async () => {
      const { approval } = await held('Undecided');
      const status = await inBoth('PUT', `/approvals/${approval.id}`, { as: 'managerNorth', body: { status: 'maybe' } });
      expect(status.en.status).toBe(400);
      expect(status.en.json).toEqual({
        message: 'Status must be "approved" or "rejected"',
        errors: { status: 'must be approved or rejected' },
      });
      expect(status.zh.json).toEqual({
        message: '「状态」必须是 "approved"（批准）或 "rejected"（驳回）',
        errors: { status: '必须是批准或驳回' },
      });

      const comment = await inBoth('PUT', `/approvals/${approval.id}`, { as: 'managerNorth', body: { status: 'approved', comment: 42 } });
      expect(comment.en.status).toBe(400);
      expect(comment.en.json).toEqual({ message: 'Comment must be a text', errors: { comment: 'must be a text' } });
      expect(comment.zh.json).toEqual({ message: '「审批意见」必须是文本', errors: { comment: '必须是文本' } });
    });

    it('an approval already decided', async () => {
      const { approval } = await held('Decided once');
      const rejected = await server.request('PUT', `/approvals/${approval.id}`, {
        as: 'managerNorth',
        body: { status: 'rejected', comment: 'Not now' },
      });
      expect(rejected.status).toBe(200);
      const { en, zh } = await inBoth('PUT', `/approvals/${approval.id}`, { as: 'managerNorth', body: { status: 'approved' } });
      expect(en.status).toBe(409);
      expect(en.json).toEqual({ message: `Approval ${approval.id} is already rejected`, errors: { status: 'already rejected' } });
      expect(zh.json).toEqual({ message: `审批 ${approval.id} 已驳回，不能再审批`, errors: { status: '已驳回' } });
    });

    it('the role an approval needs, by its label; a record the approver may not read', async () => {
      const { approval } = await held('Not my call');
      const role = await inBoth('PUT', `/approvals/${approval.id}`, { as: 'repA', body: { status: 'approved' } });
      expect(role.en.status).toBe(403);
      expect(role.en.json).toEqual({ message: `Approval ${approval.id} needs the role Sales manager` });
      expect(role.zh.json).toEqual({ message: `审批 ${approval.id} 须由销售经理审批` });

      const hidden = await inBoth('PUT', `/approvals/${approval.id}`, { as: 'managerSouth', body: { status: 'approved' } });
      expect(hidden.en.status).toBe(403);
      expect(hidden.en.json).toEqual({ message: `Approval ${approval.id} is about a record you may not read` });
      expect(hidden.zh.json).toEqual({ message: `审批 ${approval.id} 涉及你无权查看的记录` });
    });

    it('the approved move can no longer be made', async () => {
      const moved = await held('Moved meanwhile');
      await database.db('opportunities').where('id', moved.record.id).update({ stage: 'development' });
      const stage = await inBoth('PUT', `/approvals/${moved.approval.id}`, { as: 'managerNorth', body: { status: 'approved' } });
      expect(stage.en.status).toBe(409);
      expect(stage.en.json).toEqual({
        message: `Opportunity ${moved.record.id} is no longer in Project initiation`,
        errors: { stage: 'stage changed' },
      });
      expect(stage.zh.json).toEqual({ message: `销售机会 ${moved.record.id} 已不在「立项」`, errors: { stage: '阶段已变更' } });

      const gone = await held('Move removed');
      await database.db('sales_approvals').where('id', gone.approval.id).update({ to_stage: 'won' });
      const move = await inBoth('PUT', `/approvals/${gone.approval.id}`, { as: 'managerNorth', body: { status: 'approved' } });
      expect(move.en.status).toBe(409);
      expect(move.en.json).toEqual({ message: 'The move Project initiation → Closed – won no longer exists' });
      expect(move.zh.json).toEqual({ message: '已不能从「立项」推进到「结项（成功）」' });

      const emptied = await held('Gate emptied');
      await database.db('opportunities').where('id', emptied.record.id).update({ project_number: null });
      const gate = await inBoth('PUT', `/approvals/${emptied.approval.id}`, { as: 'managerNorth', body: { status: 'approved' } });
      expect(gate.en.status).toBe(422);
      expect(gate.en.json.message).toBe(`Opportunity ${emptied.record.id} cannot move to Proposal yet`);
      expect(gate.zh.json.message).toBe(`销售机会 ${emptied.record.id} 暂不能推进到「提案」`);
      expect(gate.en.json.errors.project_number).toBe('Fill in “Project number” to leave Project initiation');
      expect(gate.zh.json.errors.project_number).toBe('离开「立项」前：请填写「项目编号」');
    });
  });

  describe('request bodies', () => {
    it('a body that is no JSON object, malformed or too large', async () => {
      const array = await inBoth('POST', '/customers', { rawBody: '[{"name":"In a list"}]' });
      expect(array.en.status).toBe(400);
      expect(array.en.json).toEqual({ message: 'The body must be a JSON object (Content-Type: application/json)' });
      expect(array.zh.json).toEqual({ message: '请求体必须是 JSON 对象（Content-Type: application/json）' });

      const malformed = await inBoth('POST', '/customers', { rawBody: '{"name":' });
      expect(malformed.en.status).toBe(400);
      expect(malformed.en.json).toEqual({ message: 'Malformed JSON body' });
      expect(malformed.zh.json).toEqual({ message: '请求体不是有效的 JSON' });

      const large = await inBoth('POST', '/customers', { body: { name: 'x'.repeat(1_100_000), grade: 'C' } });
      expect(large.en.status).toBe(413);
      expect(large.en.json).toEqual({ message: 'Body too large' });
      expect(large.zh.json).toEqual({ message: '请求体过大' });
    });

    it('a comment on the stage change that is no text', async () => {
      const record = await create('customers', { name: 'Commented', grade: 'C' });
      const { en, zh } = await inBoth('PUT', `/customers/${record.id}`, { body: { ...record, _comment: 42 } });
      expect(en.status).toBe(400);
      expect(en.json).toEqual({ message: 'Comment on the stage change must be a text', errors: { _comment: 'must be a text' } });
      expect(zh.json).toEqual({ message: '「阶段变更说明」必须是文本', errors: { _comment: '必须是文本' } });
    });
  });

  describe('query parameters', () => {
    const q = (params: Record<string, unknown>) =>
      new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();

    it('sort, range, filter and embed of the wrong shape', async () => {
      const cases: [string, string, string][] = [
        [`/customers?sort=${encodeURIComponent('["name"')}`, 'Parameter sort is not valid JSON', '参数 sort 不是有效的 JSON'],
        ['/customers?sort=a&sort=b', 'Parameter sort must be given once', '参数 sort 只能出现一次'],
        [
          `/customers?${q({ sort: { name: 'ASC' } })}`,
          'Parameter sort must be ["field","ASC"|"DESC"]',
          '参数 sort 必须是 ["字段","ASC"|"DESC"]',
        ],
        [`/customers?${q({ sort: ['name', 'UP'] })}`, 'Unknown sort order "UP"', '未知的排序方向 "UP"（应为 ASC 或 DESC）'],
        [`/customers?${q({ sort: ['colour', 'ASC'] })}`, 'Unknown sort field "colour" for customers', '客户不能按 "colour" 排序'],
        [
          `/customers?${q({ range: [5, 1] })}`,
          'Parameter range must be [start, end] with 0 <= start <= end',
          '参数 range 必须是 [起, 止]，且 0 <= 起 <= 止',
        ],
        [`/customers?${q({ range: [0, 5000] })}`, 'A page holds at most 1000 rows', '每页最多 1000 行'],
        [`/customers?${q({ filter: [1] })}`, 'Parameter filter must be a JSON object', '参数 filter 必须是 JSON 对象'],
        [
          `/customers?${q({ embed: { owner: true } })}`,
          'Parameter embed must be a JSON array of names',
          '参数 embed 必须是由名称组成的 JSON 数组',
        ],
        [
          `/customers/${customerId}?${q({ embed: ['nothing'] })}`,
          'Unknown embed "nothing" for customers; known: territory_id, territory, owner_id, owner',
          '客户不能嵌入 "nothing"；可嵌入：territory_id、territory、owner_id、owner',
        ],
      ];
      for (const [path, message, zhMessage] of cases) {
        const { en, zh } = await inBoth('GET', path);
        expect([en.status, en.json.message, zh.json.message], path).toEqual([400, message, zhMessage]);
      }
    });

    it('unknown filters and filter values of the wrong kind', async () => {
      const unknown = await inBoth('GET', `/customers?${q({ filter: { colour: 'red', nope_gte: 2 } })}`);
      expect(unknown.en.status).toBe(400);
      expect(unknown.en.json).toEqual({
        message: 'Unknown filter "colour", "nope_gte" for customers',
        errors: { colour: 'unknown filter', nope_gte: 'unknown filter' },
      });
      expect(unknown.zh.json).toEqual({
        message: '客户没有筛选条件 "colour"、"nope_gte"',
        errors: { colour: '未知的筛选条件', nope_gte: '未知的筛选条件' },
      });

      const date = await inBoth('GET', `/opportunities?${q({ filter: { expected_sign_date_gte: 'tomorrow' } })}`);
      expect(date.en.status).toBe(400);
      expect(date.en.json).toEqual({
        message: 'Filter "expected_sign_date_gte" must be a date YYYY-MM-DD',
        errors: { expected_sign_date_gte: 'must be a date YYYY-MM-DD' },
      });
      expect(date.zh.json).toEqual({
        message: '筛选条件 "expected_sign_date_gte" 必须是日期（YYYY-MM-DD）',
        errors: { expected_sign_date_gte: '必须是日期（YYYY-MM-DD）' },
      });

      const number = await inBoth('GET', `/customers?${q({ filter: { credit_limit_gte: 'lots' } })}`);
      expect(number.en.json.errors).toEqual({ credit_limit_gte: 'must be a number' });
      expect(number.zh.json.errors).toEqual({ credit_limit_gte: '必须是数字' });

      const lines = await inBoth('GET', `/sales_plans?${q({ filter: { product_targets: 1 } })}`);
      expect(lines.en.json).toEqual({
        message: 'Field "Product targets" cannot be filtered',
        errors: { product_targets: 'cannot be filtered' },
      });
      expect(lines.zh.json).toEqual({ message: '字段「产品销售目标」不能用于筛选', errors: { product_targets: '不能用于筛选' } });

      const notText = await inBoth('GET', `/customers?${q({ filter: { credit_limit_q: '1' } })}`);
      expect(notText.en.json).toEqual({
        message: 'Filter "credit_limit_q": Credit limit is not text',
        errors: { credit_limit_q: 'not a text field' },
      });
      expect(notText.zh.json).toEqual({
        message: '筛选条件 "credit_limit_q"：「信用额度」不是文本字段',
        errors: { credit_limit_q: '不是文本字段' },
      });

      const search = await inBoth('GET', `/customers?${q({ filter: { q: true } })}`);
      expect(search.en.json).toEqual({ message: 'Filter q must be a string', errors: { q: 'must be a string' } });
      expect(search.zh.json).toEqual({ message: '搜索条件 q 必须是字符串', errors: { q: '必须是字符串' } });

      // Every resource of the default domain has search fields: a customers resource without any.
      const unsearchable = { ...describeResources(defaultDomain().model).get('customers')!, searchFields: [] };
      const refusal = (locale: string) => {
        try {
          parseFilters({ q: 'acme' }, unsearchable, locale);
        } catch (error) {
          return error as HttpError;
        }
        throw new Error('not refused');
      };
      expect([refusal('en').status, refusal('en').body]).toEqual([
        400,
        { message: 'customers has no searchable fields', errors: { q: 'not searchable' } },
      ]);
      expect(refusal('zh-CN').body).toEqual({ message: '客户没有可搜索的字段', errors: { q: '不可搜索' } });
    });

    it('parameters of reports', async () => {
      const asOf = await inBoth('GET', '/reports/overdue-collections?as_of=tomorrow');
      expect(asOf.en.status).toBe(400);
      expect(asOf.en.json).toEqual({ message: '"as_of" must be a date YYYY-MM-DD', errors: { as_of: 'must be a date YYYY-MM-DD' } });
      expect(asOf.zh.json).toEqual({ message: '参数 "as_of" 必须是日期（YYYY-MM-DD）', errors: { as_of: '必须是日期（YYYY-MM-DD）' } });

      const filter = await inBoth('GET', `/reports/complaints-by-category?${q({ filter: [1] })}`);
      expect(filter.en.json).toEqual({ message: '"filter" must be a JSON object', errors: { filter: 'must be a JSON object' } });
      expect(filter.zh.json).toEqual({ message: '参数 "filter" 必须是 JSON 对象', errors: { filter: '必须是 JSON 对象' } });

      const noWorkflow = await inBoth('GET', '/reports/stage-totals?resource=products');
      expect(noWorkflow.en.json).toEqual({ message: 'products has no workflow', errors: { resource: 'has no workflow' } });
      expect(noWorkflow.zh.json).toEqual({ message: '货品没有工作流', errors: { resource: '没有工作流' } });

      const noResource = await inBoth('GET', '/reports/stage-totals?resource=nothing');
      expect(noResource.en.status).toBe(404);
      expect(noResource.en.json.message).toBe('Report stage-totals needs the resource "nothing", which this model does not have');
      expect(noResource.zh.json.message).toBe('报表 stage-totals 需要资源 "nothing"，当前模型没有');
    });
  });

  describe('405, unknown reports and 401', () => {
    it('methods the approvals and the history do not take', async () => {
      const post = await inBoth('POST', '/approvals', { body: { status: 'approved' } });
      expect(post.en.status).toBe(405);
      expect(post.en.json).toEqual({ message: 'POST is not available on approvals' });
      expect(post.zh.json).toEqual({ message: '审批不支持 POST 请求' });

      const remove = await inBoth('DELETE', '/history/1');
      expect(remove.en.status).toBe(405);
      expect(remove.en.json).toEqual({ message: 'DELETE is not available on history' });
      expect(remove.zh.json).toEqual({ message: '历史记录不支持 DELETE 请求' });
    });

    it('an unknown report', async () => {
      const { en, zh } = await inBoth('GET', '/reports/nothing');
      expect(en.status).toBe(404);
      const names = Object.keys(REPORTS);
      expect(names.slice(0, 4)).toEqual(['stage-totals', 'quota-attainment', 'overdue-collections', 'complaints-by-category']);
      expect(en.json).toEqual({ message: `Unknown report "nothing"; reports: ${names.join(', ')}` });
      expect(zh.json).toEqual({ message: `未知报表 "nothing"；可用报表：${names.join('、')}` });
    });

    it('no user, or a demo user that is no salesperson', async () => {
      const anonymous = await inBoth('GET', '/customers', { as: null });
      expect(anonymous.en.status).toBe(401);
      expect(anonymous.en.json).toEqual({ message: 'Sign in first' });
      expect(anonymous.zh.json).toEqual({ message: '请先登录' });

      const badHeader = await inBoth('GET', '/customers', { as: null, headers: { 'X-Sales-User': 'boss' } });
      expect(badHeader.en.status).toBe(401);
      expect(badHeader.en.json).toEqual({ message: 'x-sales-user must be a salesperson id' });
      expect(badHeader.zh.json).toEqual({ message: 'x-sales-user 必须是销售人员的编号' });

      const nobody = await inBoth('GET', '/customers', { as: null, headers: { 'X-Sales-User': '99999999' } });
      expect(nobody.en.status).toBe(401);
      expect(nobody.en.json).toEqual({ message: 'No salesperson 99999999' });
      expect(nobody.zh.json).toEqual({ message: '找不到销售人员 99999999' });
    });
  });

  describe('refusals by the database', () => {
    const { model } = defaultDomain();

    async function driverError(run: () => Promise<unknown>): Promise<unknown> {
      try {
        await run();
      } catch (error) {
        return error;
      }
      throw new Error('the database accepted it');
    }

    it('a unique index names the fields holding the duplicate, never the driver text', async () => {
      await database.db('customers').insert({ name: 'Twin Steel', grade: 'C' });
      const error = await driverError(() => database.db('customers').insert({ name: 'Twin Steel', grade: 'B' }));
      expect((error as { code?: string }).code).toBe('23505');
      const en = fromDatabaseError(error, 'en', model)!;
      const zh = fromDatabaseError(error, 'zh-CN', model)!;
      expect([en.status, zh.status]).toEqual([409, 409]);
      expect(en.body).toEqual({ message: 'Name already used by another Customer record', errors: { name: 'already used' } });
      expect(zh.body).toEqual({ message: '客户名称已被另一条客户记录使用', errors: { name: '已被使用' } });
      expect(
        fromDatabaseError({ code: '23505', message: 'duplicate key value violates unique constraint "elsewhere_key"' }, 'zh-CN', model)!
          .body,
      ).toEqual({
        message: '某个值已被另一条记录使用',
      });
    });

    it("other data errors in the request's language", async () => {
      const invalid = await driverError(() => database.db.raw(`select 'many'::integer`));
      const en = fromDatabaseError(invalid, 'en', model)!;
      const zh = fromDatabaseError(invalid, 'zh-CN', model)!;
      expect([en.status, zh.status]).toEqual([400, 400]);
      expect(en.message).toBe(`Invalid value: ${(invalid as Error).message}`);
      expect(zh.message).toBe(`无效的值：${(invalid as Error).message}`);

      const notNull = await driverError(() => database.db('customers').insert({ name: 'No version', grade: 'C', version: null }));
      expect(fromDatabaseError(notNull, 'en', model)!.message).toBe(`Constraint violated: ${(notNull as Error).message}`);
      expect(fromDatabaseError(notNull, 'zh-CN', model)!.message).toBe(`违反数据约束：${(notNull as Error).message}`);

      expect(fromDatabaseError({ code: '40001' }, 'en', model)!.body).toEqual({ message: 'Concurrent update; try again' });
      expect(fromDatabaseError({ code: '40P01' }, 'zh-CN', model)!.body).toEqual({ message: '数据正被他人同时修改，请重试' });
    });
  });

  it("without Accept-Language the model's first locale answers", async () => {
    const answer = await server.request('GET', '/customers/99999999', { headers: { 'Accept-Language': '' } });
    expect(answer.json.message).toBe('找不到客户记录 99999999');
  });
});

describe('rules in business words (ruleWords.ts), every keyword in both languages', () => {
  const field = (name: string, en: string, zh: string, more: Partial<FieldModel> = {}): FieldModel =>
    ({
      name,
      label: { en, 'zh-CN': zh },
      kind: 'string',
      required: false,
      schema: {},
      list: false,
      filter: false,
      sortable: false,
      search: false,
      readOnly: false,
      ...more,
    }) as FieldModel;
  const owner = {
    fields: [
      field('criteria_influenced', 'Evaluation criteria influenced', '已影响评标标准', { kind: 'boolean', schema: { type: 'boolean' } }),
      field('fully_received', 'Fully received', '已收齐', { kind: 'boolean', schema: { type: 'boolean' } }),
      field('bid_price', 'Bid price', '投标价格', { kind: 'money' }),
      field('credit_assessment', 'Credit assessment', '信用评估结果', {
        kind: 'enum',
        options: [
          { value: 'pending', label: { en: 'Pending', 'zh-CN': '待评估' } },
          { value: 'approved', label: { en: 'Approved', 'zh-CN': '通过' } },
          { value: 'rejected', label: { en: 'Rejected', 'zh-CN': '不通过' } },
        ],
      }),
      field('close_reason', 'Closing reason', '结项原因'),
      field('contract_number', 'Contract number', '合同编号'),
      field('sign_date', 'Sign date', '签订日期', { kind: 'date' }),
      field('email', 'Email', '电子邮箱', { kind: 'email' }),
      field('lines', 'Lines', '明细', { kind: 'lines', itemFields: [field('quantity', 'Quantity', '数量', { kind: 'number' })] }),
    ],
  };
  const ajv = createAjv({ strict: false });

  /** The words of the first error `data` gets against `schema`, in English and in Chinese. */
  function words(schema: JsonSchema, data: Record<string, unknown>, condition?: JsonSchema): [string, string] {
    const validate = ajv.compile({ type: 'object', ...schema });
    expect(validate(data)).toBe(false);
    const error = validate.errors![0] as ValidationError;
    return [ruleWords(error, owner, 'en', ruleMessage, condition), ruleWords(error, owner, 'zh-CN', ruleMessage, condition)];
  }

  it('const: a box to tick, a box to untick, a value by its label', () => {
    const tick = { properties: { criteria_influenced: { const: true } } };
    expect(words(tick, { criteria_influenced: false })).toEqual(['Tick “Evaluation criteria influenced”', '请勾选「已影响评标标准」']);
    expect(words({ properties: { fully_received: { const: false } } }, { fully_received: true })).toEqual([
      'Untick “Fully received”',
      '请取消勾选「已收齐」',
    ]);
    expect(words({ properties: { credit_assessment: { const: 'approved' } } }, { credit_assessment: 'pending' })).toEqual([
      'Credit assessment must be “Approved”',
      '「信用评估结果」必须为「通过」',
    ]);
    expect(words({ properties: { bid_price: { const: 5 } } }, { bid_price: 4 })).toEqual([
      'Bid price must be “5”',
      '「投标价格」必须为「5」',
    ]);
  });

  it('required: fill in, or tick when the condition wants the box ticked', () => {
    expect(words({ required: ['close_reason'] }, {})).toEqual(['Fill in “Closing reason”', '请填写「结项原因」']);
    const gate = { required: ['criteria_influenced'], properties: { criteria_influenced: { const: true } } };
    expect(words(gate, {}, gate)).toEqual(['Tick “Evaluation criteria influenced”', '请勾选「已影响评标标准」']);
    expect(words({ required: ['unknown_thing'] }, {})).toEqual(['Fill in “unknown_thing”', '请填写「unknown_thing」']);
  });

  it('minimum, maximum and their exclusive forms, numbers written for the locale', () => {
    expect(words({ properties: { bid_price: { exclusiveMinimum: 0 } } }, { bid_price: 0 })).toEqual([
      'Bid price must be greater than 0',
      '「投标价格」必须大于 0',
    ]);
    expect(words({ properties: { bid_price: { minimum: 1000.5 } } }, { bid_price: 1 })).toEqual([
      'Bid price must be at least 1,000.5',
      '「投标价格」不能小于 1,000.5',
    ]);
    expect(words({ properties: { bid_price: { maximum: 999999999 } } }, { bid_price: 1e10 })).toEqual([
      'Bid price must be at most 999,999,999',
      '「投标价格」不能大于 999,999,999',
    ]);
    expect(words({ properties: { bid_price: { exclusiveMaximum: 100 } } }, { bid_price: 100 })).toEqual([
      'Bid price must be less than 100',
      '「投标价格」必须小于 100',
    ]);
  });

  it('minLength and maxLength in characters; a minimum of one character is "fill in"', () => {
    expect(words({ properties: { close_reason: { minLength: 5 } } }, { close_reason: 'no' })).toEqual([
      'Closing reason needs at least 5 characters',
      '「结项原因」至少 5 个字',
    ]);
    expect(words({ properties: { close_reason: { minLength: 1 } } }, { close_reason: '' })).toEqual([
      'Fill in “Closing reason”',
      '请填写「结项原因」',
    ]);
    expect(words({ properties: { close_reason: { maxLength: 3 } } }, { close_reason: 'long' })).toEqual([
      'Closing reason takes at most 3 characters',
      '「结项原因」最多 3 个字',
    ]);
  });

  it('enum: the allowed values by their labels', () => {
    expect(
      words({ properties: { credit_assessment: { enum: ['pending', 'approved', 'rejected'] } } }, { credit_assessment: 'maybe' }),
    ).toEqual([
      'Credit assessment must be “Pending”, “Approved” or “Rejected”',
      '「信用评估结果」必须是「待评估」、「通过」或「不通过」之一',
    ]);
    expect(words({ properties: { credit_assessment: { enum: ['approved'] } } }, { credit_assessment: 'maybe' })).toEqual([
      'Credit assessment must be “Approved”',
      '「信用评估结果」必须为「通过」',
    ]);
  });

  it('minItems and maxItems on lines; a rule inside a line names the line and the column', () => {
    expect(words({ properties: { lines: { type: 'array', minItems: 1 } } }, { lines: [] })).toEqual([
      'Add at least 1 line to “Lines”',
      '「明细」至少 1 行',
    ]);
    expect(words({ properties: { lines: { type: 'array', minItems: 2 } } }, { lines: [{}] })).toEqual([
      'Add at least 2 lines to “Lines”',
      '「明细」至少 2 行',
    ]);
    expect(words({ properties: { lines: { type: 'array', maxItems: 1 } } }, { lines: [{}, {}] })).toEqual([
      'Lines takes at most 1 line',
      '「明细」最多 1 行',
    ]);
    const lines = {
      properties: {
        lines: { type: 'array', items: { type: 'object', properties: { quantity: { exclusiveMinimum: 0 } }, required: ['quantity'] } },
      },
    };
    expect(words(lines, { lines: [{ quantity: 1 }, { quantity: 0 }] })).toEqual([
      'Lines, line 2: Quantity must be greater than 0',
      '「明细」第 2 行：「数量」必须大于 0',
    ]);
    expect(words(lines, { lines: [{}] })).toEqual(['Lines, line 1: Fill in “Quantity”', '「明细」第 1 行：请填写「数量」']);
  });

  it('pattern and format: "not in the right format", with an example where the format is known', () => {
    expect(words({ properties: { contract_number: { pattern: '^[A-Z0-9-]{3,30}$' } } }, { contract_number: 'a' })).toEqual([
      'Contract number is not in the right format',
      '「合同编号」格式不正确',
    ]);
    expect(words({ properties: { sign_date: { format: 'date' } } }, { sign_date: '31/12/2026' })).toEqual([
      'Sign date is not in the right format (e.g. 2026-12-31)',
      '「签订日期」格式不正确（例如 2026-12-31）',
    ]);
    expect(words({ properties: { email: { format: 'email' } } }, { email: 'nobody' })).toEqual([
      'Email is not in the right format (e.g. name@example.com)',
      '「电子邮箱」格式不正确（例如 name@example.com）',
    ]);
  });

  it("type, and keywords with no business words of their own (ajv's words after the label)", () => {
    expect(words({ properties: { bid_price: { type: ['number', 'null'] } } }, { bid_price: 'lots' })).toEqual([
      'Bid price must be a number',
      '「投标价格」必须是数字',
    ]);
    const [en, zh] = words({ properties: { bid_price: { multipleOf: 2 } } }, { bid_price: 3 });
    expect(en).toBe('Bid price: must be multiple of 2');
    expect(zh).toMatch(/^「投标价格」：.*2/);
  });

  it('gates and entry conditions of the default model: "to leave" / "to enter" the stage, in business words', () => {
    const { model, validators } = defaultDomain();
    const moveWords = (resource: string, record: Record<string, unknown>, from: string, to: string, name: string) =>
      ['en', 'zh-CN'].map(
        (locale) =>
          checkMove(model.entities[resource], validators[resource], record, from, to, locale).missing.find((m) => m.field === name)
            ?.message,
      );
    expect(moveWords('opportunities', { contract_signed: false }, 'negotiation', 'implementation', 'contract_signed')).toEqual([
      'Tick “Contract approved and signed” to leave Negotiation',
      '离开「商务谈判」前：请勾选「合同已审批并签订」',
    ]);
    expect(moveWords('opportunities', {}, 'negotiation', 'implementation', 'contract_signed')).toEqual([
      'Tick “Contract approved and signed” to leave Negotiation',
      '离开「商务谈判」前：请勾选「合同已审批并签订」',
    ]);
    expect(moveWords('opportunities', { bid_price: 0 }, 'bidding', 'negotiation', 'bid_price')).toEqual([
      'Bid price must be greater than 0 to leave Bidding',
      '离开「招投标」前：「投标价格」必须大于 0',
    ]);
    expect(moveWords('contracts', { lines: [] }, 'draft', 'legal_review', 'lines')).toEqual([
      'Add at least 1 line to “Products and prices” to leave Draft',
      '离开「起草」前：「产品规格及价格」至少 1 行',
    ]);
    expect(moveWords('credit_sales', { credit_assessment: 'pending' }, 'credit_review', 'approved', 'credit_assessment')).toEqual([
      'Credit assessment must be “Approved” to leave Credit review',
      '离开「信用审核」前：「信用评估结果」必须为「通过」',
    ]);
    expect(moveWords('collections', {}, 'pending', 'received', 'received_date')).toEqual([
      'Fill in “Received on” to enter Received',
      '进入「已到账」前：请填写「到账日期」',
    ]);
  });
});
