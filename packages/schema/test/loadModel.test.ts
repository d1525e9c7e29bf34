import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_KINDS, loadModel, pipelineView } from '../src/index.js';

const SCHEMAS = join(import.meta.dirname, '../../../schemas');

describe('the default sales domain', () => {
  const result = loadModel({ dir: SCHEMAS });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.file}#${e.pointer}: ${e.message}`).join('\n'));
  const { model } = result;

  it('loads with every entity of the domain', () => {
    expect(Object.keys(model.entities).length).toBeGreaterThanOrEqual(30);
    for (const resource of [
      'customers',
      'contacts',
      'leads',
      'opportunities',
      'quotes',
      'contracts',
      'sales_orders',
      'deliveries',
      'invoice_requests',
      'collections',
      'instalment_plans',
      'expense_claims',
      'complaints',
      'service_requests',
      'satisfaction_surveys',
      'forecasts',
      'quotas',
      'budgets',
      'territories',
      'visit_plans',
      'performance_reviews',
      'salespeople',
      'teams',
      'products',
      'price_policies',
    ]) {
      expect(model.entities[resource], resource).toBeDefined();
    }
  });

  it('labels every entity, field, enum value and stage in English and Chinese', () => {
    for (const entity of Object.values(model.entities)) {
      expect(entity.label['zh-CN'], entity.resource).toBeTruthy();
      for (const field of entity.fields) {
        expect(field.label['zh-CN'], `${entity.resource}.${field.name}`).toBeTruthy();
        for (const option of field.options ?? [])
          expect(option.label['zh-CN'], `${entity.resource}.${field.name}=${option.value}`).toBeTruthy();
      }
      for (const stage of entity.workflow?.stages ?? []) expect(stage.label['zh-CN'], `${entity.resource}:${stage.id}`).toBeTruthy();
    }
  });

  it('gives the opportunity its six stages, key-node gates and lost / abandoned exits', () => {
    const workflow = pipelineView(model.entities.opportunities.workflow!, 'standard');
    expect(workflow.stages.filter((s) => s.kind === 'open').map((s) => s.label['zh-CN'])).toEqual([
      '客户开发',
      '立项',
      '提案',
      '招投标',
      '商务谈判',
      '工程实施',
    ]);
    for (const stage of workflow.stages.filter((s) => s.kind === 'open')) {
      expect(stage.gate, stage.id).toBeDefined();
      for (const exit of ['lost', 'abandoned']) expect(workflow.transitions).toContainEqual({ from: stage.id, to: exit });
    }
    expect(workflow.transitions).not.toContainEqual({ from: 'development', to: 'proposal' });
    expect(workflow.stages.find((s) => s.id === 'lost')!.entry).toEqual(expect.objectContaining({ required: ['close_reason'] }));
  });

  it('uses only known field kinds and points every reference at an entity', () => {
    for (const entity of Object.values(model.entities)) {
      for (const field of entity.fields) {
        expect(FIELD_KINDS).toContain(field.kind);
        if (field.ref) expect(model.entities[field.ref], `${entity.resource}.${field.name}`).toBeDefined();
      }
    }
  });

  it('ships the other sales flows of the seeds as pipelines of the opportunity, each stage in one of them', () => {
    const { pipelines, stages } = model.entities.opportunities.workflow!;
    expect(pipelines!.list.map((p) => [p.id, p.label['zh-CN']])).toEqual([
      ['standard', '项目销售（六阶段）'],
      ['oa_software', expect.stringContaining('OA')],
      ['real_estate', expect.stringContaining('房地产')],
      ['major_account', expect.stringContaining('摧龙六式')],
    ]);
    for (const pipeline of pipelines!.list) {
      const own = stages.filter((s) => s.pipeline === pipeline.id);
      expect(own.map((s) => s.id)).toEqual(pipeline.stages);
      expect(own.some((s) => s.kind === 'won') && own.some((s) => s.kind === 'lost'), pipeline.id).toBe(true);
    }
    expect(pipelines!.switches).toContainEqual(expect.objectContaining({ from: 'standard', to: 'major_account' }));
  });

  it('fills the stage field from the stages', () => {
    const stage = model.entities.opportunities.fields.find((f) => f.name === 'stage')!;
    expect(stage.kind).toBe('enum');
    expect(stage.options!.map((o) => o.value)).toEqual(model.entities.opportunities.workflow!.stages.map((s) => s.id));
    expect(stage.default).toBe('development');
  });
});
