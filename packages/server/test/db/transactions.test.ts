/** The router's transactions (`inTransaction`): knex's semantics, on PostgreSQL without knex's transactor. */
import { beforeAll, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { inTransaction } from '../../src/db/transactions.js';
import { forEachDatabase } from '../support/databases.js';

const names = async (db: Knex) => (await db('tx_probe').orderBy('id').select('name')).map((row) => row.name);

forEachDatabase('inTransaction', (database) => {
  beforeAll(async () => {
    await database.db.raw('DROP TABLE IF EXISTS tx_probe');
    await database.db.raw('CREATE TABLE tx_probe (id serial PRIMARY KEY, name text NOT NULL UNIQUE)');
  });

  it('commits what the work wrote and answers what it answered', async () => {
    const answer = await inTransaction(database.db, async (trx) => {
      await trx('tx_probe').insert({ name: 'kept' });
      await trx.raw('INSERT INTO tx_probe (name) VALUES (?)', ['kept too']);
      expect(await names(trx)).toEqual(['kept', 'kept too']);
      return 42;
    });
    expect(answer).toBe(42);
    expect(await names(database.db)).toEqual(['kept', 'kept too']);
  });

  it('rolls everything back when the work throws, and rethrows its error', async () => {
    const refused = new Error('refused by a rule');
    await expect(
      inTransaction(database.db, async (trx) => {
        await trx('tx_probe').insert({ name: 'lost' });
        throw refused;
      }),
    ).rejects.toBe(refused);
    await expect(
      inTransaction(database.db, async (trx) => {
        await trx('tx_probe').insert({ name: 'lost too' });
        await trx('tx_probe').insert({ name: 'kept' });
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await names(database.db)).toEqual(['kept', 'kept too']);
  });

  it('rolls back to a savepoint only (trx.transaction), as knex does', async () => {
    await inTransaction(database.db, async (trx) => {
      await trx('tx_probe').insert({ name: 'outer' });
      await expect(
        trx.transaction(async (savepoint) => {
          await savepoint('tx_probe').insert({ name: 'inner, lost' });
          await savepoint('tx_probe').insert({ name: 'outer' });
        }),
      ).rejects.toMatchObject({ code: '23505' });
      await trx.transaction((savepoint) => savepoint('tx_probe').insert({ name: 'inner, kept' }));
    });
    expect(await names(database.db)).toEqual(['kept', 'kept too', 'outer', 'inner, kept']);
  });

  it('refuses a statement sent on a transactor after its transaction ended, writing nothing', async () => {
    let kept: Knex.Transaction | undefined;
    await inTransaction(database.db, async (trx) => {
      kept = trx;
      expect(trx.isTransaction && trx.isCompleted()).toBe(false);
    });
    expect(kept!.isCompleted()).toBe(true);
    await expect(kept!('tx_probe').insert({ name: 'late' })).rejects.toThrow(/Transaction query already complete/);
    expect(await names(database.db)).not.toContain('late');
  });

  it('gives its connection back, whatever the outcome, and tags its statements with one transaction id', async () => {
    const runs = Array.from({ length: 40 }, (_, i) =>
      inTransaction(database.db, async (trx) => {
        await trx('tx_probe').where('name', `none ${i}`).first();
        if (i % 3 === 0) throw new Error('rolled back');
      }).catch(() => undefined),
    );
    await Promise.all(runs);
    const statements: { sql: string; __knexTxId?: string }[] = [];
    const noting = (q: { sql: string; __knexTxId?: string }) => statements.push(q);
    database.db.on('query', noting);
    try {
      await inTransaction(database.db, (trx) => trx('tx_probe').count({ n: '*' }));
    } finally {
      database.db.off('query', noting);
    }
    const ids = new Set(statements.filter((q) => /tx_probe/.test(q.sql)).map((q) => q.__knexTxId));
    expect([...ids]).toHaveLength(1);
    expect([...ids][0]).toBeDefined();
  });

  if (database.kind === 'postgres') {
    it('answers the error of a connection lost mid-transaction, and the next transaction gets a sound one', async () => {
      await expect(
        inTransaction(database.db, async (trx) => {
          await trx('tx_probe').insert({ name: 'cut off' });
          await trx.raw('SELECT pg_terminate_backend(pg_backend_pid())');
        }),
      ).rejects.toThrow();
      expect(await names(database.db)).not.toContain('cut off');
      await inTransaction(database.db, (trx) => trx('tx_probe').insert({ name: 'after the cut' }));
      expect(await names(database.db)).toContain('after the cut');
    });
  }
});
