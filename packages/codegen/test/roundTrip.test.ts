import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { writeFiles } from '../src/writeFiles.js';
import { REPO, copyFixture, editJson, scratch } from './support.js';

/**
 * The developer's loop: an implementer edits schema files, the developer regenerates, and the
 * compiler finds every use of what changed.
 */
describe('round trip: edit the schemas, regenerate, compile', async () => {
  const schemas = copyFixture(join(REPO, 'schemas'));
  editJson(join(schemas, 'entities/opportunity.schema.json'), (s) => {
    s.properties.win_theme = { type: 'string', maxLength: 200, 'x-label': { en: 'Win theme', 'zh-CN': '制胜主题' } };
    delete s.properties.bid_strategy;
    const stages = s['x-workflow'].stages;
    stages.splice(4, 0, { id: 'technical_review', label: { en: 'Technical review', 'zh-CN': '技术评审' } });
    s['x-workflow'].transitions.push({ from: 'bidding', to: 'technical_review' }, { from: 'technical_review', to: 'negotiation' });
  });
  const out = scratch('roundtrip-');
  const result = await generate({ dir: schemas });
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  writeFiles(out, result.files, () => true);

  const compile = (code: string) => {
    const file = join(out, `use-${Math.random().toString(36).slice(2)}.ts`);
    writeFileSync(file, code);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
    });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  };

  it('code using the new field and the new stage type-checks', () => {
    const errors = compile(`
      import type { OpportunityInput, OpportunityStage } from './types.js';
      const o: OpportunityInput = { name: 'x', customer_id: 1, win_theme: 'price', stage: 'technical_review', pipeline: 'standard' };
      const s: OpportunityStage = 'technical_review';
      export { o, s };
    `);
    expect(errors).toEqual([]);
  });

  it('code using the removed field fails to compile, naming it', () => {
    const errors = compile(`
      import type { OpportunityInput } from './types.js';
      export const o: OpportunityInput = { name: 'x', customer_id: 1, bid_strategy: 'low price' };
    `);
    expect(errors.join('\n')).toMatch(/'bid_strategy' does not exist in type 'OpportunityInput'/);
  });

  it('a stage that does not exist fails to compile', () => {
    const errors = compile(`
      import type { OpportunityStage } from './types.js';
      export const s: OpportunityStage = 'tendering';
    `);
    expect(errors.join('\n')).toMatch(/"tendering"' is not assignable to type 'OpportunityStage'/);
  });

  it('a reference holds the id of its target type', () => {
    const errors = compile(`
      import type { Opportunity, CustomerId } from './types.js';
      export const id = (o: Opportunity): CustomerId => o.customer_id;
    `);
    expect(errors).toEqual([]);
  });
});
