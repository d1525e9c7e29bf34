/**
 * A small hand-built model for the database tests: salespeople, teams, customers (workflow,
 * owner), opportunities (gated workflow, lines) and collections (expected / received).
 */
import type { EntityModel, FieldKind, FieldModel, SalesModel, StageModel } from '@ra-sales/schema';

type FieldOptions = Partial<Omit<FieldModel, 'name' | 'kind'>> & { enumValues?: string[] };

export function field(name: string, kind: FieldKind, options: FieldOptions = {}): FieldModel {
  const { enumValues, ...rest } = options;
  return {
    name,
    label: { en: name },
    kind,
    required: false,
    schema: {},
    list: false,
    filter: false,
    sortable: false,
    search: false,
    readOnly: false,
    ...(enumValues ? { options: enumValues.map((value) => ({ value, label: { en: value } })) } : {}),
    ...rest,
  };
}

export function stage(id: string, order: number, kind: StageModel['kind'] = 'open', extra: Partial<StageModel> = {}): StageModel {
  return { id, label: { en: id }, kind, order, ...extra };
}

export function entity(name: string, resource: string, fields: FieldModel[], extra: Partial<EntityModel> = {}): EntityModel {
  return {
    name,
    typeName: name[0].toUpperCase() + name.slice(1),
    resource,
    label: { en: name },
    pluralLabel: { en: resource },
    recordRepresentation: 'name',
    group: 'main',
    fields,
    unique: [],
    lookups: {},
    validations: [],
    actions: {},
    schema: {},
    access: { roles: {}, default: { read: 'all', write: 'all' } },
    sort: { field: 'id', order: 'ASC' },
    source: `entities/${name}.schema.json`,
    ...extra,
  };
}

const ownerAccess = { ownerField: 'owner_id', roles: {}, default: { read: 'all', write: 'all' } } as const;

export function salespeopleEntity(): EntityModel {
  return entity('salesperson', 'salespeople', [
    field('name', 'string', { required: true, sortable: true }),
    field('role', 'enum', { required: true, filter: true, enumValues: ['admin', 'sales_manager', 'sales_rep', 'presales'] }),
    field('team_id', 'reference', { ref: 'teams', filter: true }),
    field('phone', 'phone'),
    field('email', 'email'),
    field('hire_date', 'date'),
    field('active', 'boolean'),
  ]);
}

export function teamsEntity(): EntityModel {
  return entity('team', 'teams', [
    field('name', 'string', { required: true }),
    field('manager_id', 'reference', { ref: 'salespeople' }),
    field('target_amount', 'money', { minimum: 0, maximum: 999999999999 }),
  ]);
}

export function customersEntity(): EntityModel {
  return entity(
    'customer',
    'customers',
    [
      field('name', 'string', { required: true, sortable: true, search: true, maxLength: 200 }),
      field('grade', 'enum', { required: true, filter: true, sortable: true, enumValues: ['A', 'B', 'C', 'D'] }),
      field('status', 'enum', { filter: true, enumValues: ['potential', 'intent', 'customer', 'lost'] }),
      field('industry', 'string', { filter: true }),
      field('contact_phone', 'phone'),
      field('website', 'url'),
      field('address', 'string'),
      field('credit_limit', 'money', { sortable: true, minimum: 0, maximum: 999999999999 }),
      field('owner_id', 'reference', { ref: 'salespeople', filter: true }),
      field('lost_reason', 'text'),
    ],
    {
      access: ownerAccess,
      workflow: {
        field: 'status',
        initial: 'potential',
        stages: [
          stage('potential', 0),
          stage('intent', 1, 'open', { gate: { required: ['contact_phone'] } }),
          stage('customer', 2),
          stage('lost', 3, 'lost', { entry: { required: ['lost_reason'] } }),
        ],
        transitions: [],
        approvals: [],
        reasonField: 'lost_reason',
      },
    },
  );
}

export function opportunitiesEntity(): EntityModel {
  const lineItems = [
    field('product_name', 'string', { required: true }),
    field('quantity', 'number', { required: true, minimum: 1, maximum: 1000 }),
    field('unit_price', 'money', { required: true, minimum: 0, maximum: 999999999999 }),
  ];
  return entity(
    'opportunity',
    'opportunities',
    [
      field('name', 'string', { required: true, sortable: true }),
      field('customer_id', 'reference', { ref: 'customers', required: true, filter: true }),
      field('stage', 'enum', { filter: true }),
      field('owner_id', 'reference', { ref: 'salespeople', filter: true }),
      field('expected_amount', 'money', { sortable: true, filter: true, minimum: 0, maximum: 999999999999 }),
      field('probability', 'percent', { minimum: 0, maximum: 100 }),
      field('expected_sign_date', 'date', { sortable: true }),
      field('need', 'text', { section: 'development' }),
      field('budget', 'money', { section: 'development', minimum: 0, maximum: 999999999999 }),
      field('importance', 'enum', { section: 'initiation', enumValues: ['N', 'I', 'VI', 'NI'] }),
      field('bid_price', 'money', { section: 'bidding', minimum: 0, maximum: 999999999999 }),
      field('bid_strategy', 'text', { section: 'bidding' }),
      field('bid_submitted', 'boolean', { section: 'bidding' }),
      field('lines', 'lines', { itemFields: lineItems }),
      field('close_reason', 'text', { section: 'closing' }),
    ],
    {
      access: ownerAccess,
      sort: { field: 'expected_amount', order: 'DESC' },
      workflow: {
        field: 'stage',
        initial: 'development',
        amountField: 'expected_amount',
        reasonField: 'close_reason',
        stages: [
          stage('development', 0, 'open', { gate: { required: ['need', 'budget', 'expected_sign_date'] } }),
          stage('initiation', 1, 'open', {
            gate: { required: ['expected_amount', 'importance'], properties: { expected_amount: { exclusiveMinimum: 0 } } },
          }),
          stage('bidding', 2, 'open', {
            gate: {
              required: ['bid_price', 'bid_submitted'],
              properties: { bid_submitted: { const: true }, bid_price: { exclusiveMinimum: 0 } },
            },
          }),
          stage('won', 3, 'won'),
          stage('lost', 4, 'lost', {
            entry: { required: ['close_reason'], properties: { close_reason: { minLength: 5 } } },
          }),
        ],
        transitions: [
          { from: 'development', to: 'initiation' },
          { from: 'initiation', to: 'bidding' },
          { from: 'bidding', to: 'won' },
          ...['development', 'initiation', 'bidding'].map((from) => ({ from, to: 'lost' })),
        ],
        approvals: [],
      },
    },
  );
}

export function collectionsEntity(): EntityModel {
  return entity(
    'collection',
    'collections',
    [
      field('opportunity_id', 'reference', { ref: 'opportunities', required: true, filter: true }),
      field('customer_id', 'reference', { ref: 'customers', filter: true }),
      field('owner_id', 'reference', { ref: 'salespeople', filter: true }),
      field('amount', 'money', { required: true, minimum: 0, maximum: 999999999999 }),
      field('expected_date', 'date', { required: true, sortable: true, filter: true }),
      field('received_amount', 'money', { minimum: 0, maximum: 999999999999 }),
      field('received_date', 'date'),
      field('note', 'text'),
    ],
    { access: ownerAccess, recordRepresentation: 'id' },
  );
}

export function testModel(entities: EntityModel[] = defaultEntities()): SalesModel {
  return {
    locales: ['en', 'zh-CN'],
    groups: [{ id: 'main', label: { en: 'Main' } }],
    roles: { admin: { en: 'Admin' }, sales_manager: { en: 'Sales manager' }, sales_rep: { en: 'Sales rep' } },
    entities: Object.fromEntries(entities.map((e) => [e.resource, e])),
    users: { resource: 'salespeople', roleField: 'role', teamField: 'team_id' },
    dashboard: [],
  };
}

export function defaultEntities(): EntityModel[] {
  return [salespeopleEntity(), teamsEntity(), customersEntity(), opportunitiesEntity(), collectionsEntity()];
}

/** A copy of `model` with `change` applied to the entity `resource`. */
export function withEntity(model: SalesModel, resource: string, change: (entity: EntityModel) => EntityModel): SalesModel {
  const copy = structuredClone(model);
  copy.entities[resource] = change(copy.entities[resource]);
  return copy;
}
