/**
 * Records written before a schema change added computed values and roll-ups get them right after
 * the migration, without being saved again.
 */
import { beforeAll, expect, it } from 'vitest';
import { applyMigrations } from '../../src/migrate/index.js';
import { refreshAfterMigration } from '../../src/router/facts/afterMigration.js';
import { forEachDatabase } from '../support/databases.js';
import { defaultDomain } from '../router/support/model.js';

forEachDatabase('refresh after a migration', (database) => {
  const domain = defaultDomain();

  beforeAll(async () => {
    await database.reset();
    await applyMigrations(database.db, domain.model);
  });

  it('fills the computed values and roll-ups of records already stored', async () => {
    const db = database.db;
    // Rows as a database migrated from an older schema holds them: the new columns are empty.
    const [customer] = await db('customers').insert({ name: 'Stored before', grade: 'B' }).returning('id');
    const lines = JSON.stringify([
      { product_id: 1, quantity: 2, unit_price: 500, amount: 1000 },
      { product_id: 1, quantity: 1, unit_price: 250, amount: 250 },
    ]);
    const [contract] = await db('contracts')
      .insert({ contract_number: 'HT-OLD-1', name: 'Old', customer_id: customer.id, status: 'signed', lines })
      .returning('id');
    await db('collections').insert({
      name: 'Old receipt',
      customer_id: customer.id,
      contract_id: contract.id,
      amount: 1250,
      received_amount: 250,
      expected_date: '2099-01-01',
      status: 'partially_received',
    });

    const result = await refreshAfterMigration(db, domain.model, domain.validators);
    expect(result.refused).toEqual([]);
    expect(result.changed).toBeGreaterThanOrEqual(3);
    expect(await db('contracts').where('id', contract.id).first()).toMatchObject({
      amount: expect.anything(),
      payment_status: 'partially_paid',
    });
    const stored = await db('contracts').where('id', contract.id).first();
    expect([Number(stored.amount), Number(stored.received_amount), Number(stored.outstanding_amount)]).toEqual([1250, 250, 1000]);
    expect(Number((await db('customers').where('id', customer.id).first()).open_receivables)).toBe(1000);
    expect((await refreshAfterMigration(db, domain.model, domain.validators)).changed).toBe(0);
  });
});
