/** `GET /search`: matches across entities, ranked, limited, within the read scope, refusals in the user's language. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearch, SEARCH_MAX_LIMIT, snippetOf } from '../../src/router/search.js';
import { forEachDatabase } from '../support/databases.js';
import { startTestServer, type TestServer, type UserName, createAs } from './support/server.js';

interface Hit {
  resource: string;
  id: number;
  title: string;
  match: { field: string; snippet: string };
}

forEachDatabase('router search', (database) => {
  let server: TestServer;
  const made: Record<string, Record<string, any>> = {};

  const create = (as: UserName, resource: string, body: Record<string, unknown>) => createAs(server, as, resource, body);
  const search = async (as: UserName, q: string, extra = '') => {
    const answer = await server.request('GET', `/search?q=${encodeURIComponent(q)}${extra}`, { as });
    expect(answer.status, answer.text).toBe(200);
    return answer.json as Hit[];
  };
  const keys = (hits: Hit[]) => hits.map((hit) => `${hit.resource}/${hit.id}`);

  beforeAll(async () => {
    server = await startTestServer(database.db);
    made.group = await create('repA', 'customers', { name: '华东钢铁集团有限公司', grade: 'A' });
    made.trading = await create('repA', 'customers', { name: '上海华东钢铁贸易公司', grade: 'B' });
    made.exact = await create('repA', 'customers', { name: '华东钢铁', grade: 'A', industry: '钢铁冶炼' });
    made.south = await create('repB', 'customers', { name: '华南钢铁股份公司', grade: 'B' });
    made.furnace = await create('repA', 'opportunities', {
      name: 'Blast furnace upgrade 高炉改造',
      customer_id: made.group.id,
      need: `${'前期沟通记录。'.repeat(12)}客户要求更换特种耐火材料，${'后续跟进安排。'.repeat(12)}`,
    });
    for (let i = 1; i <= 7; i++) await create('repA', 'customers', { name: `样本客户${i}号`, grade: 'C' });
  });
  afterAll(() => server?.close());

  it('finds a customer by part of its Chinese name, titled by its representation', async () => {
    const hits = await search('admin', '钢铁集团');
    expect(hits).toEqual([
      {
        resource: 'customers',
        id: made.group.id,
        title: '华东钢铁集团有限公司',
        match: { field: 'name', snippet: '华东钢铁集团有限公司' },
      },
    ]);
  });

  it('finds an opportunity by its name, case-insensitively', async () => {
    const hits = await search('admin', 'FURNACE upgrade');
    expect(hits).toEqual([
      {
        resource: 'opportunities',
        id: made.furnace.id,
        title: 'Blast furnace upgrade 高炉改造',
        match: { field: 'name', snippet: 'Blast furnace upgrade 高炉改造' },
      },
    ]);
  });

  it('names the field that matched and the text around the match', async () => {
    const [hit] = await search('admin', '特种耐火材料');
    expect(hit).toMatchObject({
      resource: 'opportunities',
      id: made.furnace.id,
      title: 'Blast furnace upgrade 高炉改造',
      match: { field: 'need' },
    });
    expect(hit.match.snippet).toContain('特种耐火材料');
    expect(hit.match.snippet.startsWith('…') && hit.match.snippet.endsWith('…')).toBe(true);
    expect([...hit.match.snippet].length).toBeLessThanOrEqual(82);
    // Name and industry both hold the text: the title's own field is the one shown.
    const exact = (await search('admin', '钢铁')).find((found) => found.id === made.exact.id);
    expect(exact?.match).toEqual({ field: 'name', snippet: '华东钢铁' });
  });

  it('ranks the exact match first, then names starting with the text, then names containing it', async () => {
    const hits = await search('admin', '华东钢铁');
    expect(keys(hits)).toEqual([`customers/${made.exact.id}`, `customers/${made.group.id}`, `customers/${made.trading.id}`]);
    const opportunity = await search('admin', '高炉');
    expect(keys(opportunity)).toEqual([`opportunities/${made.furnace.id}`]);
  });

  it('keeps each resource to 5 matches and the whole answer to limit, at most 50', async () => {
    expect((await search('admin', '样本客户')).length).toBe(5);
    expect((await search('admin', '样本客户', '&limit=3')).map((hit) => hit.title)).toEqual(['样本客户7号', '样本客户6号', '样本客户5号']);
    expect((await search('admin', '钢铁', '&limit=2')).length).toBe(2);
    expect((await search('admin', '钢铁', '&limit=100000')).length).toBe(4);
    for (const limit of ['0', '-1', 'ten', '1.5']) {
      const answer = await server.request('GET', `/search?q=${encodeURIComponent('钢铁')}&limit=${limit}`);
      expect(answer.status, limit).toBe(400);
      expect(answer.json.errors).toHaveProperty('limit');
    }
  });

  it("never returns a record the user may not read: a rep searching another rep's customer gets nothing", async () => {
    expect(await search('repB', '华东钢铁')).toEqual([]);
    expect(await search('repB', '高炉')).toEqual([]);
    expect(await search('repA', '华南钢铁')).toEqual([]);
    expect(keys(await search('repB', '钢铁'))).toEqual([`customers/${made.south.id}`]);
    expect(await search('managerSouth', '钢铁')).toEqual([]);
    expect((await search('managerNorth', '钢铁')).length).toBe(4);
  });

  it('answers each user what their list with the same q holds', async () => {
    for (const user of ['repA', 'repB', 'managerNorth', 'managerSouth', 'presales', 'finance'] as UserName[]) {
      for (const resource of ['customers', 'opportunities']) {
        const { data } = await server.as(user).getList(resource, {
          pagination: { page: 1, perPage: 100 },
          sort: { field: 'id', order: 'ASC' },
          filter: { q: '钢铁' },
        });
        const listed = data.map((row) => row.id).sort();
        const found = (await search(user, '钢铁')).filter((hit) => hit.resource === resource).map((hit) => hit.id);
        expect(found.sort(), `${user} ${resource}`).toEqual(listed);
      }
    }
  });

  it('takes the text literally: LIKE wildcards and quotes find nothing they do not contain', async () => {
    expect(await search('admin', '%%')).toEqual([]);
    expect(await search('admin', '__')).toEqual([]);
    expect(await search('admin', "钢'; DROP TABLE customers; --")).toEqual([]);
    expect((await search('admin', '华东钢铁')).length).toBe(3);
  });

  it('refuses a missing, too short or repeated q with 400 in the user’s language', async () => {
    const missing = await server.request('GET', '/search');
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({
      message: 'Type at least 2 letters or 1 Chinese character to search',
      errors: { q: 'Type at least 2 letters or 1 Chinese character to search' },
    });
    const short = await server.request('GET', '/search?q=%20a%20', { headers: { 'Accept-Language': 'zh-CN' } });
    expect(short.status).toBe(400);
    expect(short.json.message).toBe('请至少输入 1 个汉字或 2 个字母再搜索');
    expect((await server.request('GET', '/search?q=ab&q=cd')).status).toBe(400);
    expect((await server.request('GET', `/search?q=${'x'.repeat(101)}`)).status).toBe(400);
    expect((await server.request('GET', `/search?q=${encodeURIComponent('钢')}`)).status).toBe(200);
    expect((await server.request('GET', '/search?q=ab')).status).toBe(200);
  });

  it('answers 401 without a user', async () => {
    expect((await server.request('GET', '/search?q=ab', { as: null })).status).toBe(401);
  });
});

describe('parseSearch', () => {
  it('caps limit and defaults it', () => {
    expect(parseSearch({ q: ' 华东  钢铁 ', limit: '100000' }, 'en')).toEqual({ text: '华东 钢铁', limit: SEARCH_MAX_LIMIT });
    expect(parseSearch({ q: 'ab' }, 'en').limit).toBe(20);
  });
});

describe('snippetOf', () => {
  it('keeps a short text whole and cuts a long one around the match', () => {
    expect(snippetOf('华东钢铁', '钢铁')).toBe('华东钢铁');
    const long = `${'a'.repeat(100)} needle ${'b'.repeat(100)}`;
    const snippet = snippetOf(long, 'NEEDLE');
    expect(snippet).toContain('needle');
    expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true);
    expect(snippetOf(`needle ${'b'.repeat(100)}`, 'needle').startsWith('needle')).toBe(true);
    expect(snippetOf(`${'a'.repeat(100)} end`, 'end').endsWith('end')).toBe(true);
  });
});
