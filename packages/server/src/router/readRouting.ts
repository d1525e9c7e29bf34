/**
 * Which database answers a read: the streaming replica when the router has one, except for a user
 * whose own write the replica has not replayed yet (read-your-writes). A write marks its user
 * before it starts and notes the primary's WAL insert position once answered; that user's reads go
 * to the primary until the replica's replay position passes it.
 *
 * The marks live in this process: several API processes behind one balancer need sticky sessions
 * (docs/scaling.md).
 */
import type { Knex } from 'knex';

/** Marks kept at most, oldest dropped first: a dropped mark only costs a possibly stale read after a very old write. */
const MAX_MARKS = 10_000;
/** A write whose position could not be read yet. */
const UNKNOWN = '';

export type ReadSource = 'primary' | 'replica';

export class ReadRouting {
  readonly #primary: Knex;
  readonly #replica: Knex;
  /** User id → the primary's WAL position after their last write, or UNKNOWN while it runs. */
  readonly #marks = new Map<number, string>();

  constructor(primary: Knex, replica: Knex) {
    this.#primary = primary;
    this.#replica = replica;
  }

  /** Before a write: until `wrote`, the user's reads go to the primary. */
  writing(userId: number): void {
    this.#mark(userId, UNKNOWN);
  }

  /** After a write was answered: the position the replica must reach before it serves the user again. */
  async wrote(userId: number): Promise<void> {
    const { rows } = await this.#primary.raw('select pg_current_wal_insert_lsn()::text as lsn');
    this.#mark(userId, String(rows[0].lsn));
  }

  async source(userId: number): Promise<ReadSource> {
    const mark = this.#marks.get(userId);
    if (mark === undefined) return 'replica';
    if (mark === UNKNOWN) return 'primary';
    const { rows } = await this.#replica.raw('select coalesce(pg_last_wal_replay_lsn() >= ?::pg_lsn, false) as caught_up', [mark]);
    if (!rows[0].caught_up) return 'primary';
    // A later write may have replaced the mark meanwhile; only the one checked is done.
    if (this.#marks.get(userId) === mark) this.#marks.delete(userId);
    return 'replica';
  }

  db(source: ReadSource): Knex {
    return source === 'replica' ? this.#replica : this.#primary;
  }

  #mark(userId: number, position: string): void {
    this.#marks.delete(userId);
    this.#marks.set(userId, position);
    if (this.#marks.size > MAX_MARKS) this.#marks.delete(this.#marks.keys().next().value!);
  }
}
