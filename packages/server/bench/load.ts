/**
 * Closed-loop HTTP load for the benches: keep-alive clients in a worker thread (load.worker.mjs),
 * so that they share no event loop with the servers under test, and the figures of their runs.
 */
import { readFileSync } from 'node:fs';
import { performance as perf } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

export interface BenchRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** A fresh body per send: `{{seq}}` and `"{{num}}"` filled in (see load.worker.mjs and `fill`). */
  vary?: boolean;
}

/** A varying request as load.worker.mjs sends it: `{{seq}}` → `<tag>-<n>`, `"{{num}}"` → n. */
export function fill(request: BenchRequest, tag: string, n: number): BenchRequest {
  if (!request.vary || request.body === undefined) return request;
  const text = JSON.stringify(request.body).replaceAll('{{seq}}', `${tag}-${n}`).replaceAll('"{{num}}"', String(n));
  return { ...request, body: JSON.parse(text) };
}

export interface Measured {
  requests: number;
  errors: number;
  firstError: string | null;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** CPU time of the servers' thread per answered request, in ms. */
  cpuMs: number;
}

export interface Run {
  requests: number;
  errors: number;
  firstError: string | null;
  elapsedMs: number;
  latencies: Float64Array;
  cpuMs: number;
}

export interface LoadShape {
  /** Keep-alive clients sending back to back. */
  connections: number;
  /** Sent before the measured duration, answers dropped. */
  warmupMs: number;
  durationMs: number;
}

/** CPU time (user + system) of the main thread in ms, from /proc; undefined where not available. */
export function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15, in clock ticks (100 per second).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

export function percentile(sorted: Float64Array, q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Runs so far: each run's varying bodies get their own tag and numbers. */
let runs = 0;

export function runOnce(origin: string, requests: BenchRequest[], shape: LoadShape): Promise<Run> {
  runs++;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load.worker.mjs', import.meta.url), {
      workerData: {
        origin,
        connections: shape.connections,
        warmupMs: shape.warmupMs,
        durationMs: shape.durationMs,
        requests,
        tag: `r${runs}`,
        numBase: runs * 1_000_000,
      },
    });
    let loopFrom: ReturnType<typeof perf.eventLoopUtilization> | undefined;
    let cpuFrom: number | undefined;
    const measureFrom = setTimeout(() => {
      loopFrom = perf.eventLoopUtilization();
      cpuFrom = mainThreadCpuMs();
    }, shape.warmupMs);
    worker.once('error', (error) => {
      clearTimeout(measureFrom);
      reject(error);
    });
    worker.once('message', (result: Omit<Run, 'cpuMs'>) => {
      const cpuTo = mainThreadCpuMs();
      const loop = loopFrom ? perf.eventLoopUtilization(perf.eventLoopUtilization(), loopFrom) : undefined;
      const cpuMs = cpuFrom !== undefined && cpuTo !== undefined ? cpuTo - cpuFrom : loop ? loop.active : NaN;
      resolve({ ...result, cpuMs });
    });
  });
}

export function summarize(runs: Run[]): Measured {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const elapsed = runs.reduce((n, r) => n + r.elapsedMs, 0);
  const all = new Float64Array(requests);
  let at = 0;
  for (const r of runs) {
    all.set(r.latencies, at);
    at += r.latencies.length;
  }
  all.sort();
  return {
    requests,
    errors: runs.reduce((n, r) => n + r.errors, 0),
    firstError: runs.find((r) => r.firstError)?.firstError ?? null,
    rps: (requests / elapsed) * 1000,
    p50: percentile(all, 0.5),
    p95: percentile(all, 0.95),
    p99: percentile(all, 0.99),
    cpuMs: runs.reduce((n, r) => n + r.cpuMs, 0) / requests,
  };
}
