/** A schema folder in a temporary directory holding one entity file, loaded as `pnpm check` would. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { formatSchemaErrors, loadModel, type SalesModel } from '../../src/index.js';

export const TICKET = 'entities/ticket.schema.json';
export const label = (en: string) => ({ en });

const MODEL = { locales: ['en'], groups: [{ id: 'sales', label: label('Sales') }], roles: {} };

/** `load(entity)`: the check's lines, or the model; the folders go when the test file ends. */
export function entityLoader(model: Record<string, unknown> = {}) {
  const scratch: string[] = [];
  afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return (entity: unknown): { errors: string[]; model?: SalesModel } => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-sales-entity-'));
    scratch.push(dir);
    mkdirSync(join(dir, 'entities'));
    writeFileSync(join(dir, 'model.json'), JSON.stringify({ ...MODEL, ...model }));
    writeFileSync(join(dir, TICKET), JSON.stringify(entity));
    const result = loadModel({ dir });
    return result.ok ? { errors: [], model: result.model } : { errors: formatSchemaErrors(result.errors).split('\n') };
  };
}
