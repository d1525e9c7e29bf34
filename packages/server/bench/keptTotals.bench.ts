/**
 * What the totals the database keeps (src/migrate/stageTotals.ts, wonTotals.ts) cost the writes:
 * the same single-record transactions with their triggers and without them, alternately, on one
 * database.
 *
 *   pnpm --filter @ra-sales/server bench:kept-totals
 *
 * KEPT_TOTALS_UPDATE says what each transaction does after inserting an opportunity:
 *   stage  moves it to the next stage (the stage totals move it; the won totals ignore it)
 *   name   edits its name (both ignore it, but their triggers still run)
 *   win    moves it to its won stage (both keep it: the won totals lock and read its customer)
 * KEPT_TOTALS_CLIENTS (8) transactions run at once, all for the same owner and customer in the
 * same stages (the worst case for a kept total: every writer adds to the same key),
 * KEPT_TOTALS_WRITES (2,000) per round, KEPT_TOTALS_ROUNDS (3) rounds of each side. Without the
 * triggers means every kept table and its functions dropped; the next round with them migrates
 * again, which makes the tables and fills them. Printed: transactions per second of each round, the
 * medians, their ratio, and whether the kept totals equal a count of the records at the end.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { model } from '@ra-sales/domain';
import type { Knex } from 'knex';
import { applyMigrations, stageTotalsTable, wonTotalsDefinition } from '../src/migrate/index.js';
import { dropStaleSummaries } from '../src/migrate/keptSummaries.js';
import { addSalesForce, openDatabase } from './database.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CLIENTS = env('KEPT_TOTALS_CLIENTS', 8);
const WRITES = env('KEPT_TOTALS_WRITES', 2_000);
const ROUNDS = env('KEPT_TOTALS_ROUNDS', 3);
const UPDATES = ['stage', 'name', 'win'] as const;
const UPDATE = UPDATES.find((u) => u === process.env.KEPT_TOTALS_UPDATE) ?? 'stage';
const RESOURCE = 'opportunities';
const log = (message: string) => console.error(`[kept-totals] ${message}`);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** WRITES transactions, CLIENTS at a time: insert one record, then `change` it. Answers transactions per second. */
async function writeRound(db: Knex, record: Record<string, unknown>, change: Record<string, unknown>): Promise<number> {
  let left = WRITES;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (left-- > 0) {
        await db.transaction(async (trx) => {
          const [row] = await trx(RESOURCE).insert(record, ['id']);
          await trx(RESOURCE).where('id', row.id).update(change);
        });
      }
    }),
  );
  return WRITES / ((performance.now() - started) / 1000);
}

/** Rows on which the kept `table` (its keys, `_count` and `_amount` added up) and the same figures of `counted` differ. */
async function differences(db: Knex, table: string, keys: string[], counted: string): Promise<number> {
  const list = keys.map((k) => `"${k}"`).join(', ');
  const kept = `SELECT ${list}, sum(_count)::bigint AS n, sum(_amount) AS amount FROM ${table} GROUP BY ${list} HAVING sum(_count) <> 0`;
  const result = await db.raw(`SELECT count(*)::int AS n FROM ((${kept} EXCEPT ${counted}) UNION ALL (${counted} EXCEPT ${kept})) d`);
  return result.rows[0].n;
}

async function main() {
  const database = await openDatabase({ poolMax: CLIENTS + 2, prefix: 'bench_kept_totals', log });
  try {
    const db = database.db;
    await applyMigrations(db, model);
    const force = await addSalesForce(db);
    const entity = model.entities[RESOURCE]!;
    const workflow = entity.workflow!;
    const amount = workflow.amountField!;
    const [customer] = await db('customers').insert({ name: 'Bench customer', owner_id: force.adminId }, ['id']);
    const owner = entity.access.ownerField!;
    const record = {
      name: 'Bench opportunity',
      customer_id: customer.id,
      [owner]: force.adminId,
      [workflow.field]: workflow.initial,
      [amount]: 1000,
      ...(workflow.probabilityField ? { [workflow.probabilityField]: 10 } : {}),
    };
    const won = workflow.stages.find((stage) => stage.kind === 'won')!.id;
    const next = workflow.transitions.find((t) => t.from === workflow.initial)!.to;
    const change = { stage: { [workflow.field]: next }, name: { name: 'Bench opportunity, renamed' }, win: { [workflow.field]: won } }[
      UPDATE
    ];

    const kept: number[] = [];
    const none: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      await applyMigrations(db, model);
      kept.push(await writeRound(db, record, change));
      log(`round ${round}, triggers on:  ${kept.at(-1)!.toFixed(0)} tx/s`);
      await dropStaleSummaries(db, []);
      none.push(await writeRound(db, record, change));
      log(`round ${round}, triggers off: ${none.at(-1)!.toFixed(0)} tx/s`);
    }
    await applyMigrations(db, model);
    await writeRound(db, record, change);
    const load = os.loadavg()[0]!.toFixed(1);
    const what = { stage: 'insert + stage move', name: 'insert + an edit of its name', win: 'insert + a move to won' }[UPDATE];
    console.log(`| ${CLIENTS} clients, ${WRITES} transactions a round (${what}), one owner, customer and stage | tx/s |`);
    console.log('| --- | ---: |');
    console.log(`| with the kept totals, rounds | ${kept.map((v) => v.toFixed(0)).join(', ')} |`);
    console.log(`| without them, rounds | ${none.map((v) => v.toFixed(0)).join(', ')} |`);
    console.log(`| median with / without | ${(median(kept) / median(none)).toFixed(2)} |`);
    console.log(`load average at the end: ${load}`);
    const stageKeys = [workflow.pipelines?.field, workflow.field, owner].filter((k): k is string => !!k);
    const stageDiff = await differences(
      db,
      stageTotalsTable(RESOURCE),
      stageKeys,
      `SELECT ${stageKeys.map((k) => `"${k}"`).join(', ')}, count(*)::bigint, coalesce(sum("${amount}"), 0) FROM ${RESOURCE} GROUP BY ${stageKeys.map((k) => `"${k}"`).join(', ')}`,
    );
    const wonTable = wonTotalsDefinition(model)!.table;
    const wonDiff = await differences(
      db,
      wonTable,
      ['_month', owner],
      `SELECT date_trunc('month', stage_entered_at::date)::date, "${owner}", count(*)::bigint, coalesce(sum("${amount}"), 0) FROM ${RESOURCE} WHERE "${workflow.field}" = '${won}' GROUP BY 1, 2`,
    );
    console.log(`kept totals equal the records after the last round: stage totals ${stageDiff === 0}, won totals ${wonDiff === 0}`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
