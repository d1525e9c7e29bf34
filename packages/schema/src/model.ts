/**
 * The compiled model: what every generator, the server and the screens read.
 * Nothing downstream reads the raw schema files; they read this.
 */
import type { FigurePeriod, FigureUnit, ReportId } from './reports.js';

/** A human label per locale, e.g. `{ en: "Customer", "zh-CN": "客户" }`. `en` is always present. */
export type Labels = { en: string; 'zh-CN'?: string; [locale: string]: string | undefined };

export type JsonSchema = { [keyword: string]: unknown };

/** How a field is stored, validated and shown. Every kind has one entry in each registry that maps kinds. */
export const FIELD_KINDS = [
  'string',
  'text',
  'integer',
  'number',
  'money',
  'percent',
  'date',
  'datetime',
  'boolean',
  'enum',
  'reference',
  'email',
  'phone',
  'url',
  'lines',
  'json',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface EnumOption {
  value: string;
  label: Labels;
}

/** A field as the screens know it: everything but its JSON Schema (see `FieldModel`). */
export interface ClientFieldModel {
  name: string;
  label: Labels;
  kind: FieldKind;
  required: boolean;
  /** Target resource of a `reference` field. */
  ref?: string;
  /** Options of an `enum` field, in schema order. */
  options?: EnumOption[];
  /** Columns of a `lines` field (an array of objects), e.g. product, quantity, unit price. */
  itemFields?: ClientFieldModel[];
  /** Shown as a column in the list. */
  list: boolean;
  /** Offered as a list filter. */
  filter: boolean;
  sortable: boolean;
  /** Included in the `q` full-text search. */
  search: boolean;
  /** Set by the server, never by a client (e.g. computed totals). */
  readOnly: boolean;
  /** Multi-line text, phone, … ; a hint for the screens, free-form. */
  widget?: string;
  /** The section (tab of Edit/Show) the field is on, as `x-sections` and `x-section` place it; absent: the main section. */
  section?: string;
  /** Service level for the field, e.g. days allowed; informative. */
  help?: Labels;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  /** A regular expression (`u` flag) a text value must match. */
  pattern?: string;
  default?: unknown;
  /** `x-write`: only these roles may give the field a value or change it. Absent: whoever may write the record. */
  write?: FieldRight;
  /** `x-computed`: a JSON Logic expression the server evaluates on every save; the field is read-only. */
  computed?: Expression;
  /** `x-sequence`: a document number pattern such as `HT-{yyyy}-{seq:5}`, assigned on create; read-only. */
  sequence?: string;
  /**
   * `x-sequence: { "pattern": …, "gapless": true }`: the number is drawn inside the create's
   * transaction, so a refused create gives it back (no gaps), at the price of one create of the
   * entity at a time. Otherwise it is drawn just before the transaction (a refused create leaves a gap).
   */
  sequenceGapless?: boolean;
  /** `x-unique: true`: no two records hold the same value (empty values do not count). */
  unique?: boolean;
  /**
   * `x-ref-where` on a reference: the referenced record must match this filter, whose `$field`
   * values are read from this record, e.g. `{ "customer_id": "$customer_id" }` (a contact of the chosen customer).
   */
  refWhere?: Filter;
}

/** A field as the server knows it. */
export interface FieldModel extends ClientFieldModel {
  /** The property's JSON Schema after `$ref` resolution, without the x- keywords (they are the fields of this model). */
  schema: JsonSchema;
  itemFields?: FieldModel[];
  /** Names the field had before (`x-renamed-from`): a migration renames the column, keeping its values and their audit. */
  formerNames?: string[];
  /** How a migration converts stored values the field no longer accepts (`x-migrate`). */
  migrate?: ValueMigration;
}

/**
 * `x-migrate`: stored values a field no longer accepts (a value taken out of its enum, a text
 * longer than its new maxLength, an empty value of a field now required) are converted by `map`
 * (old value, written as text, to new value), else take `otherwise.value` (null empties them).
 * Without a conversion for each of them, the migration is refused and names the records.
 */
export interface ValueMigration {
  map?: Record<string, unknown>;
  otherwise?: { value: unknown };
}

/** `retired_stages`: a stage taken out of the workflow; its records move to `into`, with a history row each. */
export interface RetiredStage {
  id: string;
  into: string;
  /** Kept to name the stage in the history of the records that went through it. */
  label?: Labels;
}

/** A JSON Logic expression (https://jsonlogic.com). */
export type Expression = unknown;

/**
 * A filter in the vocabulary of the REST API's `filter` parameter (`field`, `field_neq`, `field_gte`,
 * `field_lte`, `field_gt`, `field_lt`; a list means "one of"). A string value `"$name"` is read from the
 * record the rule is about (`"$lines.product_id"`: every product of its lines).
 */
export type Filter = Record<string, unknown>;

export interface FieldRight {
  roles: string[];
  /** `false`: not on a record the user owns, even with the role (a manager does not score their own review). */
  owner: boolean;
}

/** `x-lookups`: values read from other records in the write's transaction, for computed fields and conditions. */
export type LookupModel =
  | {
      kind: 'record';
      /** Reference field of this entity. */
      ref: string;
      /** Resource it points into. */
      target: string;
      /** Fields of the referenced record made available as `<lookup>.<field>`. */
      fields: string[];
    }
  | {
      kind: 'aggregate';
      fn: 'sum' | 'count' | 'min' | 'max';
      /** Field aggregated (`id` for count). */
      field: string;
      /** Resource the rows come from. */
      from: string;
      where: Filter;
    };

export interface StageLock {
  /** Roles that may move a record out of the stage again (with a reason); admin always may. */
  reversibleBy: string[];
  /** Fields that stay editable in the stage. */
  except: string[];
}

export type StageKind = 'open' | 'won' | 'lost';

export interface StageModel {
  id: string;
  label: Labels;
  kind: StageKind;
  /** Position in the workflow, 0-based, in schema order. */
  order: number;
  /**
   * The key node: a JSON Schema the record must satisfy to leave this stage forward
   * (to a later open stage or a won stage).
   */
  gate?: JsonSchema;
  /** Human list of what the gate requires, for checklists. */
  gateChecklist?: GateItem[];
  /** A JSON Schema the record must satisfy to enter this stage (e.g. a lost reason). */
  entry?: JsonSchema;
  entryChecklist?: GateItem[];
  /** Days a record should stay at most in this stage (an SLA): past it, the record is overdue in the stage. */
  slaDays?: number;
  /** Chance (0–100) that a record in this stage is won; the workflow's `probabilityField` takes it on entry. */
  probability?: number;
  /** Forecast category of records in this stage (Salesforce's). */
  forecast?: ForecastCategory;
  /** A record in this stage can be neither edited nor deleted; leaving it is a reversal. */
  lock?: StageLock;
  /** Ids the stage had before (`renamed_from`): a migration moves its records, history and approvals to the new id. */
  formerIds?: string[];
  /** The pipeline the stage belongs to, when the workflow has several. */
  pipeline?: string;
}

export interface GateItem {
  /** Field the item is about. */
  field: string;
  label: Labels;
  /** The item's own schema (`required` + property constraints), checked on its own. */
  schema: JsonSchema;
}

export interface ApprovalRule {
  /** Stage ids the transition starts from; `["*"]` for any. */
  from: string[];
  to: string;
  /** The role whose approval is needed. */
  role: string;
  /** Only when the record (after the update) satisfies this JSON Schema. */
  when?: JsonSchema;
  label?: Labels;
  /**
   * Fields the approval decides: frozen while it is pending; changing one after approval voids it.
   * `freezes` when written, else the fields its `when`, the gate of its `from` stages and the entry of `to` name.
   */
  freezes: string[];
}

export interface TransitionModel {
  from: string;
  to: string;
  /** Taken by the server as soon as the move's checks pass (`"auto": true`). */
  auto?: boolean;
}

export interface WorkflowModel {
  /** The field holding the stage. */
  field: string;
  initial: string;
  stages: StageModel[];
  /** Every allowed move, expanded (no wildcards). */
  transitions: TransitionModel[];
  approvals: ApprovalRule[];
  /** Field summed on the board columns (e.g. expected amount). */
  amountField?: string;
  /** Field holding the comment / reason given with the last transition, if any. */
  reasonField?: string;
  /** Number field set to the entered stage's `probability` on create and on every move. */
  probabilityField?: string;
  /** Stages taken out of the workflow (`retired_stages`), for the migration and the history's labels. */
  retired?: RetiredStage[];
  /**
   * Several pipelines (`pipeline` + `pipelines`): `stages`, `transitions` and `approvals` are then
   * those of every pipeline, each stage in exactly one (`StageModel.pipeline`), and no transition
   * crosses from one pipeline to another; a record changes pipeline only by a declared switch.
   */
  pipelines?: PipelinesModel;
}

export interface PipelinesModel {
  /** The field holding the record's pipeline; its values are the pipelines' ids. */
  field: string;
  /** The first is the main pipeline (the workflow's own stages): new records without a pipeline go there. */
  list: PipelineModel[];
  switches: PipelineSwitch[];
}

export interface PipelineModel {
  id: string;
  label: Labels;
  /** Stage of a new record in this pipeline. */
  initial: string;
  /** Its stages' ids, in order. */
  stages: string[];
}

/** A declared change of pipeline: the stage a record goes to is `stages[its stage]`, else the initial stage of `to`. */
export interface PipelineSwitch {
  from: string;
  to: string;
  stages: Record<string, string>;
  /** Roles that may make the switch (admin always may); absent: whoever may change the record. */
  roles?: string[];
}

/** Forecast categories of a stage, as Salesforce names them. */
export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

/** Server-owned column of every workflow entity's table: when the record entered its current stage. */
export const STAGE_ENTERED_FIELD = 'stage_entered_at';

export type Scope = 'own' | 'team' | 'all' | 'none';

export interface AccessModel {
  /** Field holding the owning salesperson's id, if rows are owned. */
  ownerField?: string;
  /** Per role: which rows it reads and writes. Roles not listed fall back to `default`. */
  roles: Record<string, { read: Scope; write: Scope }>;
  default: { read: Scope; write: Scope };
}

/** An entity as the screens know it: everything but its JSON Schema and source file (see `EntityModel`). */
export interface ClientEntityModel {
  /** Singular name, from the file name: `opportunity`. */
  name: string;
  /** PascalCase type name: `Opportunity`. */
  typeName: string;
  /** REST resource and table name: `opportunities`. */
  resource: string;
  label: Labels;
  pluralLabel: Labels;
  description?: Labels;
  icon?: string;
  /** Field shown when a record is referenced. */
  recordRepresentation: string;
  /** Where in the menu: a group id of `model.groups`. */
  group: string;
  fields: ClientFieldModel[];
  /** The tabs of the edit and show pages, in order (`x-sections`). Absent only in a hand-built model. */
  sections?: SectionModel[];
  workflow?: WorkflowModel;
  access: AccessModel;
  /** Default list sort. */
  sort: { field: string; order: 'ASC' | 'DESC' };
  /** Sets of fields no two records may share (`x-unique` on fields and on the entity). */
  unique: string[][];
  /** `x-lookups` by name. */
  lookups: Record<string, LookupModel>;
  /** `x-validate`: conditions every saved record meets. */
  validations: ValidationRule[];
  /** `x-actions` by name: the next documents created from a record. */
  actions: Record<string, ActionModel>;
  /** The related lists of the show page, in order (`x-related`). Absent only in a hand-built model. */
  related?: RelatedListModel[];
}

/** A list of the records of another entity whose reference field points at the record shown. */
export interface RelatedListModel {
  /** The referencing entity's resource. */
  resource: string;
  /** Its reference field holding this record's id. */
  field: string;
}

/** The section of the fields no section names: shown first unless `x-sections` places it. */
export const MAIN_SECTION = 'main';
/** The main section's label when `x-sections` gives it none. */
export const MAIN_SECTION_LABEL: Labels = { en: 'General', 'zh-CN': '基本信息' };

/** A tab of the edit and show pages. Every field of the entity is on exactly one; a tab without fields is left out. */
export interface SectionModel {
  id: string;
  label: Labels;
  /** Field names, in the order shown. */
  fields: string[];
}

/** An entity as the server knows it. */
export interface EntityModel extends ClientEntityModel {
  fields: FieldModel[];
  /** The entity's JSON Schema (resolved, stage enum filled in), without server-owned fields. */
  schema: JsonSchema;
  /** The schema file it came from, relative to the schema folder. */
  source: string;
}

/** `x-actions`: records of other entities created from this one, in one transaction. */
export interface ActionModel {
  name: string;
  label: Labels;
  description?: Labels;
  /** Stages the record must be in; any when absent. */
  stages?: string[];
  /** Roles that may run it; anyone who may change the record when absent. */
  roles?: string[];
  bulk: boolean;
  creates: ActionStep[];
  /** Fields of the record set afterwards: field → JSON Logic. */
  update: Record<string, Expression>;
  /** The `as` name of the created record opened next. */
  opens: string;
}

/** A lines field set by an action: one row per item of `rows`, columns read `$row`. */
export interface LinesMapping {
  rows: Expression;
  columns: Record<string, Expression>;
}

export interface ActionStep {
  as: string;
  resource: string;
  when?: Expression;
  /** One record per item of this list (`$item`, `$index`). */
  each?: Expression;
  set: Record<string, Expression | LinesMapping>;
}

/** A condition on the record, its computed values and its lookups that every save must meet. */
export interface ValidationRule {
  /** A JSON Logic expression that must be true. */
  rule: Expression;
  message: Labels;
  /** The fields the message is shown under. */
  fields: string[];
}

export interface MenuGroup {
  id: string;
  label: Labels;
}

/**
 * `users` in model.json: the entity whose records are the users. Owner fields reference it, the
 * `team` scope reads its team field, and the server finds a signed-in user's roles in it.
 */
export interface UsersModel {
  /** The entity's resource, e.g. `salespeople`. */
  resource: string;
  /** Its enum field holding the user's role (a role id of the model). */
  roleField: string;
  /** Its reference field holding the user's team; without it, `team` scopes act as `own`. */
  teamField?: string;
}

/** One report card of the dashboard (`dashboard.cards` in model.json), in the declared order. */
export interface DashboardCard {
  /** A report of the server: a key of `REPORT_SPECS`. */
  report: ReportId;
  title: Labels;
  /** Parameters sent with every request, e.g. `{ "resource": "opportunities" }`. */
  params: Record<string, unknown>;
  /** How the answer is shown, one of the report's `charts` (its first when not declared). */
  chart?: string;
}

/** One kind of note kept on a record (`activities.kinds` in model.json): a note, a call, a visit. */
export interface ActivityKind {
  /** Stored in `sales_notes.kind`. */
  id: string;
  label: Labels;
  /** A Material icon name of `ICON_NAMES`; the screens choose one by the kind's id when absent. */
  icon?: string;
}

/** `activities` in model.json: what notes, calls and visits a record's activity holds. */
export interface ActivitiesModel {
  kinds: ActivityKind[];
}

/**
 * One headline figure of the dashboard (`dashboard.figures` in model.json): a single value read
 * from a report's answer, within the caller's read scope, shown as a tile above the cards.
 */
export interface DashboardFigure {
  /** The report the value comes from: a key of `REPORT_SPECS` with `values`. */
  report: ReportId;
  /** One of the report's `values`, e.g. `open_amount`. */
  value: string;
  /** How the value is written, from the report's `values`. */
  unit: FigureUnit;
  title: Labels;
  /** Parameters sent with the report, e.g. `{ "resource": "opportunities" }`. */
  params: Record<string, unknown>;
  /** For a report taking a period: the calendar month, quarter or year around today (default: no period). */
  period?: FigurePeriod;
  /** With `period`: the same figure of the period before is shown beside it. */
  compare?: boolean;
}

/** The model as the browser receives it (`toClientModel`): labels, fields, stages and rules, no JSON Schemas. */
export interface ClientSalesModel {
  /** Locales every label is given in. */
  locales: string[];
  groups: MenuGroup[];
  /** Role ids and their labels. */
  roles: Record<string, Labels>;
  /** Entities by resource name, in menu order: by group, then as the group's `resources` list them, then by resource name. */
  entities: Record<string, ClientEntityModel>;
  /** The users entity; absent: the model keeps no users (no owner fields, the host's `auth` alone). */
  users?: UsersModel;
  /** The dashboard's report cards, in order. */
  dashboard: DashboardCard[];
  /** The dashboard's headline figures, in order (none when model.json declares none). */
  dashboardFigures?: DashboardFigure[];
  /** The kinds of notes on records; the loader fills in note, call and visit when model.json has none. */
  activities?: ActivitiesModel;
}

/** The whole compiled model: what the server, the migrations and the generators read. */
export interface SalesModel extends ClientSalesModel {
  entities: Record<string, EntityModel>;
}

function clientField({ schema: _schema, itemFields, ...field }: FieldModel): ClientFieldModel {
  return itemFields ? { ...field, itemFields: itemFields.map(clientField) } : field;
}

/** The part of the model the screens need: the server keeps the JSON Schemas and the source file names. */
export function toClientModel(model: SalesModel): ClientSalesModel {
  const entities: Record<string, ClientEntityModel> = {};
  for (const [resource, { schema: _schema, source: _source, fields, ...entity }] of Object.entries(model.entities)) {
    entities[resource] = { ...entity, fields: fields.map(clientField) };
  }
  return { ...model, entities };
}

/** Fields every table has that only the server writes. */
export const SERVER_FIELDS = ['id', 'version', 'created_at', 'updated_at'] as const;
