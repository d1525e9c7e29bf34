import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { REPO } from './paths.js';

/**
 * Runs a command on the terminal's own input and output and resolves with its exit code. Ctrl-C
 * and `kill` are handed on to it, and this process waits for it to finish (a server closes its
 * database first) instead of leaving it behind.
 */
export function runCommand(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: REPO, env, stdio: 'inherit' });
    const handOn = (signal: NodeJS.Signals) => child.kill(signal);
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    for (const signal of signals) process.on(signal, handOn);
    const stopListening = () => {
      for (const signal of signals) process.off(signal, handOn);
    };
    child.once('error', (error) => {
      stopListening();
      fail(new Error(`could not run ${command}: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      stopListening();
      done(code ?? 128 + (signal ? constants.signals[signal] : 1));
    });
  });
}
