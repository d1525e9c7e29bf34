import type { Request } from 'express';
import type { Knex } from 'knex';
import type { SalesModel, Validators } from '@ra-sales/schema';
import type { NotifyHook } from './activities/notifications.js';
import type { AttachmentOptions } from '../attachments/store.js';

/** The person a request acts for. */
export interface SalesUser {
  id: number;
  roles: string[];
  teamId?: number | null;
}

export type AuthHook = (req: Request) => SalesUser | null | undefined | Promise<SalesUser | null | undefined>;

export interface SalesRouterOptions {
  knex: Knex;
  model: SalesModel;
  validators: Validators;
  /** Who is calling; `null` answers 401. */
  auth: AuthHook;
  /** When true, the header `X-Sales-User: <id>` picks a salesperson as the user (demo only). */
  demoUsers?: boolean;
  /** Served as `GET /openapi.json` when given. */
  openapi?: object;
  /** Largest accepted JSON body, in the notation of body-parser (default `1mb`). */
  bodyLimit?: string | number;
  /** Send CORS headers and answer preflight requests (default true). */
  cors?: boolean;
  /** A list total counts at most this many rows exactly; above, it is the planner's estimate (default 1 000, see docs/server.md, Counting). */
  exactCountLimit?: number;
  /**
   * Called after a write commits, once per notification (an approval requested or decided, a task
   * assigned), so the host can send an e-mail or a chat message; not awaited, its errors are logged.
   */
  notify?: NotifyHook;
  /**
   * A connection to a streaming replica of `knex`'s database: GET requests read there, except a
   * user's reads after their own write until the replica has replayed it (docs/scaling.md).
   */
  replica?: Knex;
  /**
   * PostgreSQL: the statements compiled once per shape are prepared on each connection (default
   * true), so that PostgreSQL parses them once per connection, not once per request. `false` sends
   * them unnamed, on `knex` and `replica`: for PgBouncer in transaction mode before 1.21 (or with
   * `max_prepared_statements = 0`), which cannot keep a statement from one transaction to the next.
   */
  preparedStatements?: boolean;
  /** Files on records: the store and its limits (docs/server.md#attachments); without it the attachment routes answer 501. */
  attachments?: AttachmentOptions;
}

/** Anything that runs queries: the knex instance or a transaction. */
export type Db = Knex | Knex.Transaction;

/** A JSON row as stored and returned. */
export type Row = Record<string, unknown> & { id: number };
