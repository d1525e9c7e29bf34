import { PROFILES, type HostProfile } from './profiles.js';

export interface Options {
  keep: boolean;
  smoke: boolean;
  reuse?: string;
  tarballs?: string;
  hosts: HostProfile[];
}

/** The command line (see run.ts); throws on an unknown option or host. */
export function parseArgs(args: string[]): Options {
  const argv = [...args];
  const flag = (name: string) => {
    const at = argv.indexOf(name);
    if (at < 0) return false;
    argv.splice(at, 1);
    return true;
  };
  const option = (name: string) => {
    const at = argv.indexOf(name);
    if (at < 0) return undefined;
    const value = argv[at + 1];
    if (!value || value.startsWith('--')) throw new Error(`${name} needs a value`);
    argv.splice(at, 2);
    return value;
  };
  const keep = flag('--keep');
  const smoke = !flag('--no-smoke');
  const reuse = option('--reuse');
  const tarballs = option('--tarballs');
  const unknownFlag = argv.find((arg) => arg.startsWith('-'));
  if (unknownFlag) throw new Error(`unknown option ${unknownFlag}`);
  const names = PROFILES.map((p) => p.name);
  for (const name of argv) if (!names.includes(name)) throw new Error(`unknown host "${name}" (hosts: ${names.join(', ')})`);
  const hosts = argv.length ? [...new Set(argv)].map((name) => PROFILES.find((p) => p.name === name)!) : PROFILES;
  return { keep, smoke, reuse, tarballs, hosts };
}
