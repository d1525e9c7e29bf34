/**
 * The edge of the S3 store's tests: an HTTP server speaking the three calls the store makes, path
 * style (`PUT`, `GET`, `DELETE /<bucket>/<key>`), objects kept in a map. Signatures are not checked.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface S3Mock {
  endpoint: string;
  /** Stored objects by `<bucket>/<key>`. */
  objects: Map<string, { body: Buffer; contentType: string | undefined }>;
  /** Every call, as `METHOD /bucket/key`. */
  calls: string[];
  close(): Promise<void>;
}

export async function startS3Mock(): Promise<S3Mock> {
  const objects: S3Mock['objects'] = new Map();
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://s3').pathname).slice(1);
    calls.push(`${req.method} /${path}`);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const found = objects.get(path);
      if (req.method === 'PUT') {
        objects.set(path, { body: Buffer.concat(chunks), contentType: req.headers['content-type'] });
        res.writeHead(200, { ETag: '"mock"' }).end();
      } else if (req.method === 'GET' && found) {
        res.writeHead(200, { 'Content-Type': found.contentType ?? 'application/octet-stream', 'Content-Length': found.body.length });
        res.end(found.body);
      } else if (req.method === 'GET') {
        res.writeHead(404, { 'Content-Type': 'application/xml' });
        res.end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>',
        );
      } else if (req.method === 'DELETE') {
        objects.delete(path);
        res.writeHead(204).end();
      } else {
        res.writeHead(405).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
