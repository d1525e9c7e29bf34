/** The HTTP dialect: list parameters, filters, headers, CORS, errors, counting, embed, openapi. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase, withStatements } from '../support/databases.js';
import { startTestServer, tableFingerprint, type TestServer, type UserName } from './support/server.js';

const query = (params: Record<string, unknown>) =>
  `?${Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join('&')}`;

forEachDatabase('router protocol', (database) => {
  let server: TestServer;
  const customers: Record<string, any>[] = [];

  beforeAll(async () => {
    server = await startTestServer(database.db, {
      openapi: { openapi: '3.1.0', info: { title: 'test', version: '1' } },
      exactCountLimit: 8,
    });
    const rows = [
      { name: 'Acme Steel', grade: 'A', industry: 'Steel', credit_limit: 100000 },
      { name: 'Beta Foods', grade: 'B', industry: 'Food', credit_limit: 5000 },
      { name: 'Gamma 50%_Off', grade: 'C', industry: null, credit_limit: 20000 },
      { name: '华东钢铁集团', grade: 'A', industry: '钢铁', credit_limit: 300000 },
      { name: 'Delta Steelworks', grade: 'D', industry: 'Steel', credit_limit: null },
    ];
    for (const body of rows) {
      const answer = await server.request('POST', '/customers', { body });
      expect(answer.status, answer.text).toBe(201);
      customers.push(answer.json);
    }
  });
  afterAll(() => server?.close());

  async function names(filter: Record<string, unknown>, sort: [string, string] = ['id', 'ASC']) {
    const answer = await server.request('GET', `/customers${query({ filter, sort, range: [0, 49] })}`);
    expect(answer.status, answer.text).toBe(200);
    return answer.json.map((r: any) => r.name);
  }

  it('sends Content-Range and X-Total-Count, and pages with range', async () => {
    const answer = await server.request('GET', `/customers${query({ sort: ['name', 'ASC'], range: [1, 2], filter: {} })}`);
    expect(answer.headers.get('content-range')).toBe('customers 1-2/5');
    expect(answer.headers.get('x-total-count')).toBe('5');
    expect(answer.json.map((r: any) => r.name)).toEqual(['Beta Foods', 'Delta Steelworks']);
    const beyond = await server.request('GET', `/customers${query({ range: [10, 19] })}`);
    expect(beyond.headers.get('content-range')).toBe('customers */5');
  });

  it('filters: equality, IN, comparisons, contains, null, q', async () => {
    expect(await names({ grade: 'A' })).toEqual(['Acme Steel', '华东钢铁集团']);
    expect(await names({ grade: ['B', 'D'] })).toEqual(['Beta Foods', 'Delta Steelworks']);
    expect(await names({ credit_limit_gte: 20000 })).toEqual(['Acme Steel', 'Gamma 50%_Off', '华东钢铁集团']);
    expect(await names({ credit_limit_gt: 20000, credit_limit_lt: 300000 })).toEqual(['Acme Steel']);
    expect(await names({ credit_limit_lte: '5000' })).toEqual(['Beta Foods']);
    expect(await names({ grade_neq: 'A' })).toEqual(['Beta Foods', 'Gamma 50%_Off', 'Delta Steelworks']);
    expect(await names({ industry: null })).toEqual(['Gamma 50%_Off']);
    expect(await names({ industry_neq: 'Steel' })).toEqual(['Beta Foods', 'Gamma 50%_Off', '华东钢铁集团']);
    expect(await names({ name_q: 'steel' })).toEqual(['Acme Steel', 'Delta Steelworks']);
    expect(await names({ name_q: '%_' })).toEqual(['Gamma 50%_Off']);
    expect(await names({ q: 'steel' })).toEqual(['Acme Steel', 'Delta Steelworks']);
    expect(await names({ q: 'steel acme' })).toEqual(['Acme Steel']);
    expect(await names({ q: '钢铁' })).toEqual(['华东钢铁集团']);
    expect(await names({ id: [customers[0].id, String(customers[1].id)] })).toEqual(['Acme Steel', 'Beta Foods']);
    expect(await names({ id: [] })).toEqual([]);
    expect(await names({ owner_id: server.users.admin, status: 'potential' })).toHaveLength(5);
  });

  it('sorts by any column, with id as tie-breaker', async () => {
    expect(await names({}, ['credit_limit', 'DESC'])).toEqual([
      '华东钢铁集团',
      'Acme Steel',
      'Gamma 50%_Off',
      'Beta Foods',
      'Delta Steelworks',
    ]);
    expect(await names({}, ['grade', 'ASC'])).toEqual(['Acme Steel', '华东钢铁集团', 'Beta Foods', 'Gamma 50%_Off', 'Delta Steelworks']);
  });

  it('refuses unknown names and malformed parameters with 400 naming them', async () => {
    const unknownFilter = await server.request('GET', `/customers${query({ filter: { nope: 1, 'name; drop table customers': 2 } })}`);
    expect(unknownFilter.status).toBe(400);
    expect(Object.keys(unknownFilter.json.errors)).toEqual(['nope', 'name; drop table customers']);
    const unknownSort = await server.request('GET', `/customers${query({ sort: ['"name"', 'ASC'] })}`);
    expect([unknownSort.status, unknownSort.json.message]).toEqual([400, 'Unknown sort field "\\"name\\"" for customers']);
    const badOrder = await server.request('GET', `/customers${query({ sort: ['name', 'SIDEWAYS'] })}`);
    expect(badOrder.status).toBe(400);
    const unknownEmbed = await server.request('GET', `/customers${query({ embed: ['owner', 'ghost'] })}`);
    expect([unknownEmbed.status, unknownEmbed.json.message]).toEqual([400, expect.stringContaining('"ghost"')]);
    for (const bad of ['filter=%7Bnot json', 'range=[5,1]', 'range=[0,5000]', 'sort=42', 'filter=[1]']) {
      expect((await server.request('GET', `/customers?${bad}`)).status, bad).toBe(400);
    }
    for (const filter of [
      { credit_limit: 'lots' },
      { created_at_gte: 'yesterday' },
      { id: 'abc' },
      { grade_gte: { a: 1 } },
      { credit_limit_q: '1' },
    ]) {
      const answer = await server.request('GET', `/customers${query({ filter })}`);
      expect(answer.status, JSON.stringify(filter)).toBe(400);
    }
    expect((await server.request('GET', '/ghosts')).status).toBe(404);
    expect((await server.request('GET', '/customers/abc')).status).toBe(404);
    expect((await server.request('GET', '/customers/99999999')).status).toBe(404);
  });

  it('counts exactly below the limit and estimates above it', async () => {
    for (let i = 0; i < 6; i++)
      expect((await server.request('POST', '/customers', { body: { name: `Bulk ${i}`, grade: 'D' } })).status).toBe(201);
    const page = await server.request('GET', `/customers${query({ range: [0, 1] })}`);
    expect(page.headers.get('x-total-count-exact')).toBe('false');
    expect(Number(page.headers.get('x-total-count'))).toBeGreaterThanOrEqual(9);
    const filtered = await server.request('GET', `/customers${query({ range: [0, 1], filter: { grade: 'D' } })}`);
    expect([filtered.headers.get('x-total-count'), filtered.headers.get('x-total-count-exact')]).toEqual(['7', 'true']);
    const pastTheEnd = await server.request('GET', `/customers${query({ range: [20, 24], filter: { grade: 'D' } })}`);
    expect([pastTheEnd.json, pastTheEnd.headers.get('x-total-count'), pastTheEnd.headers.get('x-total-count-exact')]).toEqual([
      [],
      '7',
      'true',
    ]);
  });

  it('pages by keyset (after the last row seen) exactly as by offset, nulls included, both ways', async () => {
    for (const sort of [
      ['credit_limit', 'ASC'],
      ['credit_limit', 'DESC'],
      ['name', 'ASC'],
      ['created_at', 'DESC'],
    ]) {
      const all = await server.request('GET', `/customers${query({ sort, range: [0, 49] })}`);
      const seen: number[] = [];
      let after: unknown[] | undefined;
      for (let start = 0; start < all.json.length; start += 2) {
        const page = await server.request('GET', `/customers${query({ sort, range: [start, start + 1], ...(after ? { after } : {}) })}`);
        expect(page.status, page.text).toBe(200);
        const byOffset = await server.request('GET', `/customers${query({ sort, range: [start, start + 1] })}`);
        expect(page.headers.get('content-range')).toBe(byOffset.headers.get('content-range'));
        seen.push(...page.json.map((r: any) => r.id));
        const last = page.json.at(-1);
        after = [last[sort[0]!], last.id];
      }
      expect(seen, sort.join(' ')).toEqual(all.json.map((r: any) => r.id));
    }
    for (const after of ['[1]', '{"a":1}', '[{"x":1},3]', '[1,-2]']) {
      const answer = await server.request('GET', `/customers?range=${encodeURIComponent('[0,1]')}&after=${encodeURIComponent(after)}`);
      expect([answer.status, answer.json.message], after).toEqual([400, expect.stringContaining('after')]);
    }
    expect((await server.request('GET', `/customers?after=${encodeURIComponent('[1,2]')}`)).status).toBe(400);
  });

  it('refreshes the statistics behind estimated totals after an import, so that a list counts what was imported', async () => {
    const upload = async (from: number, n: number) => {
      const file = ['Name,Grade,Industry', ...Array.from({ length: n }, (_, i) => `Statistics ${from + i},D,统计行业`)].join('\n');
      const response = await fetch(`${server.url}/customers/import`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv', 'X-Sales-User': String(server.users.admin) },
        body: file,
      });
      expect(response.status, await response.text()).toBe(200);
    };
    const total = async () => {
      const answer = await server.request('GET', `/customers${query({ range: [0, 1], filter: { industry: '统计行业' } })}`);
      return [Number(answer.headers.get('x-total-count')), answer.headers.get('x-total-count-exact')] as const;
    };
    await upload(0, 20);
    const [afterFirst] = await total();
    await upload(20, 400);
    const [afterSecond, exact] = await total();
    expect(exact).toBe('false');
    expect(afterFirst).toBeLessThan(100);
    expect(afterSecond).toBeGreaterThan(210);

    // A few rows more change no estimate: no ANALYZE (autovacuum's rule, 50 rows + 10 % of the table).
    const statements: string[] = [];
    const noting = (q: { sql: string }) => statements.push(q.sql.toLowerCase());
    database.db.on('query', noting);
    try {
      await upload(420, 30);
      expect(statements.filter((sql) => sql.startsWith('analyze'))).toEqual([]);
      await upload(450, 200);
      expect(statements.filter((sql) => sql.startsWith('analyze'))).toHaveLength(1);
    } finally {
      database.db.off('query', noting);
    }
  });

  it('asks the planner for an estimated total once per filter and scope, then keeps it', async () => {
    const explains = async (filters: Record<string, unknown>[], as: UserName = 'admin') =>
      withStatements(database.db, async (statements) => {
        for (const filter of filters) {
          const answer = await server.request('GET', `/customers${query({ range: [0, 1], filter })}`, { as });
          expect([answer.status, answer.headers.get('x-total-count-exact')], JSON.stringify(filter)).toEqual([200, 'false']);
        }
        return statements.filter((sql) => sql.startsWith('explain')).length;
      });
    const steel = { industry: '统计行业', grade: 'D' };
    const named = { industry: '统计行业', q: 'Statistics' };
    expect(await explains([steel, steel, named, steel, named])).toBe(2);
    expect(await explains([steel], 'managerNorth')).toBe(1);
  });

  it('reads a page and its total in one statement', async () => {
    await withStatements(database.db, async (statements) => {
      const answer = await server.request('GET', `/customers${query({ range: [0, 1], filter: { grade: 'A' } })}`);
      expect([answer.json.length, answer.headers.get('x-total-count')]).toEqual([2, '2']);
      expect(Object.keys(answer.json[0]).some((key) => key.startsWith('__'))).toBe(false);
      expect(statements.filter((sql) => /from "customers"/.test(sql))).toHaveLength(1);
    });
  });

  it('embeds references with one query per reference', async () => {
    const answer = await server.request('GET', `/customers${query({ range: [0, 2], embed: ['owner'] })}`);
    expect(answer.json.every((r: any) => r.owner?.id === server.users.admin && r.owner.name === 'admin')).toBe(true);
  });

  it('speaks CORS', async () => {
    const preflight = await server.request('OPTIONS', '/customers', {
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'content-type,x-sales-user',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type,x-sales-user');
    const list = await server.request('GET', '/customers', { headers: { Origin: 'http://localhost:5173' } });
    expect(list.headers.get('access-control-expose-headers')).toContain('Content-Range, X-Total-Count');
  });

  it('serves the OpenAPI document', async () => {
    const answer = await server.request('GET', '/openapi.json', { as: null });
    expect(answer.json).toMatchObject({ openapi: '3.1.0' });
  });

  describe('bodies', () => {
    it('answers validation errors per field, as react-admin shows them', async () => {
      const answer = await server.request('POST', '/customers', {
        body: { name: 'X', grade: 'Z', credit_limit: -5, website: 'not a url' },
      });
      expect(answer.status).toBe(400);
      expect(Object.keys(answer.json.errors).sort()).toEqual(['credit_limit', 'grade', 'name', 'website']);
      const missing = await server.request('POST', '/customers', { body: { grade: 'A' } });
      expect(missing.json.errors).toEqual({ name: 'Fill in “Name”' });
      const extra = await server.request('POST', '/customers', { body: { name: 'Extra', grade: 'A', colour: 'red' } });
      expect(extra.json.errors).toEqual({ colour: 'unknown field' });
    });

    it('fills schema defaults on create and merges partial updates over the stored record', async () => {
      const created = await server.request('POST', '/customers', { body: { name: 'Defaults' } });
      expect(created.json).toMatchObject({ grade: 'C', status: 'potential', version: 1 });
      const partial = await server.request('PUT', `/customers/${created.json.id}`, { body: { industry: 'Retail' } });
      expect(partial.json).toMatchObject({ name: 'Defaults', grade: 'C', industry: 'Retail', version: 2 });
      const cleared = await server.request('PUT', `/customers/${created.json.id}`, { body: { industry: null } });
      expect(cleared.json.industry).toBeNull();
      const required = await server.request('PUT', `/customers/${created.json.id}`, { body: { name: null } });
      expect([required.status, required.json.errors]).toEqual([400, { name: 'required: it cannot be emptied' }]);
      // A required field with a schema default is not silently reset to it (defaults are for new records).
      const reset = await server.request('PUT', `/customers/${created.json.id}`, { body: { grade: null } });
      expect([reset.status, reset.json.errors]).toEqual([400, { grade: 'required: it cannot be emptied' }]);
      expect((await server.request('GET', `/customers/${created.json.id}`)).json.grade).toBe('C');
    });

    it('refuses malformed JSON (400), large bodies (413) and non-objects (400), writing nothing', async () => {
      const before = await tableFingerprint(database.db, 'customers');
      expect((await server.request('POST', '/customers', { rawBody: '{"name": "x",' })).status).toBe(400);
      expect((await server.request('POST', '/customers', { rawBody: '"just a string"' })).status).toBe(400);
      expect((await server.request('POST', '/customers', { body: [{ name: 'array' }] })).status).toBe(400);
      expect(
        (
          await server.request('POST', '/customers', {
            rawBody: 'name=x',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          })
        ).status,
      ).toBe(400);
      const huge = await server.request('POST', '/customers', { body: { name: 'x'.repeat(1_100_000), grade: 'A' } });
      expect(huge.status).toBe(413);
      expect(await tableFingerprint(database.db, 'customers')).toBe(before);
    });

    it('deletes with the text/plain request the client sends, and refuses to orphan references', async () => {
      const customer = await server.request('POST', '/customers', { body: { name: 'Referenced' } });
      const opportunity = await server.request('POST', '/opportunities', {
        body: { name: 'Holds a reference', customer_id: customer.json.id },
      });
      const refused = await server.request('DELETE', `/customers/${customer.json.id}`, { headers: { 'Content-Type': 'text/plain' } });
      expect([refused.status, refused.json.errors]).toEqual([409, { id: 'referenced by Opportunity.Customer' }]);
      await server.as('admin').delete('opportunities', { id: opportunity.json.id });
      const deleted = await server.as('admin').delete('customers', { id: customer.json.id });
      expect(deleted.data).toMatchObject({ id: customer.json.id, name: 'Referenced' });
      const audit = await database.db('sales_audit').where({ resource: 'customers', record_id: customer.json.id }).orderBy('id');
      expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
      expect(audit[1].before).toMatchObject({ name: 'Referenced' });
      expect(audit[1].after).toBeNull();
    });
  });
});
