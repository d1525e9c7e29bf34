/**
 * Notes (notes, calls, visits) and tasks on any record: create, read, filter, page, change and
 * delete through `ra-data-simple-rest`'s dialect; bad input refused in the user's language with
 * nothing written; the record's timeline showing them; `GET /me/inbox` counting what is due.
 */
import { localToday } from '@ra-sales/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../support/databases.js';
import { startTestServer, tableFingerprint, type TestServer, type UserName } from './support/server.js';

const dayFrom = (today: string, days: number) => {
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

forEachDatabase('router activities', (database) => {
  let server: TestServer;
  let customer: Record<string, any>;
  const today = localToday();

  const post = (path: string, body: unknown, as: UserName = 'repA', headers: Record<string, string> = {}) =>
    server.request('POST', path, { as, body, headers });

  beforeAll(async () => {
    server = await startTestServer(database.db);
    customer = (await post('/customers', { name: 'Acme Steel', grade: 'A' })).json;
  }, 120_000);
  afterAll(() => server?.close());

  describe('notes', () => {
    it('creates a note, a call and a visit with their author set by the server, and reads them back', async () => {
      const note = await post('/notes', { resource: 'customers', record_id: customer.id, kind: 'note', body: 'Prefers e-mail' });
      expect(note.status).toBe(201);
      expect(note.json).toMatchObject({ kind: 'note', body: 'Prefers e-mail', author_id: server.users.repA, version: 1 });
      expect(Date.parse(note.json.occurred_at)).toBeGreaterThan(Date.now() - 60_000);
      const call = await post('/notes', {
        resource: 'customers',
        record_id: customer.id,
        kind: 'call',
        body: 'Called the buyer',
        occurred_at: '2026-03-02T09:30:00Z',
      });
      expect(call.json.occurred_at).toBe('2026-03-02T09:30:00.000Z');
      const visit = await post('/notes', { resource: 'customers', record_id: customer.id, kind: 'visit', body: 'Plant tour' });
      expect(visit.status).toBe(201);

      const one = await server.request('GET', `/notes/${call.json.id}`, { as: 'repA' });
      expect(one.json).toEqual(call.json);
      const { data, total } = await server.as('repA').getList('notes', {
        filter: { resource: 'customers', record_id: customer.id },
        sort: { field: 'occurred_at', order: 'DESC' },
        pagination: { page: 1, perPage: 2 },
      });
      expect(total).toBe(3);
      expect(data.map((n) => n.kind)).toEqual(['visit', 'note']);
      const second = await server.as('repA').getList('notes', {
        filter: { resource: 'customers', record_id: customer.id },
        sort: { field: 'occurred_at', order: 'DESC' },
        pagination: { page: 2, perPage: 2 },
      });
      expect(second.data.map((n) => n.kind)).toEqual(['call']);
    });

    it('filters by kind, author, text and time', async () => {
      const list = async (filter: Record<string, unknown>) =>
        (
          await server.as('repA').getList('notes', { filter, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 50 } })
        ).data.map((n) => n.body);
      expect(await list({ kind: 'call' })).toEqual(['Called the buyer']);
      expect(await list({ kind: ['call', 'visit'] })).toEqual(['Called the buyer', 'Plant tour']);
      expect(await list({ author_id: server.users.repA, q: 'buyer' })).toEqual(['Called the buyer']);
      expect(await list({ occurred_at_lt: '2026-03-03T00:00:00Z' })).toEqual(['Called the buyer']);
      expect(await list({ body_q: 'TOUR' })).toEqual(['Plant tour']);
    });

    it('lets the author change and delete their note, with versions guarding lost updates', async () => {
      const note = (await post('/notes', { resource: 'customers', record_id: customer.id, kind: 'note', body: 'draft' })).json;
      const changed = await server.request('PUT', `/notes/${note.id}`, { as: 'repA', body: { ...note, body: 'final', kind: 'call' } });
      expect(changed.status).toBe(200);
      expect(changed.json).toMatchObject({ body: 'final', kind: 'call', version: 2, resource: 'customers' });
      const stale = await server.request('PUT', `/notes/${note.id}`, { as: 'repA', body: { ...note, body: 'again' } });
      expect(stale.status).toBe(409);
      expect(stale.json.errors).toEqual({ version: 'stale' });
      const deleted = await server.request('DELETE', `/notes/${note.id}`, { as: 'repA' });
      expect(deleted.status).toBe(200);
      expect(deleted.json.id).toBe(note.id);
      expect((await server.request('GET', `/notes/${note.id}`, { as: 'repA' })).status).toBe(404);
      const audit = await database.db('sales_audit').where({ resource: 'notes', record_id: note.id }).orderBy('id').pluck('action');
      expect(audit).toEqual(['create', 'update', 'delete']);
    });

    it('refuses bad input naming each field, in English and in Chinese, and writes nothing', async () => {
      const before = await tableFingerprint(database.db, 'sales_notes');
      const bad = await post('/notes', { resource: 'customers', record_id: customer.id, kind: 'fax', body: ' ', occurred_at: 'yesterday' });
      expect(bad.status).toBe(400);
      expect(bad.json.message).toBe('Invalid record: Kind, Text, When');
      expect(bad.json.errors).toEqual({
        kind: 'must be one of: note (Note), call (Call), visit (Visit)',
        body: 'Fill in “Text”',
        occurred_at: 'When is not in the right format (e.g. 2026-12-31T09:30:00Z)',
      });
      const zh = await post('/notes', { resource: 'customers', record_id: customer.id, kind: 'fax' }, 'repA', {
        'Accept-Language': 'zh-CN',
      });
      expect(zh.json.message).toBe('记录无效：类型、内容');
      expect(zh.json.errors).toEqual({ kind: '必须是以下值之一: note (笔记)、call (电话)、visit (拜访)', body: '请填写「内容」' });

      const author = await post('/notes', { resource: 'customers', record_id: customer.id, kind: 'note', body: 'x', author_id: 99 });
      expect(author.status).toBe(400);
      expect(author.json).toEqual({ message: 'Field "Author" is set by the server', errors: { author_id: 'cannot be changed' } });
      const unknown = await post('/notes', { resource: 'customers', record_id: customer.id, kind: 'note', body: 'x', mood: 'happy' });
      expect(unknown.json.errors).toEqual({ mood: 'unknown field' });

      const notEntity = await post('/notes', { resource: 'approvals', record_id: 1, kind: 'note', body: 'x' });
      expect(notEntity.status).toBe(422);
      expect(notEntity.json.message).toBe('Record type "approvals" is not a kind of record notes and tasks can be kept on');
      const notEntityZh = await post('/notes', { resource: 'nothing', record_id: 1, kind: 'note', body: 'x' }, 'repA', {
        'Accept-Language': 'zh-CN',
      });
      expect(notEntityZh.json.message).toBe('「记录类型」"nothing" 不是可以记录笔记和任务的记录类型');
      const noRecord = await post('/notes', { resource: 'customers', record_id: 999_999, kind: 'note', body: 'x' });
      expect(noRecord.status).toBe(404);
      expect(noRecord.json.message).toBe('No Customer record 999999');

      const note = (await post('/notes', { resource: 'customers', record_id: customer.id, kind: 'note', body: 'kept' })).json;
      const moved = await server.request('PUT', `/notes/${note.id}`, { as: 'repA', body: { record_id: customer.id + 1 } });
      expect(moved.status).toBe(400);
      expect(moved.json.errors).toEqual({ record_id: 'cannot be changed' });
      await server.request('DELETE', `/notes/${note.id}`, { as: 'repA' });
      expect(await tableFingerprint(database.db, 'sales_notes')).toBe(before);
    });
  });

  describe('tasks', () => {
    it('creates a task for its creator unless someone else is named, and records who did it and when', async () => {
      const task = await post('/tasks', { resource: 'customers', record_id: customer.id, title: 'Send the offer', due_date: today });
      expect(task.status).toBe(201);
      expect(task.json).toMatchObject({
        title: 'Send the offer',
        due_date: today,
        assignee_id: server.users.repA,
        created_by: server.users.repA,
        done: false,
        done_at: null,
        done_by: null,
      });
      const done = await server.request('PUT', `/tasks/${task.json.id}`, { as: 'repA', body: { ...task.json, done: true } });
      expect(done.json).toMatchObject({ done: true, done_by: server.users.repA });
      expect(Date.parse(done.json.done_at)).toBeGreaterThan(Date.now() - 60_000);
      const undone = await server.request('PUT', `/tasks/${task.json.id}`, { as: 'repA', body: { done: false } });
      expect(undone.json).toMatchObject({ done: false, done_at: null, done_by: null, version: 3 });
      const forged = await server.request('PUT', `/tasks/${task.json.id}`, { as: 'repA', body: { done_by: server.users.repB } });
      expect(forged.status).toBe(400);
      expect(forged.json.errors).toEqual({ done_by: 'cannot be changed' });
    });

    it('lists the open tasks of an assignee by due date, with date ranges', async () => {
      await database.db('sales_tasks').delete();
      for (const [title, due] of [
        ['late', dayFrom(today, -3)],
        ['today', today],
        ['later', dayFrom(today, 5)],
        ['whenever', null],
      ] as const) {
        expect((await post('/tasks', { resource: 'customers', record_id: customer.id, title, due_date: due })).status).toBe(201);
      }
      const list = async (filter: Record<string, unknown>) =>
        (
          await server
            .as('repA')
            .getList('tasks', { filter, sort: { field: 'due_date', order: 'ASC' }, pagination: { page: 1, perPage: 50 } })
        ).data.map((t) => t.title);
      // As every list: an empty value sorts first, ascending.
      expect(await list({ assignee_id: server.users.repA, done: false })).toEqual(['whenever', 'late', 'today', 'later']);
      expect(await list({ due_date_lte: today })).toEqual(['late', 'today']);
      expect(await list({ due_date_gte: today, due_date_lt: dayFrom(today, 30) })).toEqual(['today', 'later']);
      expect(await list({ due_date: null })).toEqual(['whenever']);
      expect(await list({ q: 'LAT' })).toEqual(['late', 'later']);
    });

    it('counts the caller’s open tasks due today and overdue in GET /me/inbox', async () => {
      const inbox = await server.request('GET', '/me/inbox', { as: 'repA' });
      expect(inbox.status).toBe(200);
      expect(inbox.json).toEqual({ approvals: 0, tasks: { today: 1, overdue: 1 } });
      const [late] = await database.db('sales_tasks').where({ title: 'late' });
      await server.request('PUT', `/tasks/${late.id}`, { as: 'repA', body: { done: true } });
      expect((await server.request('GET', '/me/inbox', { as: 'repA' })).json.tasks).toEqual({ today: 1, overdue: 0 });
    });

    it('refuses a bad task in both languages and an unknown assignee by id', async () => {
      const before = await tableFingerprint(database.db, 'sales_tasks');
      const bad = await post('/tasks', {
        resource: 'customers',
        record_id: customer.id,
        title: 'x'.repeat(201),
        due_date: '2026-13-45',
        done: 'yes',
        assignee_id: 'someone',
      });
      expect(bad.status).toBe(400);
      expect(bad.json.message).toBe('Invalid record: Title, Due date, Assigned to, Done');
      expect(bad.json.errors).toEqual({
        title: 'Title takes at most 200 characters',
        due_date: 'Due date is not in the right format (e.g. 2026-12-31)',
        assignee_id: 'Assigned to must be a whole number',
        done: 'Done must be yes or no',
      });
      const zh = await post('/tasks', { resource: 'customers', record_id: customer.id }, 'repA', { 'Accept-Language': 'zh-CN' });
      expect(zh.json).toEqual({ message: '记录无效：标题', errors: { title: '请填写「标题」' } });
      const nobody = await post('/tasks', { resource: 'customers', record_id: customer.id, title: 'x', assignee_id: 999_999 });
      expect(nobody.status).toBe(422);
      expect(nobody.json.errors).toEqual({ assignee_id: 'No salesperson 999999' });
      expect(await tableFingerprint(database.db, 'sales_tasks')).toBe(before);
    });
  });

  describe('timeline', () => {
    it('shows notes at their moment, a task’s creation and its completion, with who', async () => {
      const record = (await post('/customers', { name: 'Timeline Ltd', grade: 'B' })).json;
      await post('/notes', {
        resource: 'customers',
        record_id: record.id,
        kind: 'visit',
        body: 'Met the plant manager',
        occurred_at: '2020-01-02T08:00:00Z',
      });
      const task = (await post('/tasks', { resource: 'customers', record_id: record.id, title: 'Quote', due_date: today })).json;
      await server.request('PUT', `/tasks/${task.id}`, { as: 'repA', body: { done: true } });
      const { entries, next } = (await server.request('GET', `/customers/${record.id}/timeline`, { as: 'repA' })).json;
      expect(next).toBeNull();
      const repA = { id: server.users.repA, name: 'repA' };
      expect(entries.map((e: any) => e.kind)).toEqual(['task_done', 'task_created', 'created', 'note']);
      expect(entries[0]).toMatchObject({ user: repA, task: { id: task.id, title: 'Quote', due_date: today, assignee: repA } });
      expect(entries[1]).toMatchObject({ user: repA, task: { id: task.id } });
      expect(entries[3]).toMatchObject({
        id: expect.stringMatching(/^note-\d+$/),
        at: '2020-01-02T08:00:00.000Z',
        user: repA,
        noteKind: 'visit',
        body: 'Met the plant manager',
      });
      const firstPage = (await server.request('GET', `/customers/${record.id}/timeline?limit=1`, { as: 'repA' })).json;
      expect(firstPage.entries.map((e: any) => e.kind)).toEqual(['task_done']);
      expect(firstPage.next).not.toBeNull();
    });
  });
});
