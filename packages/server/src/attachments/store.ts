/**
 * Where the bytes of attached files live: a folder on disk by default (`diskStore`), an
 * S3-compatible bucket when configured (`s3Store`). The database keeps the rows; a store knows
 * only keys, which the server makes up (`<resource>/<record id>/<uuid>`).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredObjectInfo {
  contentType: string;
  /** Bytes, known before the upload starts (an S3 PUT needs its length). */
  size: number;
}

export interface AttachmentStore {
  put(key: string, stream: Readable, info: StoredObjectInfo): Promise<void>;
  get(key: string): Promise<Readable>;
  /** Removes the object; a missing one is no error. */
  delete(key: string): Promise<void>;
}

/** `SalesRouterOptions.attachments`: files on records, with their limits. */
export interface AttachmentOptions {
  store: AttachmentStore;
  /** The largest file accepted, in bytes (default 20 MB). */
  maxBytes?: number;
  /** Extensions accepted (default: every one of `ATTACHMENT_TYPES`). */
  types?: string[];
  /** Where uploads are spooled while they are checked (default the system's temporary folder). */
  tempDir?: string;
}

/** Keys are made by the server, but a store never trusts them: no `..`, no absolute paths. */
const SAFE_KEY = /^[a-z0-9_-]+(\/[a-zA-Z0-9_-]+)*$/;

export class MissingObjectError extends Error {
  constructor(key: string) {
    super(`No stored object ${key}`);
  }
}

/** Files under `folder`, one per key, in sub-folders per resource and record. */
export function diskStore(folder: string): AttachmentStore {
  const root = resolve(folder);
  const pathOf = (key: string) => {
    if (!SAFE_KEY.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
    return join(root, key);
  };
  return {
    async put(key, stream) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      try {
        await pipeline(stream, createWriteStream(path, { flags: 'wx' }));
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
    },
    async get(key) {
      const path = pathOf(key);
      const found = await stat(path).catch(() => undefined);
      if (!found?.isFile()) throw new MissingObjectError(key);
      return createReadStream(path);
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
