/**
 * Files on records: upload (multipart, streamed), list, download byte for byte with a Chinese
 * name, the timeline's entry, delete; refusals of size and type that leave nothing behind (no
 * row, no stored object, no spooled file); 501 without a store; the S3 store against an edge mock.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { parse as parseDisposition } from 'content-disposition';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesRouter, diskStore, s3Store, type AttachmentStore } from '../../src/index.js';
import { forEachDatabase } from '../support/databases.js';
import { defaultDomain } from './support/model.js';
import { startTestServer, tableFingerprint, type TestServer } from './support/server.js';
import { PDF, PNG, attachmentCount, download, filesUnder, upload } from './support/attachments.js';
import { startS3Mock, type S3Mock } from './support/s3Mock.js';

const MAX_BYTES = 64 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

forEachDatabase('router attachments', (database) => {
  let server: TestServer;
  let folder: string;
  let spool: string;
  let customerId: number;
  const base = () => `/customers/${customerId}/attachments`;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'attachments-store-'));
    spool = await mkdtemp(join(tmpdir(), 'attachments-spool-'));
    server = await startTestServer(database.db, { attachments: { store: diskStore(folder), maxBytes: MAX_BYTES, tempDir: spool } });
    const customer = await server.request('POST', '/customers', { as: 'repA', body: { name: 'Acme Steel', grade: 'A' } });
    expect(customer.status).toBe(201);
    customerId = customer.json.id;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await rm(folder, { recursive: true, force: true });
    await rm(spool, { recursive: true, force: true });
  });

  it('keeps an uploaded PDF with its Chinese name: listed with its uploader, downloaded byte for byte, in the timeline', async () => {
    const name = '合同扫描件（盖章）2026.pdf';
    const answer = await upload(server, base(), [{ name, bytes: PDF, type: 'application/pdf' }]);
    expect(answer.status).toBe(201);
    const [created] = answer.json;
    expect(created).toMatchObject({
      resource: 'customers',
      record_id: customerId,
      file_name: name,
      content_type: 'application/pdf',
      size: PDF.length,
      sha256: sha256(PDF),
      uploaded_by: { id: server.users.repA, name: 'repA' },
      can_delete: true,
    });
    expect(created).not.toHaveProperty('storage_key');
    expect(await filesUnder(folder)).toHaveLength(1);
    expect(await filesUnder(spool)).toEqual([]);

    const list = await server.request('GET', base(), { as: 'repA' });
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ can_upload: true, max_bytes: MAX_BYTES, attachments: [{ id: created.id, file_name: name }] });
    expect(list.json.extensions).toEqual(expect.arrayContaining(['pdf', 'png', 'docx', 'xlsx', 'csv', 'zip']));

    const file = await download(server, `/attachments/${created.id}/content`);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(PDF)).toBe(true);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-length')).toBe(String(PDF.length));
    const disposition = parseDisposition(file.headers.get('content-disposition')!);
    expect(disposition).toEqual({ type: 'attachment', parameters: { filename: name } });
    expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const inline = await download(server, `/attachments/${created.id}/content?inline=1`);
    expect(parseDisposition(inline.headers.get('content-disposition')!).type).toBe('inline');

    const { entries } = (await server.request('GET', `/customers/${customerId}/timeline`, { as: 'repA' })).json;
    expect(entries[0]).toMatchObject({
      kind: 'attached',
      user: { id: server.users.repA, name: 'repA' },
      attachment: { id: created.id, file_name: name, size: PDF.length, content_type: 'application/pdf' },
    });
  });

  it('takes several files in one upload, listed newest first', async () => {
    const answer = await upload(server, base(), [
      { name: 'site photo.png', bytes: PNG },
      { name: 'notes.txt', bytes: 'Visited on Monday, met the plant manager.\n' },
      { name: '报价明细.csv', bytes: '产品,数量\n传感器,12\n' },
    ]);
    expect(answer.status).toBe(201);
    expect(answer.json.map((a: any) => [a.file_name, a.content_type])).toEqual([
      ['site photo.png', 'image/png'],
      ['notes.txt', 'text/plain'],
      ['报价明细.csv', 'text/csv'],
    ]);
    const { attachments } = (await server.request('GET', base(), { as: 'repA' })).json;
    const ids = attachments.map((a: any) => a.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a));
    expect(attachments).toHaveLength(4);
  });

  describe('refusals change nothing: no row, no stored object, no spooled file', () => {
    const unchanged = async (run: () => Promise<void>) => {
      const before = { rows: await tableFingerprint(database.db, 'sales_attachments'), stored: await filesUnder(folder) };
      await run();
      expect(await tableFingerprint(database.db, 'sales_attachments')).toBe(before.rows);
      expect(await filesUnder(folder)).toEqual(before.stored);
      expect(await filesUnder(spool)).toEqual([]);
    };

    it('a file over the size limit, in the user’s language, even when a good file came first', async () => {
      // Megabytes past the limit: the refusal comes while the client is still sending, and reaches it.
      const big = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES * 64)]);
      await unchanged(async () => {
        const answer = await upload(server, base(), [
          { name: 'ok.pdf', bytes: PDF },
          { name: 'scan.pdf', bytes: big },
        ]);
        expect(answer.status).toBe(413);
        expect(answer.json.message).toBe('“scan.pdf” is larger than 64 kB, the largest file accepted');
      });
      await unchanged(async () => {
        const answer = await upload(server, base(), [{ name: '扫描件.pdf', bytes: big }], { locale: 'zh-CN' });
        expect(answer.status).toBe(413);
        expect(answer.json.message).toBe('「扫描件.pdf」超过 64 kB，无法上传');
      });
    });

    it('a file exactly at the limit is taken', async () => {
      const exact = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES - PDF.length, 32)]);
      const answer = await upload(server, base(), [{ name: 'exact.pdf', bytes: exact }]);
      expect(answer.status).toBe(201);
      expect(answer.json[0].size).toBe(MAX_BYTES);
    });

    it('a PDF named .png, an executable, a name without extension, a text file whose bytes are an image', async () => {
      await unchanged(async () => {
        const answer = await upload(server, base(), [{ name: 'photo.png', bytes: PDF, type: 'image/png' }]);
        expect(answer.status).toBe(415);
        expect(answer.json.message).toBe('“photo.png” is not a .png file: its content does not match its name');
      });
      await unchanged(async () => {
        const answer = await upload(server, base(), [{ name: 'setup.exe', bytes: 'MZ\x90\x00' }], { locale: 'zh-CN' });
        expect(answer.status).toBe(415);
        expect(answer.json.message).toMatch(/^「setup\.exe」不能上传：只接受 \.pdf、\.png、.*\.zip 文件$/);
      });
      await unchanged(async () => {
        expect((await upload(server, base(), [{ name: 'README', bytes: 'hello' }])).status).toBe(415);
      });
      await unchanged(async () => {
        expect((await upload(server, base(), [{ name: 'notes.txt', bytes: PNG }])).status).toBe(415);
      });
    });

    it('a body that is not multipart, or holds no file', async () => {
      await unchanged(async () => {
        const answer = await server.request('POST', base(), { as: 'repA', body: { file: 'x' } });
        expect(answer.status).toBe(415);
        expect(answer.json.message).toBe('Send the files as multipart/form-data');
        const form = new FormData();
        form.append('comment', 'no file here');
        const empty = await fetch(`${server.url}${base()}`, {
          method: 'POST',
          body: form,
          headers: { 'X-Sales-User': String(server.users.repA), 'Accept-Language': 'zh-CN' },
        });
        expect(empty.status).toBe(400);
        expect((await empty.json()).message).toBe('请选择要上传的文件');
      });
    });
  });

  it('deletes a file: row and stored object gone, the timeline entry too, and its download answers 404', async () => {
    const [created] = (await upload(server, base(), [{ name: 'to delete.pdf', bytes: PDF }])).json;
    const stored = await filesUnder(folder);
    const answer = await server.request('DELETE', `/attachments/${created.id}`, { as: 'repA' });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ id: created.id, file_name: 'to delete.pdf' });
    expect(await filesUnder(folder)).toHaveLength(stored.length - 1);
    expect(await database.db('sales_attachments').where({ id: created.id })).toEqual([]);
    expect((await download(server, `/attachments/${created.id}/content`)).status).toBe(404);
    const { entries } = (await server.request('GET', `/customers/${customerId}/timeline`, { as: 'repA' })).json;
    expect(entries.some((e: any) => e.kind === 'attached' && e.attachment.id === created.id)).toBe(false);
    expect((await server.request('DELETE', `/attachments/${created.id}`, { as: 'repA' })).status).toBe(404);
  });

  it('answers 501 in the user’s language when the host configured no store', async () => {
    const { model, validators } = defaultDomain();
    const app = express();
    app.use('/api', createSalesRouter({ knex: database.db, model, validators, auth: () => null, demoUsers: true }));
    const bare: Server = await new Promise((resolve) => {
      const s = app.listen(0, () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/api`;
      const headers = { 'X-Sales-User': String(server.users.repA), 'Accept-Language': 'zh-CN' };
      const list = await fetch(`${url}${base()}`, { headers });
      expect(list.status).toBe(501);
      expect((await list.json()).message).toBe('此服务器未启用附件功能');
      expect((await fetch(`${url}/attachments/1/content`, { headers })).status).toBe(501);
    } finally {
      bare.closeAllConnections();
      await new Promise((resolve) => bare.close(resolve));
    }
  });
});

forEachDatabase('router attachments on S3', (database) => {
  let server: TestServer;
  let s3: S3Mock;
  let customerId: number;
  /** After the bytes are stored, delete the record: the row's transaction then finds it gone. */
  let deleteRecordAfterPut = false;

  beforeAll(async () => {
    s3 = await startS3Mock();
    const bucket = s3Store({
      bucket: 'sales-files',
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const store: AttachmentStore = {
      ...bucket,
      async put(key, stream, info) {
        await bucket.put(key, stream, info);
        if (deleteRecordAfterPut) await database.db('customers').where({ id: customerId }).delete();
      },
    };
    server = await startTestServer(database.db, { attachments: { store, maxBytes: MAX_BYTES } });
    customerId = (await server.request('POST', '/customers', { as: 'repA', body: { name: 'Harbour Logistics', grade: 'B' } })).json.id;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await s3?.close();
  });

  it('puts, gets and deletes the object in the bucket', async () => {
    const name = '验收报告.pdf';
    const answer = await upload(server, `/customers/${customerId}/attachments`, [{ name, bytes: PDF }]);
    expect(answer.status).toBe(201);
    const [created] = answer.json;
    const [key] = [...s3.objects.keys()];
    expect(key).toMatch(new RegExp(`^sales-files/customers/${customerId}/[0-9a-f-]{36}$`));
    expect(s3.objects.get(key!)).toMatchObject({ body: PDF, contentType: 'application/pdf' });

    const file = await download(server, `/attachments/${created.id}/content`);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(PDF)).toBe(true);
    expect(parseDisposition(file.headers.get('content-disposition')!).parameters.filename).toBe(name);

    expect((await server.request('DELETE', `/attachments/${created.id}`, { as: 'repA' })).status).toBe(200);
    expect(s3.objects.size).toBe(0);
    expect(s3.calls).toEqual([`PUT /${key}`, `GET /${key}`, `DELETE /${key}`]);
  });

  it('removes the stored object when the row’s transaction fails (the record went away meanwhile)', async () => {
    s3.calls.length = 0;
    const rows = await attachmentCount(database.db);
    deleteRecordAfterPut = true;
    try {
      const answer = await upload(server, `/customers/${customerId}/attachments`, [{ name: 'late.pdf', bytes: PDF }]);
      expect(answer.status).toBe(404);
    } finally {
      deleteRecordAfterPut = false;
    }
    expect(s3.calls.map((call) => call.split(' ')[0])).toEqual(['PUT', 'DELETE']);
    expect(s3.objects.size).toBe(0);
    expect(await attachmentCount(database.db)).toBe(rows);
  });
});
