import { indent, seconds } from './format.js';

/** A failure whose message says it all: reported without a stack. */
export class StepFailure extends Error {}

export interface StepRecord {
  host: string;
  step: string;
  status: 'passed' | 'failed' | 'skipped';
  ms: number;
  error?: string;
}

/** Every step of the run, in order: the report is made from them. */
export const steps: StepRecord[] = [];

export const failedSteps = (host?: string) => steps.filter((s) => s.status === 'failed' && (host === undefined || s.host === host));

/** Runs one named step, printing its name, its time and, on failure, why. A failed step returns undefined. */
export async function step<T>(host: string, name: string, body: () => Promise<T>): Promise<T | undefined> {
  const started = Date.now();
  console.log(`[${host}] ${name} …`);
  try {
    const value = await body();
    const ms = Date.now() - started;
    steps.push({ host, step: name, status: 'passed', ms });
    console.log(`[${host}] ✓ ${name} (${seconds(ms)})`);
    return value;
  } catch (error) {
    const ms = Date.now() - started;
    const message = error instanceof StepFailure ? error.message : ((error as Error).stack ?? String(error));
    steps.push({ host, step: name, status: 'failed', ms, error: message });
    console.log(`[${host}] ✗ ${name} (${seconds(ms)})\n${indent(message)}`);
    return undefined;
  }
}

export function skip(host: string, name: string, why: string): void {
  steps.push({ host, step: name, status: 'skipped', ms: 0, error: why });
  console.log(`[${host}] - ${name}: skipped (${why})`);
}
