import { STAGE_ENTERED_FIELD, type EntityModel, type FieldKind, type SalesModel, type UsersModel } from '@ra-sales/schema';

export type UsersEntity = UsersModel & { entity: EntityModel };

/** The entity holding the users, as model.json's `users` declares it; undefined when the model keeps none. */
export function usersOf(model: SalesModel): UsersEntity | undefined {
  const entity = model.users && model.entities[model.users.resource];
  return entity ? { ...model.users!, entity } : undefined;
}

/** The resource the users' team field points into (`teams`), when users have teams. */
export function teamsOf(model: SalesModel): string | undefined {
  const users = usersOf(model);
  return users?.entity.fields.find((f) => f.name === users.teamField)?.ref;
}

export const APPROVALS = 'approvals';
export const HISTORY = 'history';
export const NOTES = 'notes';
export const TASKS = 'tasks';

export interface Column {
  name: string;
  kind: FieldKind;
  /** Target resource of a reference column. */
  ref?: string;
}

export interface EmbedTarget {
  /** Reference column holding the id. */
  field: string;
  /** Resource the id points into. */
  target: string;
}

/** What the HTTP layer needs to know about one REST resource; every SQL identifier comes from here. */
export interface ResourceInfo {
  name: string;
  table: string;
  kind: 'entity' | 'approvals' | 'history' | 'notes' | 'tasks';
  entity?: EntityModel;
  columns: Map<string, Column>;
  /** Columns searched by the `q` filter. */
  searchFields: string[];
  defaultSort: { field: string; order: 'ASC' | 'DESC' };
  /** By embed name: `customer` and `customer_id` both name the `customer_id` reference. */
  embeds: Map<string, EmbedTarget>;
}

const SERVER_COLUMNS: Column[] = [
  { name: 'id', kind: 'integer' },
  { name: 'version', kind: 'integer' },
  { name: 'created_at', kind: 'datetime' },
  { name: 'updated_at', kind: 'datetime' },
];

const approvalColumns = (users: string | undefined): Column[] => [
  { name: 'resource', kind: 'string' },
  { name: 'record_id', kind: 'integer' },
  { name: 'from_stage', kind: 'string' },
  { name: 'to_stage', kind: 'string' },
  { name: 'role', kind: 'string' },
  { name: 'rule_index', kind: 'integer' },
  { name: 'label', kind: 'json' },
  { name: 'status', kind: 'enum' },
  { name: 'requested_by', kind: 'reference', ref: users },
  { name: 'decided_by', kind: 'reference', ref: users },
  { name: 'decided_at', kind: 'datetime' },
  { name: 'comment', kind: 'text' },
  { name: 'frozen', kind: 'json' },
];

const historyColumns = (users: string | undefined): Column[] => [
  { name: 'id', kind: 'integer' },
  { name: 'resource', kind: 'string' },
  { name: 'record_id', kind: 'integer' },
  { name: 'from_stage', kind: 'string' },
  { name: 'to_stage', kind: 'string' },
  { name: 'user_id', kind: 'reference', ref: users },
  { name: 'comment', kind: 'text' },
  { name: 'created_at', kind: 'datetime' },
];

/** Notes, calls and visits on a record (`sales_notes`); the author is set by the server. */
const noteColumns = (users: string | undefined): Column[] => [
  { name: 'resource', kind: 'string' },
  { name: 'record_id', kind: 'integer' },
  { name: 'kind', kind: 'string' },
  { name: 'body', kind: 'text' },
  { name: 'occurred_at', kind: 'datetime' },
  { name: 'author_id', kind: 'reference', ref: users },
];

/** Tasks on a record (`sales_tasks`); the creator and the completion are set by the server. */
const taskColumns = (users: string | undefined): Column[] => [
  { name: 'resource', kind: 'string' },
  { name: 'record_id', kind: 'integer' },
  { name: 'title', kind: 'string' },
  { name: 'description', kind: 'text' },
  { name: 'due_date', kind: 'date' },
  { name: 'assignee_id', kind: 'reference', ref: users },
  { name: 'done', kind: 'boolean' },
  { name: 'done_at', kind: 'datetime' },
  { name: 'done_by', kind: 'reference', ref: users },
  { name: 'created_by', kind: 'reference', ref: users },
];

/** Key of an embedded record: `customer_id` → `customer`; `requested_by` → `requested_by_record`. */
export function embedName(field: string): string {
  return field.endsWith('_id') ? field.slice(0, -3) : `${field}_record`;
}

function describe(
  name: string,
  table: string,
  kind: ResourceInfo['kind'],
  columns: Column[],
  extra: Partial<ResourceInfo>,
  model: SalesModel,
): ResourceInfo {
  const embeds = new Map<string, EmbedTarget>();
  for (const column of columns) {
    if (column.kind !== 'reference' || !column.ref || !model.entities[column.ref]) continue;
    embeds.set(column.name, { field: column.name, target: column.ref });
    embeds.set(embedName(column.name), { field: column.name, target: column.ref });
  }
  return {
    name,
    table,
    kind,
    columns: new Map(columns.map((c) => [c.name, c])),
    searchFields: [],
    defaultSort: { field: 'id', order: 'DESC' },
    embeds,
    ...extra,
  };
}

/** Every resource the router serves: one per entity, plus `approvals`, `history`, `notes` and `tasks`. */
export function describeResources(model: SalesModel): Map<string, ResourceInfo> {
  const resources = new Map<string, ResourceInfo>();
  for (const entity of Object.values(model.entities)) {
    const columns: Column[] = [
      ...SERVER_COLUMNS,
      ...(entity.workflow ? [{ name: STAGE_ENTERED_FIELD, kind: 'datetime' as const }] : []),
      ...entity.fields.map((f) => ({ name: f.name, kind: f.kind, ref: f.ref })),
    ];
    resources.set(
      entity.resource,
      describe(
        entity.resource,
        entity.resource,
        'entity',
        columns,
        {
          entity,
          searchFields: entity.fields.filter((f) => f.search).map((f) => f.name),
          defaultSort: entity.sort,
        },
        model,
      ),
    );
  }
  resources.set(
    APPROVALS,
    describe(
      APPROVALS,
      'sales_approvals',
      'approvals',
      [...SERVER_COLUMNS, ...approvalColumns(model.users?.resource)],
      {
        searchFields: ['comment'],
        defaultSort: { field: 'created_at', order: 'DESC' },
      },
      model,
    ),
  );
  resources.set(
    HISTORY,
    describe(
      HISTORY,
      'sales_history',
      'history',
      historyColumns(model.users?.resource),
      {
        searchFields: ['comment'],
        defaultSort: { field: 'created_at', order: 'DESC' },
      },
      model,
    ),
  );
  resources.set(
    NOTES,
    describe(
      NOTES,
      'sales_notes',
      'notes',
      [...SERVER_COLUMNS, ...noteColumns(model.users?.resource)],
      { searchFields: ['body'], defaultSort: { field: 'occurred_at', order: 'DESC' } },
      model,
    ),
  );
  resources.set(
    TASKS,
    describe(
      TASKS,
      'sales_tasks',
      'tasks',
      [...SERVER_COLUMNS, ...taskColumns(model.users?.resource)],
      { searchFields: ['title', 'description'], defaultSort: { field: 'due_date', order: 'ASC' } },
      model,
    ),
  );
  return resources;
}

/** Kinds stored as jsonb: written as JSON text, never filtered or sorted on. */
export const JSON_KINDS: ReadonlySet<FieldKind> = new Set(['lines', 'json']);
export const TEXT_KINDS: ReadonlySet<FieldKind> = new Set(['string', 'text', 'email', 'phone', 'url', 'enum']);
export const NUMBER_KINDS: ReadonlySet<FieldKind> = new Set(['integer', 'number', 'money', 'percent', 'reference']);
