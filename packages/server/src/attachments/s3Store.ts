/** An S3-compatible bucket (AWS S3, MinIO, Ceph, OSS and COS in S3 mode) as the attachment store. */
import type { Readable } from 'node:stream';
import { MissingObjectError, type AttachmentStore } from './store.js';

export interface S3StoreOptions {
  bucket: string;
  /** The service's URL, for a store other than AWS (e.g. `http://minio:9000`). */
  endpoint?: string;
  region: string;
  /** Without them, the SDK's own chain (environment, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (MinIO and most self-hosted stores). */
  forcePathStyle?: boolean;
}

/**
 * One PUT per file with its length (the upload was spooled and checked first, so the length is
 * known and the body is a file stream the SDK can sign), GET and DELETE. Checksums only where the
 * service requires them: the SDK's default trailing checksums are not spoken by every S3-compatible store.
 */
export function s3Store(options: S3StoreOptions): AttachmentStore {
  // The SDK is loaded with the first file, not with the server: a start without S3 never pays for it.
  const sdk = once(async () => {
    const module = await import('@aws-sdk/client-s3');
    const client = new module.S3Client({
      region: options.region,
      endpoint: options.endpoint,
      credentials: options.credentials,
      forcePathStyle: options.forcePathStyle,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    return { ...module, client };
  });
  const Bucket = options.bucket;
  return {
    async put(key, stream, { contentType, size }) {
      const { client, PutObjectCommand } = await sdk();
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: stream, ContentLength: size, ContentType: contentType }));
    },
    async get(key) {
      const { client, GetObjectCommand, NoSuchKey } = await sdk();
      try {
        const { Body } = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!Body) throw new MissingObjectError(key);
        return Body as Readable;
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') throw new MissingObjectError(key);
        throw error;
      }
    },
    async delete(key) {
      const { client, DeleteObjectCommand } = await sdk();
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}
