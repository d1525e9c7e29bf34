/**
 * Several pipelines in one workflow: what they compile to (one workflow whose stages each belong
 * to one pipeline, the pipeline field's values, the switches) and what `pnpm check` refuses.
 */
import { describe, expect, it } from 'vitest';
import { entityLoader, label, TICKET } from './support/entityFolder.js';
import { initialStageOf, pipelineOf, pipelineView } from '../src/index.js';

const stage = (id: string, kind?: string) => ({ id, label: label(id), ...(kind ? { kind } : {}) });

function ticket(workflow: Record<string, unknown> = {}) {
  return {
    type: 'object',
    'x-resource': 'tickets',
    'x-label': label('Ticket'),
    properties: {
      name: { type: 'string', 'x-label': label('Name') },
      status: { type: 'string', 'x-label': label('Status') },
      line: { type: 'string', 'x-label': label('Line') },
    },
    'x-workflow': {
      field: 'status',
      pipeline: { field: 'line', id: 'support', label: label('Support') },
      stages: [stage('open'), stage('done', 'won')],
      transitions: [{ from: 'open', to: 'done' }],
      pipelines: [
        {
          id: 'repair',
          label: label('Repair'),
          stages: [stage('intake'), stage('fixing'), stage('fixed', 'won'), stage('scrapped', 'lost')],
          transitions: [
            { from: 'intake', to: 'fixing' },
            { from: 'fixing', to: 'fixed' },
            { from: '*', to: 'scrapped' },
          ],
        },
      ],
      switches: [
        { from: 'support', to: 'repair', stages: { open: 'fixing' } },
        { from: 'repair', to: 'support', roles: ['manager'] },
      ],
      ...workflow,
    },
  };
}

const load = entityLoader({ roles: { manager: label('Manager') } });

describe('pipelines', () => {
  it('compile into one workflow: each stage in one pipeline, wildcards within it, the field choosing among them', () => {
    const { errors, model } = load(ticket());
    expect(errors).toEqual([]);
    const entity = model!.entities.tickets!;
    const workflow = entity.workflow!;
    expect(workflow.stages.map((s) => `${s.pipeline}:${s.id}`)).toEqual([
      'support:open',
      'support:done',
      'repair:intake',
      'repair:fixing',
      'repair:fixed',
      'repair:scrapped',
    ]);
    // "*" means the open stages of its own pipeline.
    expect(workflow.transitions.filter((t) => t.to === 'scrapped').map((t) => t.from)).toEqual(['intake', 'fixing']);
    expect(workflow.pipelines).toEqual({
      field: 'line',
      list: [
        { id: 'support', label: label('Support'), initial: 'open', stages: ['open', 'done'] },
        { id: 'repair', label: label('Repair'), initial: 'intake', stages: ['intake', 'fixing', 'fixed', 'scrapped'] },
      ],
      switches: [
        { from: 'support', to: 'repair', stages: { open: 'fixing' } },
        { from: 'repair', to: 'support', stages: {}, roles: ['manager'] },
      ],
    });
    const line = entity.fields.find((f) => f.name === 'line')!;
    expect(line).toMatchObject({ kind: 'enum', required: true, default: 'support', filter: true });
    expect(line.options!.map((o) => o.value)).toEqual(['support', 'repair']);
    // Shared readings of the screens and the server.
    expect(pipelineOf(workflow, { status: 'fixing' })).toBe('repair');
    expect(pipelineOf(workflow, { line: 'repair' })).toBe('repair');
    expect(pipelineOf(workflow, {})).toBe('support');
    expect(initialStageOf(workflow, { line: 'repair' })).toBe('intake');
    expect(initialStageOf(workflow, {})).toBe('open');
    const repair = pipelineView(workflow, 'repair');
    expect(repair.stages.map((s) => s.id)).toEqual(['intake', 'fixing', 'fixed', 'scrapped']);
    expect(repair.transitions.every((t) => ['intake', 'fixing'].includes(t.from))).toBe(true);
  });

  it('refuse a stage id in two pipelines, a move across pipelines, switches naming what is not there', () => {
    const { errors } = load(
      ticket({
        pipelines: [
          {
            id: 'repair',
            label: label('Repair'),
            stages: [stage('open'), stage('fixed', 'won')],
            transitions: [
              { from: 'open', to: 'fixed' },
              { from: 'fixed', to: 'done' },
            ],
          },
        ],
        switches: [{ from: 'support', to: 'repairs', stages: { closed: 'fixed' }, roles: ['boss'] }],
      }),
    );
    expect(errors).toEqual([
      `${TICKET}#/x-workflow/pipelines/0/stages/0/id: stage "open" is already a stage of pipeline "support": a stage belongs to one pipeline, so give it another id (e.g. "repair_open")`,
      `${TICKET}#/x-workflow/pipelines/0/transitions/1/to: "done" is not a stage (open, fixed)`,
      `${TICKET}#/x-workflow/switches/0/roles/0: role "boss" is not declared in model.json (manager)`,
      `${TICKET}#/x-workflow/switches/0/stages/closed: "closed" is not a stage of "support"`,
      `${TICKET}#/x-workflow/switches/0/to: "repairs" is not a pipeline (support, repair)`,
    ]);
  });

  it('refuse pipelines without the field that chooses, and a pipeline field that is not a property', () => {
    const without = ticket();
    delete (without['x-workflow'] as Record<string, unknown>).pipeline;
    expect(load(without).errors).toEqual([
      `${TICKET}#/x-workflow/pipelines: several pipelines need "pipeline": { "field": …, "id": …, "label": … } naming the field that chooses and the main pipeline`,
      `${TICKET}#/x-workflow/switches: switches move a record between pipelines: declare "pipeline" and "pipelines" first`,
    ]);
    expect(load(ticket({ pipeline: { field: 'lane', id: 'support', label: label('Support') } })).errors).toEqual([
      `${TICKET}#/x-workflow/pipeline/field: the pipeline field "lane" is not a property of the entity; declare it under "properties" (with its x-label)`,
    ]);
  });
});
