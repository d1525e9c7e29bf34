import { join } from 'node:path';
import { compileValidators, loadModel, type Validators } from '@ra-sales/schema';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { writeFiles } from '../src/writeFiles.js';
import { FIXTURE, scratch } from './support.js';

/** The standalone validators must judge exactly as validators compiled at run time. */
describe('standalone validators', async () => {
  const out = scratch('validators-');
  const result = await generate({ dir: FIXTURE });
  if (!result.ok) throw new Error('fixture does not load');
  writeFiles(out, result.files, () => true);
  const standalone = (await import(join(out, 'validators.js'))).validators as Validators;
  const loaded = loadModel({ dir: FIXTURE });
  if (!loaded.ok) throw new Error('fixture does not load');
  const runtime = compileValidators(loaded.model);

  const samples: [string, unknown, boolean][] = [
    ['valid', { title: 'ERP', customer_id: 1, stage: 'qualify', amount: 10, close_date: '2026-12-01' }, true],
    ['optional fields cleared to null', { title: 'ERP', customer_id: 1, amount: null, need: null }, true],
    ['missing required', { title: 'ERP' }, false],
    ['wrong type', { title: 'ERP', customer_id: 'one' }, false],
    ['bad date', { title: 'ERP', customer_id: 1, close_date: '2026-13-45' }, false],
    ['unknown stage', { title: 'ERP', customer_id: 1, stage: 'signed' }, false],
    ['extra field', { title: 'ERP', customer_id: 1, hacked: true }, false],
    ['negative money', { title: 'ERP', customer_id: 1, amount: -1 }, false],
    ['too long', { title: 'x'.repeat(101), customer_id: 1 }, false],
  ];
  for (const [name, record, valid] of samples) {
    it(`record: ${name}`, () => {
      expect(standalone.deals.record(structuredClone(record))).toBe(valid);
      expect(runtime.deals.record(structuredClone(record))).toBe(valid);
      expect(standalone.deals.record.errors ?? null).toEqual(runtime.deals.record.errors ?? null);
    });
  }

  it('gates treat null as missing and report each missing field', () => {
    for (const v of [standalone, runtime]) {
      expect(v.deals.gates.qualify({ amount: null, need: 'ERP' })).toBe(false);
      expect(v.deals.gates.qualify.errors?.map((e) => e.params.missingProperty)).toEqual(['amount']);
      expect(v.deals.gates.qualify({ amount: 0, need: 'ERP' })).toBe(false);
      expect(v.deals.gates.qualify({ amount: 5, need: 'ERP', title: 'x' })).toBe(true);
    }
  });

  it('approval conditions decide when an approval applies', () => {
    for (const v of [standalone, runtime]) {
      expect(v.deals.approvals[0]({ amount: 200000 })).toBe(true);
      expect(v.deals.approvals[0]({ amount: 500 })).toBe(false);
      expect(v.deals.approvals[0]({ amount: null })).toBe(false);
    }
  });

  it('defaults fill in the initial stage', () => {
    const record: Record<string, unknown> = { title: 'ERP', customer_id: 1 };
    expect(standalone.deals.record(record)).toBe(true);
    expect(record.stage).toBe('qualify');
  });
});
