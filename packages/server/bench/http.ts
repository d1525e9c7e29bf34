/** The benches' HTTP side: servers on a free loopback port, the bench users' auth hook, one checked request. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express, Request } from 'express';
import type { SalesUser } from '../src/router/index.js';
import type { BenchRequest } from './load.js';

/** Who a bench request acts as (`X-Bench-User`). */
export type BenchUser = 'admin' | 'manager';

export async function listen(app: Express): Promise<{ origin: string; server: Server }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  server.keepAliveTimeout = 60_000;
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** The host's auth hook: the user from the `X-Bench-User` header, no database round trip. */
export function benchAuth(users: Record<BenchUser, SalesUser>) {
  return (req: Request) => users[(req.get('x-bench-user') ?? 'admin') as BenchUser] ?? null;
}

/** One request with fetch; anything but 2xx throws. */
export async function call(origin: string, request: BenchRequest): Promise<{ status: number; headers: Headers; json: any }> {
  const response = await fetch(`${origin}${request.path}`, {
    method: request.method ?? 'GET',
    headers: { accept: 'application/json', ...(request.body ? { 'content-type': 'application/json' } : {}), ...request.headers },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  if (response.status >= 300) throw new Error(`${request.method ?? 'GET'} ${request.path}: ${response.status} ${text.slice(0, 500)}`);
  return { status: response.status, headers: response.headers, json };
}
