import { statSync } from 'node:fs';

const FLAGS = ['--overlay', '--out', '--watch', '--frozen', '--strict'] as const;
export type Flag = (typeof FLAGS)[number];

export interface Options {
  /** A company's overlay folder, as given (relative to the repository's main folder). */
  overlay?: string;
  out?: string;
  watch: boolean;
  frozen: boolean;
  strict: boolean;
}

/** A mistake in the command line: printed with the usage, exit code 1. */
export class UsageError extends Error {}

/** The options of one job; `allowed` are the flags that job takes. */
export function parseOptions(argv: readonly string[], allowed: readonly Flag[]): Options {
  const options: Options = { watch: false, frozen: false, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    // `pnpm gen -- --overlay …` hands the separator on as well.
    if (flag === '--') continue;
    if (!(allowed as readonly string[]).includes(flag)) {
      if (!flag.startsWith('-')) throw new UsageError(`unexpected argument "${flag}"`);
      throw new UsageError(FLAGS.includes(flag as Flag) ? `${flag} is not an option of this command` : `unknown option "${flag}"`);
    }
    if (flag === '--watch') options.watch = true;
    else if (flag === '--frozen') options.frozen = true;
    else if (flag === '--strict') options.strict = true;
    else {
      const value = argv[++i];
      if (!value || value.startsWith('--')) throw new UsageError(`${flag} needs a folder`);
      const key = flag === '--overlay' ? 'overlay' : 'out';
      if (options[key] !== undefined) throw new UsageError(`${flag} is given twice`);
      options[key] = value;
    }
  }
  if (options.out !== undefined && options.overlay === undefined) {
    throw new UsageError('--out goes with --overlay (without it, the default domain goes to packages/domain)');
  }
  if (options.overlay !== undefined && !isFolder(options.overlay)) {
    throw new UsageError(`the overlay folder "${options.overlay}" does not exist (paths are relative to the repository's main folder)`);
  }
  return options;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
