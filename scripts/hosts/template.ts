import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TEMPLATES } from './paths.js';
import type { HostProfile } from './profiles.js';

/**
 * Copies the profile's template into `dir` (never its node_modules or build output) and writes the
 * profile's versions into the copy's package.json, in the section that lists each (dependencies
 * when none does).
 */
export function copyTemplate(profile: HostProfile, dir: string): void {
  const source = join(TEMPLATES, profile.template);
  cpSync(source, dir, {
    recursive: true,
    filter: (path) => !/(^|[\\/])(node_modules|dist|dist-without-sales|\.data[^\\/]*)([\\/]|$)/.test(relative(source, path)),
  });
  if (!Object.keys(profile.versions).length) return;
  const file = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
  for (const [name, version] of Object.entries(profile.versions)) {
    const section = ['dependencies', 'devDependencies'].find((key) => pkg[key]?.[name]) ?? 'dependencies';
    pkg[section] = { ...pkg[section], [name]: version };
  }
  writeFileSync(file, `${JSON.stringify({ ...pkg, name: `host-${profile.name}` }, null, 2)}\n`);
}
