import { join } from 'node:path';
import { loadModel } from '@ra-sales/schema';
import { describe, expect, it } from 'vitest';
import { REPO, copyFixture, editJson } from './support.js';

/** The company example is made only of overlay files; loading it gives the re-shaped workflow. */
describe('the company overlay example', () => {
  const base = loadModel({ dir: join(REPO, 'schemas') });
  const result = loadModel({ dir: join(REPO, 'schemas'), overlays: [join(REPO, 'examples/company-oa/overlay')] });
  if (!result.ok || !base.ok) throw new Error(JSON.stringify(result.ok ? base : result));
  const opportunity = result.model.entities.opportunities;
  const fieldNames = opportunity.fields.map((f) => f.name);

  it('re-shapes the opportunity workflow into the OA software flow', () => {
    const open = opportunity.workflow!.stages.filter((s) => s.kind === 'open').map((s) => s.label['zh-CN']);
    expect(open).toEqual(['客户开发', '需求调研', '方案演示与报价', '商务谈判', '合同签订', '订单执行与交付', '款项回收']);
    for (const stage of opportunity.workflow!.stages.filter((s) => s.kind === 'open')) {
      expect(opportunity.workflow!.transitions.filter((t) => t.from === stage.id).map((t) => t.to)).toEqual(
        expect.arrayContaining(['lost', 'abandoned']),
      );
    }
  });

  it('adds, removes and relabels fields', () => {
    expect(fieldNames).toEqual(expect.arrayContaining(['oa_modules', 'user_count']));
    expect(fieldNames).not.toContain('bid_strategy');
    expect(fieldNames).not.toContain('competitor_analysis');
    const relabelled = opportunity.fields.find((f) => f.name === 'bid_price')!;
    expect(relabelled.label['zh-CN']).toBe('报价金额');
    expect(base.model.entities.opportunities.fields.find((f) => f.name === 'bid_price')!.label['zh-CN']).not.toBe('报价金额');
  });

  it('fills the stage enum from the new stages, so the old ones are rejected', () => {
    const stage = opportunity.fields.find((f) => f.name === 'stage')!;
    expect(stage.options!.map((o) => o.value)).not.toContain('bidding');
    expect((opportunity.schema.properties as Record<string, { enum: unknown[] }>).stage.enum).not.toContain('bidding');
  });

  it('leaves every other entity as the defaults have it', () => {
    expect(result.model.entities.quotes).toEqual(base.model.entities.quotes);
  });

  it('reports an overlay mistake against the overlay file', () => {
    const overlay = copyFixture(join(REPO, 'examples/company-oa/overlay'));
    editJson(join(overlay, 'entities/opportunity.schema.json'), (s) => s['x-workflow'].transitions.push({ from: 'nowhere', to: 'lost' }));
    const broken = loadModel({ dir: join(REPO, 'schemas'), overlays: [overlay] });
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0].file).toMatch(/entities\/opportunity\.schema\.json$/);
    expect(broken.errors[0].file).not.toBe('entities/opportunity.schema.json');
    expect(broken.errors[0].message).toMatch(/"nowhere" is not a stage/);
  });
});
