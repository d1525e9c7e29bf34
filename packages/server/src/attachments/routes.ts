/**
 * The attachment endpoints (docs/server.md#attachments):
 *
 *   GET    /:resource/:id/attachments   the record's files, newest first, and what the reader may do
 *   POST   /:resource/:id/attachments   multipart/form-data, one or more files, all kept or none
 *   GET    /attachments/:id/content     the bytes (`?inline=1`: shown in the browser, for images and PDF)
 *   DELETE /attachments/:id             by the uploader or an administrator, while the record is writable
 *
 * List and download need the record readable, upload and delete its write scope (as its PUT).
 */
import { inTransaction } from '../db/transactions.js';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import { create as contentDisposition } from 'content-disposition';
import type { Request, Router } from 'express';
import { ATTACHMENT_TYPES, DEFAULT_ATTACHMENT_MAX_BYTES, judgeAttachment, type Attachment, type AttachmentList } from '@ra-sales/schema';
import type { RequestContext } from '../router/context.js';
import type { ResourceInfo } from '../router/resources.js';
import { HttpError, forbidden, notFound } from '../router/errors.js';
import { listWords, phrase, requestLocale, resourceLabel } from '../router/locale.js';
import { parseId } from '../router/protocol.js';
import { findReadable, isWritable } from '../router/reads.js';
import type { SalesRouterOptions } from '../router/types.js';
import { MissingObjectError, type AttachmentOptions, type AttachmentStore } from './store.js';
import { isMultipart, receiveFiles, type SpooledFile } from './receive.js';
import {
  ATTACHMENTS_TABLE,
  describeAttachments,
  findReadableAttachment,
  insertAttachments,
  mayDelete,
  recordAttachments,
  type AttachmentRow,
} from './rows.js';

/** Files in one upload. */
export const MAX_FILES_PER_UPLOAD = 20;

/** Content types a browser may show in place; anything else is always a download. */
const INLINE = /^(image\/(png|jpeg|gif|webp)|application\/pdf)$/;

interface Dependencies {
  options: SalesRouterOptions;
  contextOf(req: Request): Promise<RequestContext>;
  resourceOf(req: Request): ResourceInfo;
}

interface Settings {
  store: AttachmentStore;
  maxBytes: number;
  extensions: string[];
  tempDir?: string;
}

function settingsOf(options: AttachmentOptions): Settings {
  const extensions = options.types ?? Object.keys(ATTACHMENT_TYPES);
  const unknown = extensions.filter((ext) => !Object.hasOwn(ATTACHMENT_TYPES, ext));
  if (unknown.length)
    throw new Error(`attachments.types: unknown extensions ${unknown.join(', ')} (known: ${Object.keys(ATTACHMENT_TYPES).join(', ')})`);
  return { store: options.store, maxBytes: options.maxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES, extensions, tempDir: options.tempDir };
}

/** The record's files, their type judged by their bytes; the first refusal answers for the whole upload. */
async function judgeFiles(files: SpooledFile[], settings: Settings, locale: string) {
  const judged = [];
  for (const file of files) {
    const sniffed = (await fileTypeFromFile(file.path))?.mime ?? null;
    const verdict = judgeAttachment({ fileName: file.fileName, sniffed }, settings.extensions);
    if (!verdict.ok) {
      const message =
        verdict.reason === 'type'
          ? phrase(locale, 'attachmentType', {
              file: file.fileName,
              extensions: listWords(
                locale,
                settings.extensions.map((e) => `.${e}`),
              ),
            })
          : phrase(locale, 'attachmentContent', { file: file.fileName, extension: `.${verdict.extension}` });
      throw new HttpError(415, message);
    }
    judged.push({ ...file, contentType: verdict.contentType });
  }
  return judged;
}

async function removeObjects(store: AttachmentStore, keys: string[]): Promise<void> {
  const results = await Promise.allSettled(keys.map((key) => store.delete(key)));
  for (const result of results)
    if (result.status === 'rejected') console.error('An attachment could not be removed from the store:', result.reason);
}

export function attachmentRoutes(router: Router, { options, contextOf, resourceOf }: Dependencies): void {
  const settings = options.attachments ? settingsOf(options.attachments) : undefined;
  const enabled = (req: Request): Settings => {
    if (!settings) throw new HttpError(501, phrase(requestLocale(req, options.model), 'attachmentsOff', {}));
    return settings;
  };
  const entityOf = (req: Request, ctx: RequestContext): ResourceInfo => {
    const resource = resourceOf(req);
    if (!resource.entity) throw notFound(phrase(ctx.locale, 'unknownResource', { name: JSON.stringify(resource.name) }));
    return resource;
  };
  const notWritable = (ctx: RequestContext, resource: ResourceInfo) =>
    forbidden(phrase(ctx.locale, 'attachmentNotWritable', { entity: resourceLabel(resource, ctx.locale) }));

  router.get('/attachments/:id/content', async (req, res) => {
    const { store } = enabled(req);
    const ctx = await contextOf(req);
    const { row } = await findReadableAttachment(ctx.knex, ctx, parseId(String(req.params.id), ctx.locale));
    let body: Readable;
    try {
      body = await store.get(row.storage_key);
    } catch (error) {
      if (error instanceof MissingObjectError) throw notFound(phrase(ctx.locale, 'attachmentUnknown', { id: String(row.id) }));
      throw error;
    }
    const inline = req.query.inline === '1' && INLINE.test(row.content_type);
    res.setHeader('Content-Type', row.content_type);
    res.setHeader('Content-Length', String(row.size));
    res.setHeader('Content-Disposition', contentDisposition(row.file_name, { type: inline ? 'inline' : 'attachment' }));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    await pipeline(body, res).catch((error: unknown) => {
      // A reader who went away mid-file: nothing more to say to them.
      if (!res.headersSent) throw error;
      res.destroy();
    });
  });

  router.delete('/attachments/:id', async (req, res) => {
    const { store } = enabled(req);
    const ctx = await contextOf(req);
    const id = parseId(String(req.params.id), ctx.locale);
    const deleted = await inTransaction(ctx.knex, async (trx) => {
      const { row, resource } = await findReadableAttachment(trx, ctx, id, true);
      const writable = await isWritable(trx, ctx, resource, row.record_id);
      if (!writable) throw notWritable(ctx, resource);
      if (!mayDelete(ctx, row, writable)) throw forbidden(phrase(ctx.locale, 'attachmentNotYours', { file: row.file_name }));
      await trx(ATTACHMENTS_TABLE).where({ id }).delete();
      return row;
    });
    // After the commit: a failed removal leaves an unreferenced object, never a row without its bytes.
    await removeObjects(store, [deleted.storage_key]);
    const [answer] = await describeAttachments(ctx, [deleted], false);
    res.json(answer);
  });

  router.get('/:resource/:id/attachments', async (req, res) => {
    const { maxBytes, extensions } = enabled(req);
    const ctx = await contextOf(req);
    const resource = entityOf(req, ctx);
    const id = parseId(String(req.params.id), ctx.locale);
    await findReadable(ctx.knex, ctx, resource, id);
    const writable = await isWritable(ctx.knex, ctx, resource, id);
    const rows = await recordAttachments(ctx.knex, resource, id);
    const answer: AttachmentList = {
      attachments: await describeAttachments(ctx, rows, writable),
      can_upload: writable,
      max_bytes: maxBytes,
      extensions,
    };
    res.json(answer);
  });

  router.post('/:resource/:id/attachments', async (req, res) => {
    const current = enabled(req);
    const ctx = await contextOf(req);
    const resource = entityOf(req, ctx);
    const id = parseId(String(req.params.id), ctx.locale);
    await findReadable(ctx.knex, ctx, resource, id);
    if (!(await isWritable(ctx.knex, ctx, resource, id))) throw notWritable(ctx, resource);
    if (!isMultipart(req)) throw new HttpError(415, phrase(ctx.locale, 'attachmentNotMultipart', {}));

    const upload = await receiveFiles(req, {
      maxBytes: current.maxBytes,
      maxFiles: MAX_FILES_PER_UPLOAD,
      tempDir: current.tempDir,
      locale: ctx.locale,
    });
    const stored: string[] = [];
    let answer: Attachment[];
    try {
      const files = await judgeFiles(upload.files, current, ctx.locale);
      const rows: Omit<AttachmentRow, 'id' | 'created_at'>[] = [];
      for (const file of files) {
        const key = `${resource.name}/${id}/${randomUUID()}`;
        await current.store.put(key, createReadStream(file.path), { contentType: file.contentType, size: file.size });
        stored.push(key);
        rows.push({
          resource: resource.name,
          record_id: id,
          file_name: file.fileName,
          content_type: file.contentType,
          size: file.size,
          sha256: file.sha256,
          storage_key: key,
          uploaded_by: ctx.user.id,
        });
      }
      // The record may have been deleted or handed over while the bytes travelled: judged again with the rows.
      const inserted = await inTransaction(ctx.knex, async (trx) => {
        await findReadable(trx, ctx, resource, id, true);
        if (!(await isWritable(trx, ctx, resource, id))) throw notWritable(ctx, resource);
        return insertAttachments(trx, rows);
      });
      stored.length = 0;
      answer = await describeAttachments(ctx, inserted, true);
    } finally {
      await removeObjects(current.store, stored);
      await upload.discard();
    }
    res.status(201).json(answer);
  });
}
