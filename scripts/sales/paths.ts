import { fileURLToPath } from 'node:url';

/** The repository's main folder: every path the jobs take or pass on is relative to it. */
export const REPO = fileURLToPath(new URL('../..', import.meta.url));
