import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tail } from './format.js';
import { freePort } from '../../packages/ui/e2e/harness.js';
import { hostEnv, start, stopChild } from './processes.js';
import { StepFailure } from './steps.js';

export interface HostServer {
  base: string;
  log: () => string;
  stop: () => Promise<void>;
  startMs: number;
}

/** `node server.mjs` on a free port with a throwaway PGlite folder and demo data, once it answers. */
export async function startHostServer(dir: string): Promise<HostServer> {
  const port = await freePort();
  const dataDir = join(dir, '.data-smoke');
  rmSync(dataDir, { recursive: true, force: true });
  const { child, output } = start('node', ['server.mjs'], {
    cwd: dir,
    env: hostEnv({ PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', SALES_DEMO: '1' }),
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  const started = Date.now();
  while (Date.now() - started < 240_000) {
    if (child.exitCode !== null) throw new StepFailure(`node server.mjs exited with ${child.exitCode}:\n${tail(output())}`);
    try {
      const response = await fetch(`${base}/api/sales/me`);
      if (response.ok) return { base, log: output, stop, startMs: Date.now() - started };
    } catch {
      /* not listening yet */
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  await stop();
  throw new StepFailure(`node server.mjs did not answer /api/sales/me within 240 s:\n${tail(output())}`);
}
