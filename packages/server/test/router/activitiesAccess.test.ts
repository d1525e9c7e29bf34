/**
 * Notes and tasks follow their record's read scope: a rep never sees, counts, lists, gets,
 * creates, changes or deletes them on another rep's records; a task goes only to someone who may
 * read the record; the inbox counts the caller's own; a manager sees the team's.
 */
import { localToday } from '@ra-sales/schema';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../support/databases.js';
import { DEVELOPMENT_GATE, INITIATION_GATE } from './support/opportunityGates.js';
import { startTestServer, tableFingerprint, type TestServer, type UserName, createAs } from './support/server.js';

forEachDatabase('router activities access', (database) => {
  let server: TestServer;
  let customerA: Record<string, any>;
  let noteA: Record<string, any>;
  let taskA: Record<string, any>;
  const today = localToday();

  const create = (as: UserName, resource: string, body: Record<string, unknown>) => createAs(server, as, resource, body);
  const list = async (as: UserName, resource: 'notes' | 'tasks', filter: Record<string, unknown> = {}) =>
    server.as(as).getList(resource, { pagination: { page: 1, perPage: 50 }, sort: { field: 'id', order: 'ASC' }, filter });
  const inbox = async (as: UserName) => (await server.request('GET', '/me/inbox', { as })).json;

  beforeAll(async () => {
    server = await startTestServer(database.db);
    customerA = await create('repA', 'customers', { name: 'Customer of A', grade: 'A' });
    noteA = await create('repA', 'notes', { resource: 'customers', record_id: customerA.id, kind: 'call', body: 'secret terms' });
    taskA = await create('repA', 'tasks', { resource: 'customers', record_id: customerA.id, title: 'Call back', due_date: today });
  }, 120_000);
  afterAll(() => server?.close());

  it('hides another rep’s notes and tasks from lists, counts, getOne and getMany', async () => {
    for (const resource of ['notes', 'tasks'] as const) {
      const row = resource === 'notes' ? noteA : taskA;
      expect((await list('repA', resource)).total).toBe(1);
      for (const outsider of ['repB', 'repSouth', 'managerSouth'] as const) {
        const all = await list(outsider, resource);
        expect(all.total).toBe(0);
        expect((await list(outsider, resource, { record_id: customerA.id, resource: 'customers' })).data).toEqual([]);
        expect((await server.as(outsider).getMany(resource, { ids: [row.id] })).data).toEqual([]);
        expect((await server.request('GET', `/${resource}/${row.id}`, { as: outsider })).status).toBe(404);
      }
      expect((await list('managerNorth', resource)).data.map((r) => r.id)).toEqual([row.id]);
    }
  });

  it('refuses notes and tasks on a record the user may not read, writing nothing', async () => {
    const notes = await tableFingerprint(database.db, 'sales_notes');
    const tasks = await tableFingerprint(database.db, 'sales_tasks');
    const note = await server.request('POST', '/notes', {
      as: 'repB',
      body: { resource: 'customers', record_id: customerA.id, kind: 'note', body: 'peek' },
    });
    expect(note.status).toBe(404);
    expect(note.json.message).toBe(`No Customer record ${customerA.id}`);
    const task = await server.request('POST', '/tasks', {
      as: 'repSouth',
      body: { resource: 'customers', record_id: customerA.id, title: 'peek' },
      headers: { 'Accept-Language': 'zh-CN' },
    });
    expect(task.status).toBe(404);
    expect(task.json.message).toBe(`找不到客户记录 ${customerA.id}`);
    for (const [resource, row] of [
      ['notes', noteA],
      ['tasks', taskA],
    ] as const) {
      expect((await server.request('PUT', `/${resource}/${row.id}`, { as: 'repB', body: { done: true, body: 'x' } })).status).toBe(404);
      expect((await server.request('DELETE', `/${resource}/${row.id}`, { as: 'repB' })).status).toBe(404);
    }
    expect(await tableFingerprint(database.db, 'sales_notes')).toBe(notes);
    expect(await tableFingerprint(database.db, 'sales_tasks')).toBe(tasks);
  });

  it('lets only the author or an admin change or delete a note the manager can read', async () => {
    const managerEdit = await server.request('PUT', `/notes/${noteA.id}`, { as: 'managerNorth', body: { body: 'edited' } });
    expect(managerEdit.status).toBe(403);
    expect(managerEdit.json.message).toBe('Only the author of this note or an administrator may change it');
    const managerDelete = await server.request('DELETE', `/notes/${noteA.id}`, {
      as: 'managerNorth',
      headers: { 'Accept-Language': 'zh-CN' },
    });
    expect(managerDelete.status).toBe(403);
    expect(managerDelete.json.message).toBe('只有笔记的作者或管理员可以删除此笔记');
    const managerNote = await create('managerNorth', 'notes', { resource: 'customers', record_id: customerA.id, kind: 'note', body: 'ok' });
    expect((await server.request('PUT', `/notes/${managerNote.id}`, { as: 'repA', body: { body: 'mine now' } })).status).toBe(403);
    const admin = await server.request('PUT', `/notes/${managerNote.id}`, { as: 'admin', body: { body: 'by admin' } });
    expect(admin.status).toBe(200);
    expect((await server.request('DELETE', `/notes/${managerNote.id}`, { as: 'admin' })).status).toBe(200);
  });

  it('assigns a task only to someone who may read the record, judged by their own scope', async () => {
    const tasks = await tableFingerprint(database.db, 'sales_tasks');
    const toRepB = await server.request('POST', '/tasks', {
      as: 'repA',
      body: { resource: 'customers', record_id: customerA.id, title: 'Help me', assignee_id: server.users.repB },
    });
    expect(toRepB.status).toBe(422);
    expect(toRepB.json).toEqual({
      message: `repB may not read Customer ${customerA.id}: assign the task to someone who can`,
      errors: { assignee_id: 'repB may not read this record' },
    });
    const reassign = await server.request('PUT', `/tasks/${taskA.id}`, {
      as: 'repA',
      body: { assignee_id: server.users.repSouth },
      headers: { 'Accept-Language': 'zh-CN' },
    });
    expect(reassign.status).toBe(422);
    expect(reassign.json.errors).toEqual({ assignee_id: 'repSouth 无权查看此记录' });
    expect(await tableFingerprint(database.db, 'sales_tasks')).toBe(tasks);

    const toManager = await create('repA', 'tasks', {
      resource: 'customers',
      record_id: customerA.id,
      title: 'Approve the discount',
      due_date: today,
      assignee_id: server.users.managerNorth,
    });
    // The assignee may tick it off; only the creator (or an admin) may delete it.
    const done = await server.request('PUT', `/tasks/${toManager.id}`, { as: 'managerNorth', body: { done: true } });
    expect(done.json).toMatchObject({ done: true, done_by: server.users.managerNorth });
    const deleted = await server.request('DELETE', `/tasks/${toManager.id}`, { as: 'managerNorth' });
    expect(deleted.status).toBe(403);
    expect(deleted.json.message).toBe('Only the creator of this task or an administrator may delete it');
    const bystander = await server.request('PUT', `/tasks/${toManager.id}`, { as: 'generalManager', body: { done: false } });
    expect(bystander.status).toBe(403);
    expect((await server.request('DELETE', `/tasks/${toManager.id}`, { as: 'repA' })).status).toBe(200);
  });

  it('counts in the inbox only the caller’s own due tasks on records they may read, and the approvals they may decide', async () => {
    expect(await inbox('repA')).toEqual({ approvals: 0, tasks: { today: 1, overdue: 0 } });
    expect(await inbox('repB')).toEqual({ approvals: 0, tasks: { today: 0, overdue: 0 } });

    const opportunity = await create('repA', 'opportunities', { name: 'ERP', customer_id: customerA.id });
    let record = (
      await server.request('PUT', `/opportunities/${opportunity.id}`, { as: 'repA', body: { ...DEVELOPMENT_GATE, stage: 'initiation' } })
    ).json;
    const held = await server.request('PUT', `/opportunities/${opportunity.id}`, {
      as: 'repA',
      body: { ...record, ...INITIATION_GATE, stage: 'proposal' },
    });
    expect(held.status).toBe(202);
    record = held.json;
    expect((await inbox('managerNorth')).approvals).toBe(1);
    // Holds the role, not the record: nothing to decide.
    expect((await inbox('managerSouth')).approvals).toBe(0);
    expect((await inbox('repA')).approvals).toBe(0);
    expect((await inbox('admin')).approvals).toBe(1);

    // Handed over to another rep: the task's assignee no longer reads the record, nor counts it.
    const current = (await server.request('GET', `/customers/${customerA.id}`, { as: 'repA' })).json;
    const handed = await server.request('PUT', `/customers/${customerA.id}`, {
      as: 'admin',
      body: { ...current, owner_id: server.users.repB },
    });
    expect(handed.status).toBe(200);
    try {
      expect(await inbox('repA')).toEqual({ approvals: 0, tasks: { today: 0, overdue: 0 } });
      expect((await list('repA', 'tasks')).total).toBe(0);
      expect((await list('repB', 'tasks')).total).toBe(1);
      expect((await list('repB', 'notes')).total).toBe(1);
    } finally {
      await server.request('PUT', `/customers/${customerA.id}`, { as: 'admin', body: { ...handed.json, owner_id: server.users.repA } });
    }
  });
});
