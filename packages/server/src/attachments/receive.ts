/**
 * Reads a multipart/form-data upload as it arrives (busboy), each file written to a private
 * temporary folder while its SHA-256 and size are computed. A file over the limit stops the
 * upload at once: the rest of the request is read and thrown away, the folder removed.
 * Spooling first means nothing reaches the store before every file has been judged, and the
 * store is given the exact length (an S3 PUT needs it) and a file stream it can read again.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import busboy from 'busboy';
import { formatFileSize } from '@ra-sales/schema';
import { HttpError, badRequest } from '../router/errors.js';
import { phrase } from '../router/locale.js';

export interface SpooledFile {
  fileName: string;
  /** Where the bytes wait, inside `SpooledUpload.folder`. */
  path: string;
  size: number;
  sha256: string;
}

export interface SpooledUpload {
  folder: string;
  files: SpooledFile[];
  /** Removes the temporary folder and everything in it. */
  discard(): Promise<void>;
}

export interface ReceiveOptions {
  maxBytes: number;
  maxFiles: number;
  tempDir?: string;
  locale: string;
}

const MULTIPART = /^multipart\/form-data\b/i;

export function isMultipart(req: Request): boolean {
  return MULTIPART.test(req.get('content-type') ?? '');
}

/** Every file of the request, spooled; refusals (too large, too many, unreadable) as HttpErrors, nothing left behind. */
export async function receiveFiles(req: Request, options: ReceiveOptions): Promise<SpooledUpload> {
  const { maxBytes, maxFiles, locale } = options;
  const folder = await mkdtemp(join(options.tempDir ?? tmpdir(), 'ra-sales-upload-'));
  const discard = () => rm(folder, { recursive: true, force: true });
  const files: Promise<SpooledFile>[] = [];
  const open = new Set<Readable>();
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const parser = busboy({
        headers: req.headers,
        // Browsers send file names as raw UTF-8: 合同.pdf stays 合同.pdf.
        defParamCharset: 'utf8',
        // busboy stops a file when it reaches `fileSize`: one byte more lets a file of exactly `maxBytes` through.
        limits: { fileSize: maxBytes + 1, files: maxFiles, fields: 20, parts: maxFiles + 20 },
      });
      const fail = (error: unknown) => {
        if (failed) return;
        failed = true;
        req.unpipe(parser);
        // Files still arriving are cut short, so that their spooled copies close and can be removed.
        for (const stream of open) stream.destroy();
        // The client is still sending: read the rest and drop it, so that it gets the answer.
        req.resume();
        reject(error);
      };
      parser.on('file', (_field, stream, info) => {
        if (failed) {
          stream.resume();
          return;
        }
        open.add(stream);
        stream.once('close', () => open.delete(stream));
        const fileName = info.filename ?? '';
        const path = join(folder, String(files.length));
        const hash = createHash('sha256');
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          hash.update(chunk);
          size += chunk.length;
        });
        stream.on('limit', () =>
          fail(new HttpError(413, phrase(locale, 'attachmentTooLarge', { file: fileName, limit: formatFileSize(maxBytes, locale) }))),
        );
        const spooled = pipeline(stream, createWriteStream(path)).then(() => ({ fileName, path, size, sha256: hash.digest('hex') }));
        spooled.catch(fail);
        files.push(spooled);
      });
      parser.on('filesLimit', () => fail(new HttpError(413, phrase(locale, 'attachmentTooMany', { count: String(maxFiles) }))));
      parser.on('error', (error: Error) => fail(badRequest(phrase(locale, 'attachmentUnreadable', { detail: error.message }))));
      parser.on('close', () => {
        if (!failed) resolve();
      });
      req.on('aborted', () => fail(badRequest(phrase(locale, 'attachmentUnreadable', { detail: 'aborted' }))));
      req.pipe(parser);
    });
    const spooled = await Promise.all(files);
    if (spooled.length === 0 || spooled.some((f) => f.fileName === '')) throw badRequest(phrase(locale, 'attachmentNoFile', {}));
    return { folder, files: spooled, discard };
  } catch (error) {
    // Writes of files still open settle before the folder goes.
    await Promise.allSettled(files);
    await discard();
    throw error;
  }
}
