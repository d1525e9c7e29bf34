/**
 * Stage figures of a workflow: `probability` and `forecast` per stage, the workflow's
 * `probabilityField`, and `sla_days` — loaded into the model, and refused by the check with a
 * `file#pointer` message when wrong.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSchemaErrors, loadModel, pipelineView, STAGE_ENTERED_FIELD } from '../src/index.js';

const SCHEMAS = join(import.meta.dirname, '../../../schemas');
const OPPORTUNITY = 'entities/opportunity.schema.json';
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * The default schemas with one file edited; the check's messages about that file as
 * `file#pointer: message` lines (a file refused by the meta-schema also fails those naming its resource).
 */
function checkWith(file: string, edit: (schema: any) => void): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ra-sales-stage-figures-'));
  scratch.push(dir);
  cpSync(SCHEMAS, dir, { recursive: true });
  const path = join(dir, file);
  const schema = JSON.parse(readFileSync(path, 'utf8'));
  edit(schema);
  writeFileSync(path, JSON.stringify(schema, null, 2));
  const result = loadModel({ dir });
  return result.ok
    ? []
    : formatSchemaErrors(result.errors)
        .split('\n')
        .filter((line) => line.startsWith(`${file}#`));
}

describe('stage probability, forecast category and time limit', () => {
  const result = loadModel({ dir: SCHEMAS });
  if (!result.ok) throw new Error(formatSchemaErrors(result.errors));
  const workflow = result.model.entities.opportunities!.workflow!;

  it('gives the opportunity stages their probability and forecast category, and names the probability field', () => {
    expect(workflow.probabilityField).toBe('probability');
    // The main pipeline's (the others have their own: test/pipelines.test.ts).
    expect(pipelineView(workflow, 'standard').stages.map((s) => [s.id, s.probability, s.forecast])).toEqual([
      ['development', 10, 'pipeline'],
      ['initiation', 20, 'pipeline'],
      ['proposal', 40, 'best_case'],
      ['bidding', 60, 'best_case'],
      ['negotiation', 80, 'commit'],
      ['implementation', 90, 'commit'],
      ['won', 100, 'closed'],
      ['lost', 0, 'omitted'],
      ['abandoned', 0, 'omitted'],
    ]);
  });

  it('keeps the time limits of the default stages (slaDays)', () => {
    const sla = (resource: string, stage: string) => result.model.entities[resource]!.workflow!.stages.find((s) => s.id === stage)!.slaDays;
    expect(sla('complaints', 'received')).toBe(1);
    expect(sla('service_requests', 'registered')).toBe(1);
    expect(sla('sales_orders', 'open')).toBe(1);
    expect(sla('quotes', 'review')).toBe(2);
    expect(sla('opportunities', 'development')).toBeUndefined();
  });

  it('leaves stages without figures without them in the model', () => {
    const customer = result.model.entities.customers!.workflow!;
    expect(customer.probabilityField).toBeUndefined();
    for (const stage of customer.stages) {
      expect(stage).not.toHaveProperty('probability');
      expect(stage).not.toHaveProperty('forecast');
    }
  });

  it('refuses a probability above 100 or below 0', () => {
    expect(checkWith(OPPORTUNITY, (s) => (s['x-workflow'].stages[2].probability = 120))).toEqual([
      `${OPPORTUNITY}#/x-workflow/stages/2/probability: "probability" must be <= 100`,
    ]);
    expect(checkWith(OPPORTUNITY, (s) => (s['x-workflow'].stages[0].probability = -5))).toEqual([
      `${OPPORTUNITY}#/x-workflow/stages/0/probability: "probability" must be >= 0`,
    ]);
    expect(checkWith(OPPORTUNITY, (s) => (s['x-workflow'].stages[0].probability = '10%'))).toEqual([
      `${OPPORTUNITY}#/x-workflow/stages/0/probability: "probability" must be a number`,
    ]);
  });

  it('refuses an unknown forecast category, naming the five', () => {
    expect(checkWith(OPPORTUNITY, (s) => (s['x-workflow'].stages[4].forecast = 'upside'))).toEqual([
      `${OPPORTUNITY}#/x-workflow/stages/4/forecast: "forecast" must be one of: pipeline, best_case, commit, closed, omitted`,
    ]);
  });

  it('refuses a negative or fractional sla_days', () => {
    expect(checkWith(OPPORTUNITY, (s) => (s['x-workflow'].stages[0].sla_days = -1))).toEqual([
      `${OPPORTUNITY}#/x-workflow/stages/0/sla_days: "sla_days" must be >= 0`,
    ]);
    expect(checkWith(OPPORTUNITY, (s) => (s['x-workflow'].stages[0].sla_days = 1.5))).toEqual([
      `${OPPORTUNITY}#/x-workflow/stages/0/sla_days: "sla_days" must be an integer`,
    ]);
  });

  it('refuses a probabilityField that is no field, not a number, or computed', () => {
    expect(checkWith(OPPORTUNITY, (s) => (s['x-workflow'].probabilityField = 'win_chance'))).toEqual([
      `${OPPORTUNITY}#/x-workflow/probabilityField: "probabilityField" names "win_chance", which is not a field`,
    ]);
    expect(checkWith(OPPORTUNITY, (s) => (s['x-workflow'].probabilityField = 'name'))).toEqual([
      `${OPPORTUNITY}#/x-workflow/probabilityField: "probabilityField" names "name", a string; it must be a number (kind percent, number or integer)`,
    ]);
    const computed = checkWith(OPPORTUNITY, (s) => (s.properties.probability['x-computed'] = 50));
    expect(computed).toContainEqual(
      expect.stringContaining(`${OPPORTUNITY}#/x-workflow/probabilityField: "probabilityField" names "probability", which is computed`),
    );
  });

  it(`refuses a field named ${STAGE_ENTERED_FIELD} on a workflow entity (the server keeps it)`, () => {
    const errors = checkWith(
      OPPORTUNITY,
      (s) =>
        (s.properties[STAGE_ENTERED_FIELD] = { type: 'string', format: 'date-time', 'x-label': { en: 'Entered', 'zh-CN': '进入时间' } }),
    );
    expect(errors).toEqual([
      `${OPPORTUNITY}#/properties/${STAGE_ENTERED_FIELD}: "${STAGE_ENTERED_FIELD}" is kept by the server on every workflow entity (when the record entered its stage); give the field another name`,
    ]);
  });
});
