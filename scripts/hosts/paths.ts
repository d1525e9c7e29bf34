import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** scripts/hosts: the templates are its subfolders. */
export const TEMPLATES = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(TEMPLATES, '../..');
/** Screenshots, one folder per host. */
export const ARTIFACTS = join(REPO, 'test-artifacts', 'hosts');
