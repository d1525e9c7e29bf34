/**
 * The attachment store of the standalone server, from the environment:
 *
 *   ATTACHMENTS_DIR       the folder of the files (default <DATA_DIR>/attachments, DATA_DIR default .data/pglite)
 *   S3_BUCKET             an S3-compatible bucket instead of the folder, with
 *   S3_REGION             default us-east-1
 *   S3_ENDPOINT           the service's URL, for a store other than AWS (MinIO: http://minio:9000)
 *   S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY   else the AWS SDK's own chain (environment, instance role)
 *   S3_FORCE_PATH_STYLE   1 or true: bucket in the path (MinIO and most self-hosted stores)
 *   ATTACHMENTS_MAX_MB    the largest file accepted (default 20)
 */
import { resolve } from 'node:path';
import { DEFAULT_PGLITE_DIR } from '../db/connect.js';
import type { AttachmentOptions } from './store.js';
import { diskStore } from './store.js';
import { s3Store } from './s3Store.js';

export function attachmentsFromEnv(env: NodeJS.ProcessEnv = process.env): AttachmentOptions {
  const maxMb = env.ATTACHMENTS_MAX_MB ? Number(env.ATTACHMENTS_MAX_MB) : undefined;
  if (maxMb !== undefined && !(maxMb > 0)) throw new Error(`ATTACHMENTS_MAX_MB must be a number above 0, not ${env.ATTACHMENTS_MAX_MB}`);
  const maxBytes = maxMb === undefined ? undefined : Math.round(maxMb * 1024 * 1024);
  if (env.S3_BUCKET) {
    const credentials =
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined;
    const store = s3Store({
      bucket: env.S3_BUCKET,
      region: env.S3_REGION ?? 'us-east-1',
      endpoint: env.S3_ENDPOINT || undefined,
      credentials,
      forcePathStyle: /^(1|true|yes)$/i.test(env.S3_FORCE_PATH_STYLE ?? ''),
    });
    return { store, maxBytes };
  }
  return { store: diskStore(attachmentsFolder(env)), maxBytes };
}

const attachmentsFolder = (env: NodeJS.ProcessEnv) => env.ATTACHMENTS_DIR ?? resolve(env.DATA_DIR ?? DEFAULT_PGLITE_DIR, 'attachments');

/** Where the files go, for the start-up log. */
export function describeAttachmentStore(env: NodeJS.ProcessEnv = process.env): string {
  if (env.S3_BUCKET) return `S3 bucket ${env.S3_BUCKET}${env.S3_ENDPOINT ? ` at ${env.S3_ENDPOINT}` : ''}`;
  return attachmentsFolder(env);
}
