/** Uploads as a browser sends them, small files of known types, and what a store folder holds. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { answerOf, type HttpAnswer, type TestServer, type UserName } from './server.js';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
/** A 1×1 transparent PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

export interface UploadFile {
  name: string;
  bytes: Buffer | string;
  type?: string;
}

/** `POST <path>` as multipart/form-data, one part per file, as the user. */
export async function upload(
  server: TestServer,
  path: string,
  files: UploadFile[],
  { as = 'repA', locale = 'en' }: { as?: UserName; locale?: string } = {},
): Promise<HttpAnswer> {
  const form = new FormData();
  for (const file of files)
    form.append(
      'file',
      new Blob([typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)], {
        type: file.type ?? 'application/octet-stream',
      }),
      file.name,
    );
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    body: form,
    headers: { 'X-Sales-User': String(server.users[as]), 'Accept-Language': locale },
  });
  return answerOf(response);
}

/** `GET <path>` as the user, the body as bytes. */
export async function download(server: TestServer, path: string, as: UserName = 'repA') {
  const response = await fetch(`${server.url}${path}`, { headers: { 'X-Sales-User': String(server.users[as]), 'Accept-Language': 'en' } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Every file under a folder, relative paths, sorted. */
export async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(folder.length + 1))
    .sort();
}

export async function attachmentCount(db: Knex): Promise<number> {
  const [{ n }] = await db('sales_attachments').count({ n: '*' });
  return Number(n);
}
