import {
  type EntityModel,
  type FieldModel,
  pipelineView,
  type SalesModel,
  type StageModel,
  type WorkflowModel,
  workflowOfRecord,
} from '@ra-sales/schema';
import { stableHash } from '../migrate/sql.js';
import type { Row } from './insert.js';
import { applyRuleValues, type SequenceCounter } from './ruleValues.js';
import { companyName, personName, type Company, type Person } from './names.js';
import { demoCount, dependencyOrder } from './order.js';
import { Random } from './random.js';
import { teamsOf, usersOf, type UsersEntity } from '../router/resources.js';
import { planSalesforce, type Salesforce } from './salesforce.js';
import { addDays, fieldValue, isCompanyEntity, isoDate, type RowContext } from './values.js';
import { entryOnlyFields, factStages, pickStagePosition, requiredFields, satisfySchema, type StagePosition } from './workflow.js';

export interface DemoOptions {
  /** 1 ≈ a few thousand rows in all. */
  scale?: number;
  /** Same seed, same data. */
  seed?: number;
  /** The day the data is centred on (overdue means before it); defaults to now. */
  today?: Date;
}

export const DEFAULT_SEED = 20260101;

/** Share of optional fields filled. */
const OPTIONAL_FILL = 0.8;

interface Built {
  /** Rows per resource, in dependency order. */
  rows: Map<string, Row[]>;
  /** Where the document-number counters stop after the rows' numbers. */
  sequences: SequenceCounter[];
  order: string[];
  salesforce: Salesforce;
}

/** Everything the rows of one model are generated from. */
class DemoBuilder {
  readonly rows = new Map<string, Row[]>();
  readonly counts = new Map<string, number>();
  private readonly companies = new Map<string, Company>();
  private readonly childIndex = new Map<string, Map<unknown, number[]>>();
  /** The users entity (model.json `users`) and their role and team fields, if the model keeps users. */
  private readonly users: UsersEntity | undefined;
  private readonly teams: string | undefined;

  constructor(
    readonly model: SalesModel,
    readonly salesforce: Salesforce,
    readonly today: Date,
    readonly seed: number,
    scale: number,
    readonly order: string[],
  ) {
    this.users = usersOf(model);
    this.teams = teamsOf(model);
    for (const entity of Object.values(model.entities)) {
      this.counts.set(entity.resource, entity.resource === this.users?.resource ? salesforce.members.length : demoCount(entity, scale));
    }
  }

  build(): void {
    for (const resource of this.order) {
      const entity = this.model.entities[resource];
      const rng = new Random(this.seed ^ stableHash(resource));
      const rows: Row[] = [];
      this.rows.set(resource, rows);
      for (let id = 1; id <= this.counts.get(resource)!; id++) rows.push(this.buildRow(entity, id, rng));
    }
  }

  private anyId(resource: string, rng: Random): number | null {
    if (resource === this.users?.resource) return rng.pick(this.salesforce.staffIds);
    const count = this.counts.get(resource) ?? 0;
    return count > 0 ? rng.int(1, count) : null;
  }

  /** Ids of `resource` rows whose `field` equals `value` (e.g. the contacts of a customer). */
  private childrenOf(resource: string, field: string, value: unknown): number[] {
    const key = `${resource}.${field}`;
    let index = this.childIndex.get(key);
    if (!index) {
      index = new Map();
      for (const row of this.rows.get(resource) ?? []) {
        const list = index.get(row[field]) ?? [];
        list.push(row.id as number);
        index.set(row[field], list);
      }
      this.childIndex.set(key, index);
    }
    return index.get(value) ?? [];
  }

  /** A reference consistent with the row's other references: a contact of the row's customer. */
  private pickReference(entity: EntityModel, field: FieldModel, row: Row, rng: Random): number | null {
    const target = this.model.entities[field.ref!];
    if (!target) return null;
    if (this.rows.has(target.resource)) {
      for (const parentField of target.fields) {
        if (parentField.kind !== 'reference' || !parentField.ref || parentField.ref === this.users?.resource) continue;
        const sibling = entity.fields.find((own) => own.kind === 'reference' && own.ref === parentField.ref && own.name !== field.name);
        if (sibling && row[sibling.name] != null) {
          const matching = this.childrenOf(target.resource, parentField.name, row[sibling.name]);
          if (matching.length > 0) return rng.pick(matching);
        }
      }
    }
    return this.anyId(target.resource, rng);
  }

  private referencedRow(resource: string, id: unknown): Row | undefined {
    return typeof id === 'number' ? this.rows.get(resource)?.[id - 1] : undefined;
  }

  private topoRank(resource: string | undefined): number {
    const rank = resource ? this.order.indexOf(resource) : -1;
    return rank < 0 ? Number.MAX_SAFE_INTEGER : rank;
  }

  private buildRow(entity: EntityModel, id: number, rng: Random): Row {
    const row: Row = { id };
    const workflow = entity.workflow && pipelineView(entity.workflow, pickPipeline(entity.workflow, rng));
    const position = workflow ? pickStagePosition(workflow, rng, factStages(entity, workflow)) : undefined;
    if (workflow && position) row[workflow.field] = position.stage.id;
    const pipelines = entity.workflow?.pipelines;
    if (pipelines && position) row[pipelines.field] = position.stage.pipeline;

    const ownerField = entity.access?.ownerField;
    const references = entity.fields
      .filter((field) => field.kind === 'reference' && field.ref && field.name !== ownerField)
      .sort((a, b) => this.topoRank(a.ref) - this.topoRank(b.ref));
    for (const field of references) {
      if (field.required || rng.chance(0.9)) row[field.name] = this.pickReference(entity, field, row, rng);
    }
    if (ownerField && entity.fields.some((field) => field.name === ownerField)) row[ownerField] = this.ownerOf(entity, row, rng);

    const ctx = this.rowContext(entity, row, id, rng);
    const gateRequired = new Set((position?.passed ?? []).flatMap((stage) => requiredFields(stage.gate)));
    const entryRequired = new Set(requiredFields(position?.stage.entry));
    const entryOnly = entryOnlyFields(entity);
    for (const field of entity.fields) {
      if (field.name in row || field.readOnly) continue;
      if (!this.shouldFill(field, { gateRequired, entryRequired, entryOnly, position, workflowStages: workflow?.stages ?? [] }, rng))
        continue;
      row[field.name] = fieldValue(field, ctx);
    }
    if (position) {
      const make = (name: string) => {
        const field = entity.fields.find((candidate) => candidate.name === name);
        return field ? fieldValue(field, ctx) : null;
      };
      for (const stage of position.passed) satisfySchema(row, stage.gate, make);
      satisfySchema(row, position.stage.entry, make);
    }
    adjustRow(entity, row, position, ctx);
    const day = addDays(this.today, -rng.int(0, 540));
    day.setUTCHours(rng.int(0, 11), rng.int(0, 59), rng.int(0, 59), 0);
    // Never after `today`, which a time of day on today's date would be.
    const created = new Date(Math.min(this.today.getTime(), day.getTime()));
    const updated = new Date(Math.min(this.today.getTime(), created.getTime() + rng.int(0, 90) * 86_400_000));
    row.created_at = created.toISOString();
    row.updated_at = updated.toISOString();
    this.applySalesforce(entity, row);
    return row;
  }

  private shouldFill(
    field: FieldModel,
    rules: {
      gateRequired: Set<string>;
      entryRequired: Set<string>;
      entryOnly: Set<string>;
      position?: StagePosition;
      workflowStages: StageModel[];
    },
    rng: Random,
  ): boolean {
    if (field.required || rules.gateRequired.has(field.name) || rules.entryRequired.has(field.name)) return true;
    if (rules.entryOnly.has(field.name)) return false;
    const sectionStage = rules.workflowStages.find((stage) => stage.id === field.section);
    if (sectionStage && rules.position) {
      if (sectionStage.kind !== 'open')
        return rules.position.stage.id === sectionStage.id || (rules.position.stage.kind === sectionStage.kind && rng.chance(0.5));
      return sectionStage.order <= rules.position.reached && rng.chance(0.9);
    }
    return rng.chance(OPTIONAL_FILL);
  }

  /** The owner of a record: the owner of the company it is about, else a rep. */
  private ownerOf(entity: EntityModel, row: Row, rng: Random): number | null {
    if (!this.users) return null;
    for (const field of entity.fields) {
      if (field.kind !== 'reference' || !field.ref || field.ref === this.users.resource) continue;
      const parent: EntityModel | undefined = this.model.entities[field.ref];
      const parentOwner = parent?.access?.ownerField;
      const parentRow = this.referencedRow(field.ref, row[field.name]);
      if (parentOwner && parentRow && typeof parentRow[parentOwner] === 'number') return parentRow[parentOwner] as number;
    }
    return rng.pick(this.salesforce.repIds);
  }

  private rowContext(entity: EntityModel, row: Row, id: number, rng: Random): RowContext {
    let company: Company | undefined;
    if (isCompanyEntity(entity)) {
      company = companyName(rng, this.companies.size + 1);
      this.companies.set(`${entity.resource}:${id}`, company);
    } else {
      for (const field of entity.fields) {
        if (field.kind === 'reference' && field.ref && row[field.name] != null) {
          company = this.companies.get(`${field.ref}:${row[field.name]}`);
          if (company) break;
        }
      }
    }
    const person: Person = personName(rng);
    return {
      rng,
      today: this.today,
      entity,
      serial: id,
      company: company ?? companyName(rng, 9000 + id),
      person,
      pickReference: (resource) => this.anyId(resource, rng),
    };
  }

  /** Salespeople get their role and team; teams get their manager. */
  private applySalesforce(entity: EntityModel, row: Row): void {
    const users = this.users;
    if (entity.resource === users?.resource) {
      const member = this.salesforce.members[(row.id as number) - 1];
      row[users.roleField] = member.role;
      if (users.teamField) row[users.teamField] = member.team;
      const active = entity.fields.find((field) => /^(active|enabled)$/.test(field.name) && field.kind === 'boolean');
      if (active) row[active.name] = true;
      const status = entity.fields.find((field) => field.name === 'status' && field.kind === 'enum');
      const activeOption = status?.options?.find((option) => /active|employed|on_duty|在职/.test(option.value));
      if (status && activeOption && !entity.workflow) row[status.name] = activeOption.value;
    }
    if (users && entity.resource === this.teams) {
      const manager = entity.fields.find(
        (field) => field.kind === 'reference' && field.ref === users.resource && /manager|leader|head|owner/.test(field.name),
      );
      if (manager) row[manager.name] = this.salesforce.managerIds[((row.id as number) - 1) % this.salesforce.managerIds.length] ?? null;
    }
  }
}

function fieldNamed(entity: EntityModel, pattern: RegExp, kinds: FieldModel['kind'][]): FieldModel | undefined {
  return entity.fields.find((field) => pattern.test(field.name) && kinds.includes(field.kind));
}

/** Most demo records go through the main pipeline, the rest through the others in equal shares. */
function pickPipeline(workflow: WorkflowModel, rng: Random): string | undefined {
  const list = workflow.pipelines?.list;
  if (!list) return undefined;
  return rng.weighted(
    list.map((p) => p.id),
    list.map((_, i) => (i === 0 ? 0.6 : 0.4 / (list.length - 1))),
  );
}

/** Cross-field realism: win probability by stage, receipts and overdue collections, totals of lines. */
function adjustRow(entity: EntityModel, row: Row, position: StagePosition | undefined, ctx: RowContext): void {
  const { rng, today } = ctx;
  const probability = fieldNamed(entity, /probability/, ['percent', 'number', 'integer']);
  if (probability && position && entity.workflow) {
    const open = workflowOfRecord(entity.workflow, row).stages.filter((stage) => stage.kind === 'open');
    const index = open.findIndex((stage) => stage.id === position.stage.id);
    row[probability.name] =
      position.stage.kind === 'won' ? 100 : position.stage.kind === 'lost' ? 0 : Math.round(10 + (80 * index) / Math.max(open.length, 1));
  }

  const amount = entity.fields.find(
    (field) => field.kind === 'money' && (field.name === 'amount' || field.name === entity.workflow?.amountField),
  );
  const lines = entity.fields.find((field) => field.kind === 'lines');
  const total = fieldNamed(entity, /^(total|total_amount|amount)$/, ['money']);
  if (lines && total && Array.isArray(row[lines.name]) && row[total.name] != null) {
    const sum = (row[lines.name] as Row[]).reduce((acc, item) => {
      const quantity = typeof item.quantity === 'number' ? item.quantity : 1;
      const price = typeof item.unit_price === 'number' ? item.unit_price : 0;
      const discount = typeof item.discount === 'number' ? item.discount : 0;
      return acc + quantity * price * (1 - discount / 100);
    }, 0);
    if (sum > 0) row[total.name] = Math.round(sum * 100) / 100;
  }

  const price = fieldNamed(entity, /list_price|^price$|standard_price|normal_price/, ['money']);
  const cost = fieldNamed(entity, /cost/, ['money']);
  if (price && cost && typeof row[price.name] === 'number' && row[cost.name] != null) {
    row[cost.name] = Math.round(((row[price.name] as number) * rng.float(0.4, 0.75)) / 100) * 100;
  }

  const expected = fieldNamed(entity, /expected_date|due_date|expected_(payment|collection)/, ['date']);
  const receivedAmount = fieldNamed(entity, /received_amount|paid_amount/, ['money']);
  const receivedDate = fieldNamed(entity, /received_date|paid_date/, ['date']);
  if (!expected || !(receivedAmount || receivedDate)) return;
  let received = (receivedAmount && row[receivedAmount.name] != null) || (receivedDate && row[receivedDate.name] != null);
  if (!position) {
    // Without a workflow, receipts are independent of any stage: about half are received.
    received = rng.chance(0.5);
    for (const field of [receivedAmount, receivedDate]) {
      if (field) row[field.name] = received ? fieldValue(field, ctx) : null;
    }
  }
  if (received) {
    const due = addDays(today, -rng.int(10, 300));
    row[expected.name] = isoDate(due);
    if (receivedDate) row[receivedDate.name] = isoDate(new Date(Math.min(today.getTime(), addDays(due, rng.int(-10, 25)).getTime())));
    if (receivedAmount && amount && typeof row[amount.name] === 'number') {
      const full = row[amount.name] as number;
      row[receivedAmount.name] = position && position.stage.kind !== 'won' ? Math.round(full * rng.float(0.2, 0.8)) : full;
    }
    return;
  }
  const overdueStage = position && /overdue|escalat|legal|written|default|bad/.test(position.stage.id);
  const overdue = overdueStage || (!position && rng.chance(0.5)) || (position?.stage.kind === 'open' && rng.chance(0.2));
  row[expected.name] = isoDate(addDays(today, overdue ? -rng.int(5, 150) : rng.int(1, 120)));
}

/** The demo rows of every entity of `model`, generated without touching a database. */
export function buildDemoData(model: SalesModel, options: DemoOptions = {}): Built {
  const scale = options.scale ?? 1;
  const today = options.today ?? new Date();
  const salesforce = planSalesforce(model, scale);
  const order = dependencyOrder(model);
  const builder = new DemoBuilder(model, salesforce, today, options.seed ?? DEFAULT_SEED, scale, order);
  builder.build();
  const sequences = order.flatMap((resource) => applyRuleValues(model.entities[resource], builder.rows.get(resource) ?? []));
  return { rows: builder.rows, order, salesforce, sequences };
}
