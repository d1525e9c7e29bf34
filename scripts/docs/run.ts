/**
 * The commands docs/walkthrough.md and README.md's "Commands" print, run exactly as printed (read
 * from the markdown, so that a change of the docs changes the test): in the repository's main
 * folder, the walkthrough's first overlay file is created in my-company/ (its first json block),
 * then each command runs once, in the order printed, and must do what the docs say (checks.ts):
 * check and gen answer as shown and write only into my-company/generated, the watcher regenerates
 * after a save, and start serves the API and the admin screens with the new field (headless
 * Chromium, no console error). packages/domain and examples/company-oa/generated must be left as
 * they were. my-company/ (and its build and data folders) are removed at the end.
 *
 *   pnpm exec tsx scripts/docs/run.ts
 *
 * Screenshots go to test-artifacts/docs/. Exit code 1 when anything failed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indent, seconds } from '../hosts/format.js';
import { REPO } from '../sales/paths.js';
import { CHECKS, type Facts, NO_ERRORS } from './checks.js';
import { type DocCommand, docCommands, jsonExample } from './markdown.js';
import { COMPANY, createCompany, differences, fingerprint, removeCompany } from './workspace.js';

const WALKTHROUGH = 'docs/walkthrough.md';
const README = 'README.md';
const OTHER_DOCS = ['docs/schema-language.md', 'examples/company-oa/README.md'];
/** `##` sections of the walkthrough whose commands are not run yet, and why. */
const SKIPPED_SECTIONS: Record<string, string> = {};
/** What the overlay's commands must never write. */
const UNTOUCHED = ['packages/domain', 'examples/company-oa/generated'];

const read = (file: string) => readFileSync(join(REPO, file), 'utf8');

interface Planned {
  doc: DocCommand;
  check: (typeof CHECKS)[number][1];
}

/** Each command once (the first place it is printed), with its check; a command with neither check nor skip is a problem. */
function plan(commands: DocCommand[], done: Set<string>, problems: string[]): Planned[] {
  const planned: Planned[] = [];
  for (const doc of commands) {
    if (done.has(doc.command)) continue;
    done.add(doc.command);
    if (doc.skip !== undefined) {
      console.log(`- ${doc.command}  (${doc.at}): skipped, ${doc.skip}`);
      continue;
    }
    const check = CHECKS.find(([pattern]) => pattern.test(doc.command))?.[1];
    if (check) planned.push({ doc, check });
    else
      problems.push(
        `${doc.at}: nothing says what \`${doc.command}\` must do: add it to scripts/docs/checks.ts, or mark it <!-- run: skip … -->`,
      );
  }
  return planned;
}

async function runAll(planned: Planned[], facts: Facts): Promise<boolean> {
  for (const { doc, check } of planned) {
    const started = Date.now();
    console.log(`… ${doc.command}  (${doc.at})`);
    try {
      await check(doc.command, facts);
      console.log(`✓ ${doc.command} (${seconds(Date.now() - started)})`);
    } catch (error) {
      console.log(`✗ ${doc.command} (${seconds(Date.now() - started)})\n${indent((error as Error).message)}`);
      return false;
    }
  }
  return true;
}

async function main(): Promise<number> {
  const started = Date.now();
  const walkthrough = read(WALKTHROUGH);
  if (!walkthrough.includes(`\`${NO_ERRORS}.\``)) console.log(`! ${WALKTHROUGH} no longer shows \`${NO_ERRORS}.\`: update checks.ts`);
  const problems: string[] = [];
  const done = new Set<string>();
  const walkthroughPlan = plan(docCommands(WALKTHROUGH, walkthrough, { skipSections: SKIPPED_SECTIONS }), done, problems);
  const readmePlan = plan(docCommands(README, read(README), { onlySection: 'Commands' }), done, problems);
  // The other docs print commands on the company example, whose generated files are committed.
  const otherPlans = OTHER_DOCS.flatMap((file) => plan(docCommands(file, read(file)), done, problems));
  if (walkthroughPlan.length === 0) problems.push(`${WALKTHROUGH}: no command found to run`);
  if (problems.length) {
    console.log(problems.map((problem) => `✗ ${problem}`).join('\n'));
    return 1;
  }

  const example = jsonExample(WALKTHROUGH, walkthrough, 'Add a field');
  if (!example.path.startsWith(`${COMPANY}/`))
    throw new Error(`${WALKTHROUGH}'s first overlay file is ${example.path}, not in ${COMPANY}/`);
  const facts: Facts = { overlayFile: example.path, timings: new Map() };
  const before = UNTOUCHED.map(fingerprint);
  let ok = false;
  createCompany(example.path, example.json);
  console.log(`created ${example.path} from ${WALKTHROUGH} ("Add a field")`);
  try {
    ok = await runAll(walkthroughPlan, facts);
    UNTOUCHED.forEach((folder, i) => {
      const changed = differences(before[i]!, fingerprint(folder));
      if (changed.length) {
        console.log(`✗ the walkthrough's commands changed ${folder}: ${changed.join(', ')}`);
        ok = false;
      }
    });
    if (ok) console.log(`✓ ${UNTOUCHED.join(' and ')} untouched`);
    ok &&= await runAll(readmePlan, facts);
    ok &&= await runAll(otherPlans, facts);
  } finally {
    removeCompany();
  }
  console.log('\ntimings:');
  for (const [name, ms] of facts.timings) console.log(`  ${String(ms).padStart(6)} ms  ${name}`);
  console.log(`\n${ok ? 'passed' : 'FAILED'} in ${seconds(Date.now() - started)}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
