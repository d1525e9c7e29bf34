import { indent, seconds } from './format.js';
import type { HostOutcome } from './host.js';
import { steps } from './steps.js';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const signedKb = (bytes: number) => `${bytes >= 0 ? '+' : ''}${kb(bytes)}`;
const PHASES = ['install', 'typecheck', 'build', 'build-bare', 'server', 'browser'];

/** Columns aligned, the first to the left, the others to the right. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows
    .map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  '))
    .join('\n');
}

function printSteps(): void {
  console.log('\n== steps');
  for (const s of steps) {
    const mark = s.status === 'passed' ? '✓' : s.status === 'skipped' ? '-' : '✗';
    console.log(`${mark} [${s.host}] ${s.step}${s.ms ? ` (${seconds(s.ms)})` : ''}`);
    if (s.status === 'failed' && s.error) console.log(indent(s.error.split('\n').slice(0, 12).join('\n')));
  }
}

function printEntryChunks(outcomes: HostOutcome[]): void {
  const sized = outcomes.filter((o) => o.withSales || o.withoutSales);
  if (!sized.length) return;
  console.log('\n== entry chunk (the module script of index.html), host alone vs host + sales');
  const rows = [['host', 'alone raw', 'alone gzip', '+ sales raw', '+ sales gzip', 'added raw', 'added gzip', 'all JS + sales', 'chunks']];
  for (const { host, withoutSales: a, withSales: b } of sized) {
    rows.push([
      host,
      a ? kb(a.raw) : '—',
      a ? kb(a.gzip) : '—',
      b ? kb(b.raw) : '—',
      b ? kb(b.gzip) : '—',
      a && b ? signedKb(b.raw - a.raw) : '—',
      a && b ? signedKb(b.gzip - a.gzip) : '—',
      b ? kb(b.totalJs) : '—',
      b ? String(b.chunks) : '—',
    ]);
  }
  console.log(table(rows));
  for (const o of sized) for (const note of o.notes) console.log(`  ${o.host}: ${note}`);
}

function printTimes(outcomes: HostOutcome[], runMs: number): void {
  console.log('\n== time');
  const rows = [['host', ...PHASES, 'total']];
  for (const o of outcomes)
    rows.push([o.host, ...PHASES.map((p) => (o.phases[p] === undefined ? '—' : seconds(o.phases[p]!))), seconds(o.ms)]);
  console.log(table(rows));
  const pack = steps.find((s) => s.step.startsWith('pack'));
  console.log(`${pack ? `pack ${seconds(pack.ms)}, ` : ''}whole run ${seconds(runMs)}`);
  for (const o of outcomes) if (o.versions) console.log(`${o.host}: ${o.versions}`);
}

/** The steps, the entry chunk sizes, the times and the resolved versions. */
export function printReport(outcomes: HostOutcome[], runMs: number): void {
  printSteps();
  printEntryChunks(outcomes);
  printTimes(outcomes, runMs);
}
