/**
 * A real HTTP server around the router (random port), a fresh schema migrated from the default
 * domain, a few salespeople in two teams, and `ra-data-simple-rest` data providers acting as each.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { Knex } from 'knex';
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type DataProvider } from 'ra-core';
import { expect } from 'vitest';
import { applyMigrations } from '../../../src/migrate/index.js';
import { createSalesRouter, type SalesRouterOptions } from '../../../src/index.js';
import { defaultDomain } from './model.js';
import { replicaOf } from '../../support/databases.js';

export const TEST_USERS = {
  admin: { role: 'admin', team: 'north' },
  repA: { role: 'sales_rep', team: 'north' },
  repB: { role: 'sales_rep', team: 'north' },
  managerNorth: { role: 'sales_manager', team: 'north' },
  repSouth: { role: 'sales_rep', team: 'south' },
  managerSouth: { role: 'sales_manager', team: 'south' },
  generalManager: { role: 'general_manager', team: null },
  presales: { role: 'presales', team: 'north' },
  finance: { role: 'finance', team: null },
  legal: { role: 'legal', team: null },
  hr: { role: 'hr', team: null },
  director: { role: 'sales_director', team: null },
} as const;

export type UserName = keyof typeof TEST_USERS;

export interface HttpAnswer {
  status: number;
  headers: Headers;
  json: any;
  text: string;
}

export interface RequestOptions {
  as?: UserName | null;
  body?: unknown;
  /** Sent as is (for malformed bodies). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  users: Record<UserName, number>;
  /** A data provider sending `X-Sales-User` for the user. */
  as(user: UserName): DataProvider;
  request(method: string, path: string, options?: RequestOptions): Promise<HttpAnswer>;
  close(): Promise<void>;
}

async function seedUsers(db: Knex): Promise<Record<UserName, number>> {
  const teams: Record<string, number> = {};
  for (const name of ['north', 'south']) {
    const [row] = await db('teams')
      .insert({ name: `Team ${name}` })
      .returning('id');
    teams[name] = Number(row.id);
  }
  const users = {} as Record<UserName, number>;
  for (const [name, { role, team }] of Object.entries(TEST_USERS)) {
    const [row] = await db('salespeople')
      .insert({ name, role, status: 'active', team_id: team ? teams[team] : null })
      .returning('id');
    users[name as UserName] = Number(row.id);
  }
  if (users.admin !== 1) throw new Error('The admin must be salesperson 1 (use a fresh database)');
  return users;
}

/** The default domain's tables and the test users in a fresh database. */
export async function prepareTestDatabase(db: Knex, model = defaultDomain().model): Promise<Record<UserName, number>> {
  await applyMigrations(db, model);
  return seedUsers(db);
}

/** `request(method, path, { as })` against a running API at `url` (ending in `/api`). */
export function httpRequester(url: string, users: Record<UserName, number>): TestServer['request'] {
  const userHeader = (user: UserName | null | undefined): Record<string, string> => (user ? { 'X-Sales-User': String(users[user]) } : {});
  return async (method, path, { as = 'admin', body, rawBody, headers = {} } = {}) => {
    const hasBody = body !== undefined || rawBody !== undefined;
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        'Accept-Language': 'en',
        ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
        ...userHeader(as),
        ...headers,
      },
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    return answerOf(response);
  };
}

/** A response read whole: its status, headers, text and the JSON in it (undefined when it is none). */
export async function answerOf(response: Response): Promise<HttpAnswer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

export async function startTestServer(db: Knex, options: Partial<SalesRouterOptions> = {}): Promise<TestServer> {
  // Another domain (a company's overlay) may be given; the default domain otherwise.
  const { model, validators } =
    options.model && options.validators ? { model: options.model, validators: options.validators } : defaultDomain();
  const users = await prepareTestDatabase(db, model);
  const app = express();
  const replica = replicaOf(db);
  app.use(
    '/api',
    createSalesRouter({ knex: db, model, validators, auth: () => null, demoUsers: true, ...(replica ? { replica } : {}), ...options }),
  );
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;

  return {
    url,
    users,
    as(user) {
      const httpClient = (target: string, init: fetchUtils.Options = {}) => {
        const headers = new Headers(init.headers ?? { Accept: 'application/json' });
        headers.set('X-Sales-User', String(users[user]));
        headers.set('Accept-Language', 'en');
        return fetchUtils.fetchJson(target, { ...init, headers });
      };
      return simpleRestProvider(url, httpClient);
    },
    request: httpRequester(url, users),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** `POST /<resource>` as `as`, which must create the record (201, else the answer's text says why); answers it. */
export async function createAs(
  server: TestServer,
  as: UserName,
  resource: string,
  body: Record<string, unknown>,
): Promise<Record<string, any>> {
  const answer = await server.request('POST', `/${resource}`, { as, body });
  expect(answer.status, answer.text).toBe(201);
  return answer.json as Record<string, any>;
}

/** A stable fingerprint of a table's content, to prove a refused request changed nothing. */
export async function tableFingerprint(db: Knex, table: string): Promise<string> {
  const result = await db.raw(`select count(*)::int as n, coalesce(md5(string_agg(t::text, ',' order by t.id)), '') as h from ?? t`, [
    table,
  ]);
  const row = result.rows[0];
  return `${row.n}:${row.h}`;
}
