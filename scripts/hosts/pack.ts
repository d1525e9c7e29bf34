import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tail } from './format.js';
import { REPO } from './paths.js';
import { run } from './processes.js';
import { step, StepFailure } from './steps.js';

const PACKAGES = ['schema', 'server', 'ui', 'domain', 'codegen'];

/**
 * The five tarballs as npm would publish them: packed by scripts/pack.sh into `packDir`, or with
 * `packed` those an earlier pack left in `packDir`. Undefined when the step failed.
 */
export function tarballs(packDir: string, packed: boolean): Promise<string[] | undefined> {
  return step('all', packed ? `tarballs of ${packDir}` : 'pack the packages (bash scripts/pack.sh)', async () => {
    if (!packed) {
      const result = await run('bash', [join(REPO, 'scripts/pack.sh'), packDir], { cwd: REPO, env: process.env, timeoutMs: 600_000 });
      if (result.code !== 0) throw new StepFailure(`scripts/pack.sh exited with ${result.code}:\n${tail(result.output, 60)}`);
    }
    const files = readdirSync(packDir)
      .filter((name) => name.endsWith('.tgz'))
      .map((name) => join(packDir, name));
    const missing = PACKAGES.filter((pkg) => !files.some((file) => basename(file).startsWith(`ra-sales-${pkg}-`)));
    if (missing.length) throw new StepFailure(`scripts/pack.sh made no tarball for ${missing.join(', ')}`);
    return files;
  });
}
