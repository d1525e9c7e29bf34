import type { Request } from 'express';
import type { Knex } from 'knex';
import type { SalesModel, Validators } from '@ra-sales/schema';

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
  /** Above this many (estimated) rows a list total is no longer counted exactly (default 100 000). */
  exactCountLimit?: number;
}

/** Anything that runs queries: the knex instance or a transaction. */
export type Db = Knex | Knex.Transaction;

/** A JSON row as stored and returned. */
export type Row = Record<string, unknown> & { id: number };
