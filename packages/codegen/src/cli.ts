import { watch } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { formatSchemaErrors, type SchemaWarning } from '@ra-sales/schema';
import { generate } from './generate.js';
import { diffFiles, ensureModuleScope, writeFiles } from './writeFiles.js';

const USAGE = `Usage: ra-sales <command> [options]

Commands:
  generate            load the schema files and write types, validators, OpenAPI, model and screens
  generate --watch    the same, again on every change of a schema file
  check               only validate the schema files (exit code 1 on any error)
  check --frozen      also fail when the generated files are not up to date (for CI)
  check --strict      also fail on warnings: what is legal but suspicious, such as an enum value
                      without a label (printed after the summary; without --strict they do not fail)

Options:
  --schemas <dir>     the schema folder (default: schemas)
  --overlay <dir>     a company's overlay folder, merged over the schemas (repeatable)
  --out <dir>         where generated files go (default: packages/domain; with --overlay, the
                      folder "generated" beside the last overlay: my-company/overlay → my-company/generated)
`;

interface Args {
  command: string;
  schemas: string;
  overlays: string[];
  out: string;
  watch: boolean;
  frozen: boolean;
  strict: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = {
    command: argv[0] ?? '',
    schemas: 'schemas',
    overlays: [],
    out: '',
    watch: false,
    frozen: false,
    strict: false,
  };
  for (let i = 1; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i] ?? '';
    if (flag === '--schemas') args.schemas = value();
    else if (flag === '--overlay') args.overlays.push(value());
    else if (flag === '--out') args.out = value();
    else if (flag === '--watch') args.watch = true;
    else if (flag === '--frozen') args.frozen = true;
    else if (flag === '--strict') args.strict = true;
    else return `unknown option "${flag}"`;
  }
  if (!['generate', 'check'].includes(args.command)) return args.command ? `unknown command "${args.command}"` : 'no command given';
  // Warnings never stop generation: only the check can fail on them.
  if (args.strict && args.command !== 'check') return '"--strict" applies to check only';
  if (!args.out) args.out = defaultOut(args.overlays);
  return args;
}

/**
 * Where output goes without `--out`: beside the (last) overlay, `my-company/overlay` →
 * `my-company/generated`, so that a company's output never lands on the default domain's.
 */
export function defaultOut(overlays: readonly string[]): string {
  return overlays.length ? join(dirname(overlays.at(-1)!), 'generated') : 'packages/domain';
}

/** Only files that say they are generated are ever removed. */
const isGenerated = (content: string) => /^(\/\/ Generated |\{ "\$comment": "Generated )/.test(content);

async function runOnce(args: Args): Promise<boolean> {
  const started = performance.now();
  const result = await generate({ dir: args.schemas, overlays: args.overlays });
  if (!result.ok) {
    process.stderr.write(
      `${result.errors.length} error(s) in the schema files:\n${formatSchemaErrors(result.errors)}\nNothing was generated.\n`,
    );
    return false;
  }
  const entities = Object.keys(result.model.entities).length;
  if (args.command === 'check') {
    if (args.frozen) {
      const stale = diffFiles(args.out, result.files);
      if (stale.length > 0) {
        process.stderr.write(
          `Generated files in ${args.out} are out of date: ${stale.join(', ')}\nRun \`pnpm gen${args.overlays.map((o) => ` --overlay ${o}`).join('')}\` and commit the result.\n`,
        );
        return false;
      }
    }
    if (result.warnings.length === 0) {
      process.stdout.write(`${entities} entities, no errors.\n`);
      return true;
    }
    const summary = `${entities} entities, no errors, ${warningList(result.warnings)}`;
    if (!args.strict) {
      process.stdout.write(summary);
      return true;
    }
    process.stderr.write(`${summary}--strict: the warnings fail the check.\n`);
    return false;
  }
  const report = writeFiles(args.out, result.files, isGenerated);
  if (ensureModuleScope(args.out)) report.written.push('package.json');
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `${entities} entities → ${args.out}: ${report.written.length} written, ${report.unchanged} unchanged` +
      `${report.removed.length ? `, ${report.removed.length} removed` : ''} (${ms} ms)\n`,
  );
  if (result.warnings.length > 0) process.stdout.write(warningList(result.warnings));
  return true;
}

/** `2 warnings:` and one `file#pointer: message` line per warning. */
function warningList(warnings: readonly SchemaWarning[]): string {
  return `${warnings.length} warning${warnings.length === 1 ? '' : 's'}:\n${formatSchemaErrors(warnings)}\n`;
}

function watchAndRegenerate(args: Args): void {
  const folders = [args.schemas, ...args.overlays].map((d) => resolve(d));
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() => runOnce(args).then(() => undefined));
    }, 30);
  };
  for (const folder of folders) watch(folder, { recursive: true }, (_event, file) => file?.endsWith('.json') && schedule());
  process.stdout.write(`Watching ${folders.join(', ')}\n`);
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n\n${USAGE}`);
    return 2;
  }
  const ok = await runOnce(args);
  if (args.watch) {
    watchAndRegenerate(args);
    return new Promise(() => {});
  }
  return ok ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli.ts')) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
