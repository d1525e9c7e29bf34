/**
 * What the stage totals the database keeps (src/migrate/stageTotals.ts) cost the writes: the same
 * single-record transactions (insert an opportunity, move it to the next stage) with the triggers
 * and without them, alternately, on one database.
 *
 *   pnpm --filter @ra-sales/server bench:stage-totals
 *
 * STAGE_TOTALS_UPDATE=name edits the name instead of moving the stage (an update the totals ignore).
 * STAGE_TOTALS_CLIENTS (8) transactions run at once, all for the same owner in the same stages
 * (the worst case for a kept total: every writer adds to the same key), STAGE_TOTALS_WRITES (2,000)
 * per round, STAGE_TOTALS_ROUNDS (3) rounds of each side. Without the triggers means their function
 * and table dropped; the next round with them migrates again, which makes the table and fills it. Printed:
 * transactions per second of each round, the medians, their ratio, and whether the kept totals
 * equal a count of the records at the end.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { model } from '@ra-sales/domain';
import type { Knex } from 'knex';
import { applyMigrations, stageTotalsTable } from '../src/migrate/index.js';
import { addSalesForce, openDatabase } from './database.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CLIENTS = env('STAGE_TOTALS_CLIENTS', 8);
const WRITES = env('STAGE_TOTALS_WRITES', 2_000);
const ROUNDS = env('STAGE_TOTALS_ROUNDS', 3);
/** `stage`: the transaction moves the record on; `name`: it edits a field the totals do not keep. */
const UPDATE = process.env.STAGE_TOTALS_UPDATE === 'name' ? 'name' : 'stage';
const RESOURCE = 'opportunities';
const log = (message: string) => console.error(`[stage-totals] ${message}`);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** WRITES transactions, CLIENTS at a time: insert one record, move it to the next stage. Answers transactions per second. */
async function writeRound(db: Knex, record: Record<string, unknown>, field: string, next: string): Promise<number> {
  let left = WRITES;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (left-- > 0) {
        await db.transaction(async (trx) => {
          const [row] = await trx(RESOURCE).insert(record, ['id']);
          await trx(RESOURCE)
            .where('id', row.id)
            .update({ [field]: next });
        });
      }
    }),
  );
  return WRITES / ((performance.now() - started) / 1000);
}

async function keptEqualsCounted(db: Knex, keys: string[]): Promise<boolean> {
  const list = keys.map((k) => `"${k}"`).join(', ');
  const result = await db.raw(
    `SELECT count(*)::int AS differences FROM (
       (SELECT ${list}, sum(_count)::bigint AS n FROM ${stageTotalsTable(RESOURCE)} GROUP BY ${list} HAVING sum(_count) <> 0
        EXCEPT SELECT ${list}, count(*)::bigint FROM ${RESOURCE} GROUP BY ${list})
       UNION ALL
       (SELECT ${list}, count(*)::bigint FROM ${RESOURCE} GROUP BY ${list}
        EXCEPT SELECT ${list}, sum(_count)::bigint FROM ${stageTotalsTable(RESOURCE)} GROUP BY ${list} HAVING sum(_count) <> 0)) d`,
  );
  return result.rows[0].differences === 0;
}

async function main() {
  const database = await openDatabase({ poolMax: CLIENTS + 2, prefix: 'bench_stage_totals', log });
  try {
    const db = database.db;
    await applyMigrations(db, model);
    const force = await addSalesForce(db);
    const entity = model.entities[RESOURCE]!;
    const workflow = entity.workflow!;
    const [customer] = await db('customers').insert({ name: 'Bench customer', owner_id: force.adminId }, ['id']);
    const owner = entity.access.ownerField!;
    const record = {
      name: 'Bench opportunity',
      customer_id: customer.id,
      [owner]: force.adminId,
      [workflow.field]: workflow.initial,
      ...(workflow.amountField ? { [workflow.amountField]: 1000 } : {}),
      ...(workflow.probabilityField ? { [workflow.probabilityField]: 10 } : {}),
    };
    const next = workflow.transitions.find((t) => t.from === workflow.initial)!.to;
    const keys = [workflow.pipelines?.field, workflow.field, owner].filter((k): k is string => !!k);

    const kept: number[] = [];
    const none: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      await applyMigrations(db, model);
      kept.push(await writeRound(db, record, workflow.field, next));
      log(`round ${round}, triggers on:  ${kept.at(-1)!.toFixed(0)} tx/s`);
      await db.raw(`DROP FUNCTION ${stageTotalsTable(RESOURCE)}() CASCADE`);
      await db.raw(`DROP TABLE ${stageTotalsTable(RESOURCE)}`);
      none.push(await writeRound(db, record, workflow.field, next));
      log(`round ${round}, triggers off: ${none.at(-1)!.toFixed(0)} tx/s`);
    }
    await applyMigrations(db, model);
    await writeRound(db, record, workflow.field, next);
    const load = os.loadavg()[0]!.toFixed(1);
    const what = UPDATE === 'stage' ? 'insert + stage move' : 'insert + an edit of its name';
    console.log(`| ${CLIENTS} clients, ${WRITES} transactions a round (${what}), one owner and stage | tx/s |`);
    console.log('| --- | ---: |');
    console.log(`| with the kept totals, rounds | ${kept.map((v) => v.toFixed(0)).join(', ')} |`);
    console.log(`| without them, rounds | ${none.map((v) => v.toFixed(0)).join(', ')} |`);
    console.log(`| median with / without | ${(median(kept) / median(none)).toFixed(2)} |`);
    console.log(`load average at the end: ${load}`);
    console.log(`kept totals equal the records after the last round: ${await keptEqualsCounted(db, keys)}`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
