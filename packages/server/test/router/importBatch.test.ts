/**
 * The batched import (`createBatch`) against the API one record at a time: the same rows, imported
 * into one fresh database and created by `POST /:resource` into another, leave the same records,
 * document numbers, audit and history rows. And its refusals: a bad row deep in the file, duplicates
 * with stored rows and between rows, references the importer may not read.
 */
import { CHUNK } from '../../src/router/import/run.js';
import { formatSequence } from '../../src/router/sequences.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase, type TestDatabase } from '../support/databases.js';
import { startTestServer, tableFingerprint, type TestServer, type UserName } from './support/server.js';

type Body = Record<string, string | number | boolean>;

const cell = (value: unknown) => (value === undefined ? '' : `"${String(value).replace(/"/g, '""')}"`);

/** A CSV of the rows, one column per field named in any of them, in the order first seen. */
function csvOf(rows: Body[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\n');
}

async function upload(server: TestServer, resource: string, file: string, as: UserName = 'admin') {
  const response = await fetch(`${server.url}/${resource}/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', 'X-Sales-User': String(server.users[as]), 'Accept-Language': 'en' },
    body: file,
  });
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

const TIMESTAMP = /(_at|_time)$/;

/** A row without its timestamps (which differ between two runs), JSON columns read as values. */
function comparable(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (TIMESTAMP.test(key)) continue;
    const parsed = typeof value === 'string' && /^[{[]/.test(value) ? JSON.parse(value) : value;
    out[key] =
      parsed && typeof parsed === 'object' && !Array.isArray(parsed) && !(parsed instanceof Date)
        ? comparable(parsed as Record<string, unknown>)
        : parsed instanceof Date
          ? parsed.toISOString()
          : parsed;
  }
  return out;
}

const RESOURCES = ['customers', 'contacts', 'opportunities', 'quotes', 'leads'];

async function snapshot(database: TestDatabase) {
  const db = database.db;
  const out: Record<string, unknown[]> = {};
  for (const table of RESOURCES) out[table] = ((await db(table).orderBy('id')) as Record<string, unknown>[]).map(comparable);
  out.sequences = await db('sales_sequences').select('resource', 'field', 'period', 'last_value').orderBy(['resource', 'field', 'period']);
  out.audit = ((await db('sales_audit').orderBy('id')) as Record<string, unknown>[]).map(comparable);
  out.history = ((await db('sales_history').orderBy('id')) as Record<string, unknown>[]).map(comparable);
  return out;
}

/** The rows of each step, as bodies of `POST /:resource` and as cells of a CSV alike. */
function steps(users: Record<UserName, number>): { resource: string; as: UserName; rows: Body[] }[] {
  const owners = [users.admin, users.repA, users.repB, users.managerNorth];
  const customers = Array.from({ length: CHUNK + 10 }, (_, i) => ({
    name: `Customer ${i + 1}`,
    grade: ['A', 'B', 'C', 'D'][i % 4],
    industry: ['制造业', '物流', '零售'][i % 3],
    owner_id: owners[i % 4],
    ...(i % 5 === 0 ? { credit_limit: 1000 * i } : {}),
    ...(i % 7 === 0 ? { website: `https://c${i}.example.com` } : {}),
  }));
  // Contact k (id k) is of customer ((k - 1) % 20) + 1; every fourth a coach.
  const contacts = Array.from({ length: 80 }, (_, i) => ({
    name: `Contact ${i + 1}`,
    customer_id: (i % 20) + 1,
    purchase_role: i % 4 === 0 ? 'coach' : 'user',
  }));
  const opportunities = Array.from({ length: 120 }, (_, i) => ({
    name: `Deal ${i + 1}`,
    customer_id: (i % 20) + 1,
    contact_id: (i % 20) + 1 + 20 * (i % 3),
    owner_id: [users.repA, users.repB, users.managerNorth][i % 3],
    expected_amount: 10000 + i,
    ...(i % 2 === 0 ? { expected_sign_date: '2027-03-01' } : {}),
  }));
  const quotes = Array.from({ length: 60 }, (_, i) => ({
    customer_id: (i % 20) + 1,
    opportunity_id: (i % 20) + 1,
    contact_id: (i % 20) + 1,
    payment_terms: `Terms ${i}`,
  }));
  const leads = Array.from({ length: 50 }, (_, i) => ({
    company_name: `Lead ${i + 1}`,
    source: ['online', 'referral', 'exhibition'][i % 3],
    owner_id: owners[i % 4],
  }));
  return [
    { resource: 'customers', as: 'admin', rows: customers },
    { resource: 'contacts', as: 'managerNorth', rows: contacts },
    { resource: 'opportunities', as: 'managerNorth', rows: opportunities },
    { resource: 'quotes', as: 'admin', rows: quotes },
    { resource: 'leads', as: 'managerNorth', rows: leads },
  ];
}

/** A quote number held before the sequence reaches it: both paths number past it the same way. */
async function holdQuoteNumber(database: TestDatabase, server: TestServer) {
  await database.db('quotes').insert({
    quote_number: formatSequence('BJ-{yyyy}-{seq:5}', new Date(), 3),
    customer_id: 1,
    owner_id: server.users.admin,
    status: 'draft',
  });
}

forEachDatabase('import batched', (database) => {
  describe('gives what the API gives one record at a time', () => {
    let imported: Record<string, unknown[]>;
    let created: Record<string, unknown[]>;

    beforeAll(async () => {
      await database.reset();
      let server = await startTestServer(database.db);
      try {
        for (const step of steps(server.users)) {
          if (step.resource === 'quotes') await holdQuoteNumber(database, server);
          const answer = await upload(server, step.resource, csvOf(step.rows), step.as);
          expect(answer.json, step.resource).toMatchObject({ created: step.rows.length, errors: [], mode: 'batched' });
        }
        imported = await snapshot(database);
      } finally {
        await server.close();
      }

      await database.reset();
      server = await startTestServer(database.db);
      try {
        for (const step of steps(server.users)) {
          if (step.resource === 'quotes') await holdQuoteNumber(database, server);
          for (const body of step.rows) {
            const answer = await server.request('POST', `/${step.resource}`, { as: step.as, body });
            expect(answer.status, answer.text).toBe(201);
          }
        }
        created = await snapshot(database);
      } finally {
        await server.close();
      }
    }, 300_000);

    it.each(RESOURCES)('the same %s', (resource) => {
      expect(imported[resource].length).toBeGreaterThan(40);
      expect(imported[resource]).toEqual(created[resource]);
    });

    it('the same document numbers, past the number already held', () => {
      expect(imported.sequences).toEqual(created.sequences);
      const numbers = (imported.quotes as { quote_number: string }[]).map((q) => Number(q.quote_number.slice(-5)));
      // The held number 3 makes the third quote numbered past it, as one by one.
      expect(numbers.slice(0, 5)).toEqual([3, 1, 2, 4, 5]);
    });

    it('the same audit and history rows', () => {
      expect(imported.audit.length).toBe(CHUNK + 10 + 80 + 120 + 60 + 50);
      expect(imported.audit).toEqual(created.audit);
      expect(imported.history.length).toBe(CHUNK + 10 + 120 + 60 + 50);
      expect(imported.history).toEqual(created.history);
    });
  });

  describe('refusals', () => {
    let server: TestServer;
    const journals = async () =>
      [
        await tableFingerprint(database.db, 'customers'),
        await tableFingerprint(database.db, 'contacts'),
        await tableFingerprint(database.db, 'sales_audit'),
        await tableFingerprint(database.db, 'sales_history'),
        JSON.stringify(await database.db('sales_sequences').orderBy(['resource', 'field', 'period'])),
      ].join();

    beforeAll(async () => {
      await database.reset();
      server = await startTestServer(database.db);
      const seed = await upload(server, 'customers', csvOf([{ name: 'Stored customer', grade: 'A', owner_id: server.users.repSouth }]));
      expect(seed.status).toBe(200);
    }, 120_000);
    afterAll(() => server?.close());

    const customers = (n: number) => Array.from({ length: n }, (_, i): Body => ({ name: `Row ${i + 2}`, grade: 'B' }));

    it('a bad row in the third chunk is reported with its row and field, and nothing is written', async () => {
      const before = await journals();
      const rows = customers(2 * CHUNK + 300);
      // Row numbers count the header: rows[i] is row i + 2.
      const bad = 2 * CHUNK + 150;
      rows[bad] = { ...rows[bad], website: 'not a url' };
      const answer = await upload(server, 'customers', csvOf(rows));
      const api = await server.request('POST', '/customers', { body: { name: 'Api check', grade: 'B', website: 'not a url' } });
      expect(answer.status).toBe(422);
      expect(answer.json).toMatchObject({ created: 0, mode: 'batched' });
      expect(answer.json.errors).toEqual([{ row: bad + 2, field: 'website', message: `Website: ${api.json.errors.website}` }]);
      expect(await journals()).toBe(before);
    });

    it('refuses values already stored and values repeated in the file, within a chunk and across chunks', async () => {
      const before = await journals();
      const rows = customers(CHUNK + 200);
      rows[3] = { name: 'Stored customer', grade: 'C' };
      rows[10] = { name: 'Row 2', grade: 'C' };
      rows[CHUNK + 150] = { name: 'Row 3', grade: 'C' };
      const answer = await upload(server, 'customers', csvOf(rows));
      expect(answer.status).toBe(422);
      const stored = (await database.db('customers').where({ name: 'Stored customer' }).first()) as { id: number };
      expect(answer.json.errors).toEqual([
        {
          row: 5,
          field: 'name',
          message: `Name: Name already used by Customer Stored customer (owner: repSouth)`,
        },
        { row: 12, field: 'name', message: 'Name: Name already used in row 2 of the file' },
        // Row 3 of the file was written with the first chunk: the refusal names it as the API would.
        { row: CHUNK + 152, field: 'name', message: expect.stringMatching(/^Name: Name already used by Customer Row 3/) },
      ]);
      expect(stored.id).toBeGreaterThan(0);
      expect(await journals()).toBe(before);
    });

    it('refuses references out of the importer’s read scope, by name and by id', async () => {
      const before = await journals();
      const stored = (await database.db('customers').where({ name: 'Stored customer' }).first()) as { id: number };
      const byName = await upload(server, 'contacts', 'Name,Customer\nOne,Stored customer\n', 'repA');
      expect(byName.status).toBe(422);
      expect(byName.json.errors).toEqual([
        { row: 2, field: 'customer_id', column: 'Customer', message: 'no Customer named "Stored customer"' },
      ]);
      const byId = await upload(server, 'contacts', `Name,Customer\nTwo,${stored.id}\n`, 'repA');
      const api = await server.request('POST', '/contacts', { as: 'repA', body: { name: 'Two', customer_id: stored.id } });
      expect(api.status).toBe(400);
      expect(byId.status).toBe(422);
      expect(byId.json).toMatchObject({ mode: 'batched' });
      expect(byId.json.errors).toEqual([{ row: 2, field: 'customer_id', message: `Customer: ${api.json.errors.customer_id}` }]);
      expect(await journals()).toBe(before);
    });

    it('says when an entity goes row by row', async () => {
      const answer = await upload(server, 'expense_claims', 'Title\n', 'admin');
      expect(answer.json).toMatchObject({ mode: 'row by row' });
    });
  });
});
