import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, start, stopChild } from '../hosts/processes.js';
import { COMPANY_EXAMPLE } from '../sales/environment.js';
import { REPO } from '../sales/paths.js';
import { type Serving, serveAndLook } from './serve.js';
import { jsonExample } from './markdown.js';
import { until } from './wait.js';
import { COMPANY } from './workspace.js';

/** What `check` answers for the 33 entities of the default domain (a list of warnings may follow). */
export const NO_ERRORS = '33 entities, no errors';

export interface Facts {
  /** The overlay file the walkthrough creates first. */
  overlayFile: string;
  /** Timings worth printing: name → ms. */
  timings: Map<string, number>;
}

type Check = (command: string, facts: Facts) => Promise<void>;

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const OVERLAY = `${COMPANY}/overlay`;
const GENERATED = `${COMPANY}/generated`;
const count = (text: string, part: string) => text.split(part).length - 1;

/** Runs a command to its end as printed; it must succeed. */
async function succeeds(command: string, facts: Facts): Promise<string> {
  const result = await run('bash', ['-c', command], { cwd: REPO, env: process.env, timeoutMs: 120_000 });
  assert.equal(result.code, 0, `${command} exited with ${result.code}:\n${result.output}`);
  facts.timings.set(command, result.ms);
  return result.output;
}

/** The generated model of my-company holds `text`. */
const generatedModelHas = (text: string) => {
  const path = join(REPO, GENERATED, 'model.js');
  return existsSync(path) && readFileSync(path, 'utf8').includes(text);
};

async function watchRegenerates(command: string, facts: Facts): Promise<void> {
  const watcher = start('bash', ['-c', command], { cwd: REPO, env: process.env });
  const generations = () => count(watcher.output(), `→ ${GENERATED}:`);
  try {
    await until('the watcher to start', () => watcher.output().includes('Watching'), 60_000, watcher.output);
    assert.equal(generations(), 1, `the watcher did not generate once on start:\n${watcher.output()}`);
    // A save in the overlay: a label for the customer's grade.
    const path = join(REPO, facts.overlayFile);
    const overlay = JSON.parse(readFileSync(path, 'utf8'));
    overlay.properties.grade = { 'x-label': { en: 'Customer tier', 'zh-CN': '客户级别' } };
    writeFileSync(path, `${JSON.stringify(overlay, null, 2)}\n`);
    await until('the new label in my-company/generated/model.js', () => generatedModelHas('Customer tier'), 30_000, watcher.output);
    await until('the watcher to report the regeneration', () => generations() >= 2, 10_000, watcher.output);
    const ms = /\((\d+) ms\)/.exec(watcher.output().split(`→ ${GENERATED}:`)[2] ?? '');
    if (ms) facts.timings.set('watch: one regeneration of the whole domain (as printed)', Number(ms[1]));
  } finally {
    await stopChild(watcher.child);
  }
  assert.notEqual(watcher.child.exitCode ?? watcher.child.signalCode, null, 'the watcher is still running after being stopped');
}

/** A start command serves (see serve.ts); how long its API took to answer is kept. */
async function serves(command: string, facts: Facts, serving: Serving): Promise<void> {
  facts.timings.set(`${command}: until the API answers`, await serveAndLook(command, serving));
}

const WALKTHROUGH = 'docs/walkthrough.md';
const RENAME = 'Rename a field without losing its values';

/**
 * The walkthrough's rename on the database `start --overlay` filled with demo data: the rename laid
 * into the overlay file, regenerated; the server then refuses to start and names this command; the
 * command writes the plan listing the rename with the values it keeps; the server then starts on it
 * and the customers carry their addresses under the new name.
 */
async function plansTheRename(command: string, facts: Facts): Promise<void> {
  const rename = jsonExample(WALKTHROUGH, readFileSync(join(REPO, WALKTHROUGH), 'utf8'), RENAME);
  const path = join(REPO, facts.overlayFile);
  assert.equal(rename.path, facts.overlayFile, `"${RENAME}" changes ${rename.path}, not the overlay file the walkthrough created`);
  const overlay = JSON.parse(readFileSync(path, 'utf8'));
  overlay.properties = { ...overlay.properties, ...JSON.parse(rename.json).properties };
  writeFileSync(path, `${JSON.stringify(overlay, null, 2)}\n`);
  await succeeds(`pnpm gen --overlay ${OVERLAY}`, facts);

  const refused = await run('bash', ['-c', `pnpm start --overlay ${OVERLAY}`], { cwd: REPO, env: process.env, timeoutMs: 180_000 });
  assert.notEqual(refused.code, 0, `the server started on a database the rename changes, without a plan:\n${refused.output}`);
  assert.match(refused.output, /rename column customers\.address to office_address: \d+ values keep their data under the new name/);
  assert.ok(refused.output.includes(`Write the plan to review: ${command} (writes ${COMPANY}/migration-plan.json)`), refused.output);

  const output = await succeeds(command, facts);
  assert.match(output, /rename column customers\.address to office_address: \d+ values keep their data/);
  const plan = JSON.parse(readFileSync(join(REPO, COMPANY, 'migration-plan.json'), 'utf8'));
  assert.deepEqual(
    plan.steps.map((step: { step: string }) => step.step),
    ['rename column customers.address to office_address'],
  );
  await serves(`pnpm start --overlay ${OVERLAY}`, facts, { field: 'office_address', label: /Office address|办公地址/ });
}

/**
 * Every command the docs print, by pattern: what running it must do. A printed command with no
 * entry here fails the test until it gets one or a `<!-- run: skip … -->` marker in the doc.
 */
export const CHECKS: [RegExp, Check][] = [
  [
    new RegExp(`^pnpm check --overlay ${literal(OVERLAY)}$`),
    async (command, facts) => assert.match(await succeeds(command, facts), new RegExp(`^${NO_ERRORS}`, 'm')),
  ],
  [
    /^pnpm check$/,
    async (command, facts) => {
      const output = await succeeds(command, facts);
      assert.equal(count(output, NO_ERRORS), 2, `the default domain and the company example should both pass:\n${output}`);
    },
  ],
  [
    new RegExp(`^pnpm gen --overlay ${literal(OVERLAY)}$`),
    async (command, facts) => {
      const output = await succeeds(command, facts);
      assert.match(output, new RegExp(`^33 entities → ${literal(GENERATED)}: `, 'm'));
      assert.ok(generatedModelHas('wechat_id'), `${GENERATED}/model.js has no wechat_id`);
    },
  ],
  [new RegExp(`^pnpm gen --overlay ${literal(OVERLAY)} --watch$`), watchRegenerates],
  [
    new RegExp(`^pnpm start --overlay ${literal(OVERLAY)}$`),
    (command, facts) =>
      serves(command, facts, {
        field: 'wechat_id',
        label: /WeChat ID|微信号/,
        makes: [`${GENERATED}/model.js`, `examples/backoffice/dist-${COMPANY}/index.html`, `.data/${COMPANY}`],
      }),
  ],
  [new RegExp(`^pnpm migrate:plan --overlay ${literal(OVERLAY)}$`), plansTheRename],
  [
    new RegExp(`^pnpm check --overlay ${literal(COMPANY_EXAMPLE)}$`),
    async (command, facts) => assert.match(await succeeds(command, facts), new RegExp(`^${NO_ERRORS}`, 'm')),
  ],
  [
    // The company example's generated files are committed and up to date: generating again writes none.
    new RegExp(`^pnpm gen --overlay ${literal(COMPANY_EXAMPLE)}$`),
    async (command, facts) => assert.match(await succeeds(command, facts), /^33 entities → examples\/company-oa\/generated: 0 written, /m),
  ],
  [
    /^pnpm start$/,
    (command, facts) =>
      serves(command, facts, {
        field: 'name',
        label: /Name|客户名称/,
        makes: ['examples/backoffice/dist/index.html'],
        throwawayData: true,
      }),
  ],
  [
    /^pnpm start:company$/,
    (command, facts) =>
      serves(command, facts, {
        field: 'current_oa_system',
        label: /OA system in use|现用 OA 系统/,
        makes: ['examples/backoffice/dist-company-oa/index.html'],
        throwawayData: true,
      }),
  ],
];
