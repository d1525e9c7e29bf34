/**
 * Who may do what with a record's files: the record's read scope for list and download, its
 * write scope for upload, and for delete also the uploader or an administrator. A file of a
 * record out of scope answers 404 like a file that does not exist, whatever the call.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { diskStore } from '../../src/index.js';
import { forEachDatabase } from '../support/databases.js';
import { startTestServer, tableFingerprint, type TestServer, type UserName } from './support/server.js';
import { PDF, download, filesUnder, upload } from './support/attachments.js';

forEachDatabase('router attachments access', (database) => {
  let server: TestServer;
  let folder: string;
  /** repA's customer, with one file repA uploaded. */
  let customerId: number;
  let fileId: number;

  const list = (as: UserName, id = customerId) => server.request('GET', `/customers/${id}/attachments`, { as });
  const remove = (as: UserName, id = fileId) => server.request('DELETE', `/attachments/${id}`, { as });

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'attachments-access-'));
    server = await startTestServer(database.db, { attachments: { store: diskStore(folder) } });
    customerId = (await server.request('POST', '/customers', { as: 'repA', body: { name: 'Acme Steel', grade: 'A' } })).json.id;
    const answer = await upload(server, `/customers/${customerId}/attachments`, [{ name: '营业执照.pdf', bytes: PDF }]);
    expect(answer.status).toBe(201);
    fileId = answer.json[0].id;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('another rep, of the same team or not, can neither list, download, upload nor delete: 404 as for no such file', async () => {
    const before = { rows: await tableFingerprint(database.db, 'sales_attachments'), stored: await filesUnder(folder) };
    const absent = await download(server, '/attachments/999999/content', 'repB');
    for (const other of ['repB', 'repSouth'] as const) {
      expect((await list(other)).status).toBe(404);
      const file = await download(server, `/attachments/${fileId}/content`, other);
      expect(file.status).toBe(404);
      expect(file.bytes.toString()).toBe(absent.bytes.toString().replace('999999', String(fileId)));
      expect((await upload(server, `/customers/${customerId}/attachments`, [{ name: 'x.pdf', bytes: PDF }], { as: other })).status).toBe(
        404,
      );
      const deleted = await remove(other);
      expect(deleted.status).toBe(404);
      expect(deleted.json.message).toBe(`No attachment ${fileId}`);
    }
    expect(await tableFingerprint(database.db, 'sales_attachments')).toBe(before.rows);
    expect(await filesUnder(folder)).toEqual(before.stored);
  });

  it('nor see the file in the timeline or find the record by search', async () => {
    expect((await server.request('GET', `/customers/${customerId}/timeline`, { as: 'repB' })).status).toBe(404);
    const found = await server.request('GET', `/search?q=${encodeURIComponent('Acme Steel')}`, { as: 'repB' });
    expect(found.status).toBe(200);
    expect(found.json.filter((hit: any) => hit.resource === 'customers' && hit.id === customerId)).toEqual([]);
  });

  it('a team manager reads and uploads but deletes only their own files', async () => {
    const seen = await list('managerNorth');
    expect(seen.status).toBe(200);
    expect(seen.json.can_upload).toBe(true);
    expect(seen.json.attachments).toEqual([expect.objectContaining({ id: fileId, can_delete: false })]);
    expect((await download(server, `/attachments/${fileId}/content`, 'managerNorth')).bytes.equals(PDF)).toBe(true);
    const refused = await remove('managerNorth');
    expect(refused.status).toBe(403);
    expect(refused.json.message).toBe('Only whoever uploaded “营业执照.pdf” or an administrator may delete it');

    const own = await upload(server, `/customers/${customerId}/attachments`, [{ name: 'visit report.pdf', bytes: PDF }], {
      as: 'managerNorth',
    });
    expect(own.status).toBe(201);
    expect((await list('repA')).json.attachments.map((a: any) => [a.file_name, a.can_delete])).toEqual([
      ['visit report.pdf', false],
      ['营业执照.pdf', true],
    ]);
    expect((await remove('managerNorth', own.json[0].id)).status).toBe(200);
  });

  it('presales read the team’s records but write none: they list and download, and may not upload', async () => {
    const seen = await list('presales');
    expect(seen.status).toBe(200);
    expect(seen.json).toMatchObject({ can_upload: false, attachments: [{ id: fileId, can_delete: false }] });
    expect((await download(server, `/attachments/${fileId}/content`, 'presales')).status).toBe(200);
    const refused = await upload(server, `/customers/${customerId}/attachments`, [{ name: 'x.pdf', bytes: PDF }], {
      as: 'presales',
      locale: 'zh-CN',
    });
    expect(refused.status).toBe(403);
    expect(refused.json.message).toBe('您无权修改此客户的附件');
    expect((await remove('presales')).status).toBe(403);
  });

  it('the uploader loses their files with the record: handed to another rep, it answers 404 to them', async () => {
    const record = (await server.request('GET', `/customers/${customerId}`)).json;
    const handed = await server.request('PUT', `/customers/${customerId}`, { body: { ...record, owner_id: server.users.repB } });
    expect(handed.status).toBe(200);
    try {
      expect((await list('repA')).status).toBe(404);
      expect((await remove('repA')).status).toBe(404);
      expect((await list('repB')).json.attachments).toEqual([expect.objectContaining({ id: fileId, can_delete: false })]);
    } finally {
      const back = await server.request('PUT', `/customers/${customerId}`, { body: { ...handed.json, owner_id: server.users.repA } });
      expect(back.status).toBe(200);
    }
  });

  it('an administrator may delete anyone’s file', async () => {
    expect((await list('admin')).json.attachments[0]).toMatchObject({ id: fileId, can_delete: true });
    expect((await remove('admin')).status).toBe(200);
    expect((await list('repA')).json.attachments).toEqual([]);
    expect(await filesUnder(folder)).toEqual([]);
  });
});
