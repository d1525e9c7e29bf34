/**
 * A small hand-built model with one field of every kind, so the screens are tested
 * independently of the schemas in `schemas/` (which change as the domain grows).
 */
import type { EntityModel, FieldModel, SalesModel } from '@ra-sales/schema';

const field = (name: string, kind: FieldModel['kind'], en: string, zh: string, extra: Partial<FieldModel> = {}): FieldModel => ({
  name,
  kind,
  label: { en, 'zh-CN': zh },
  required: false,
  schema: {},
  list: false,
  filter: false,
  sortable: false,
  search: false,
  readOnly: false,
  ...extra,
});

const access = { roles: {}, default: { read: 'all', write: 'all' } } as EntityModel['access'];

/** Deals are owned: a rep reads and writes their own, a manager all; other roles read only. */
const dealAccess: EntityModel['access'] = {
  ownerField: 'owner_id',
  roles: {
    sales_rep: { read: 'own', write: 'own' },
    sales_manager: { read: 'all', write: 'all' },
    admin: { read: 'all', write: 'all' },
  },
  default: { read: 'all', write: 'none' },
};

/** Rule keywords, as the schema loader compiles them (x-computed is JSON Logic). */
const netPrice = { round: [{ '*': [{ var: 'unit_price' }, { '-': [1, { '/': [{ var: 'discount' }, 100] }] }] }, 2] };
const linesTotal = {
  reduce: [{ var: 'lines' }, { '+': [{ var: 'accumulator' }, { '*': [{ var: 'current.quantity' }, { var: 'current.net_price' }] }] }, 0],
};

export const dealFields: FieldModel[] = [
  field('name', 'string', 'Deal name', '交易名称', {
    required: true,
    list: true,
    sortable: true,
    search: true,
    minLength: 2,
    maxLength: 50,
    schema: { type: 'string', minLength: 2, maxLength: 50 },
  }),
  field('notes', 'text', 'Notes', '备注', { search: true }),
  field('seats', 'integer', 'Seats', '席位数', { minimum: 1, maximum: 1000 }),
  field('weight', 'number', 'Weight', '权重'),
  field('amount', 'money', 'Amount', '金额', { list: true, filter: true, sortable: true, minimum: 0 }),
  // x-write: only a sales manager (or admin) sets the win probability.
  field('probability', 'percent', 'Probability', '概率', { minimum: 0, maximum: 100, write: { roles: ['sales_manager'], owner: true } }),
  field('sign_date', 'date', 'Signing date', '签约日期', { list: true, filter: true }),
  field('reviewed_at', 'datetime', 'Reviewed at', '审核时间'),
  field('active', 'boolean', 'Active', '有效', { filter: true }),
  field('grade', 'enum', 'Grade', '等级', {
    list: true,
    filter: true,
    options: [
      { value: 'A', label: { en: 'A – key', 'zh-CN': 'A 类（重点）' } },
      { value: 'B', label: { en: 'B – ordinary', 'zh-CN': 'B 类（一般）' } },
    ],
  }),
  field('customer_id', 'reference', 'Customer', '客户', { ref: 'customers', list: true, filter: true, required: true }),
  // x-ref-where: a contact of the chosen customer.
  field('contact_id', 'reference', 'Contact', '联系人', { ref: 'contacts', refWhere: { customer_id: '$customer_id' } }),
  field('stage', 'enum', 'Stage', '阶段', { list: true, filter: true }),
  field('email', 'email', 'Email', '电子邮箱', { section: 'contact' }),
  field('phone', 'phone', 'Phone', '电话', {
    section: 'contact',
    pattern: '^[0-9+()\\- ]{5,30}$',
    schema: { type: 'string', pattern: '^[0-9+()\\- ]{5,30}$' },
  }),
  field('website', 'url', 'Website', '网址', { section: 'contact' }),
  field('lines', 'lines', 'Lines', '明细', {
    section: 'items',
    itemFields: [
      field('product', 'string', 'Product', '货品', { required: true }),
      field('quantity', 'number', 'Quantity', '数量'),
      field('unit_price', 'money', 'Unit price', '单价'),
      field('discount', 'percent', 'Discount %', '折扣 %'),
      field('net_price', 'money', 'Net price', '折后单价', { readOnly: true, computed: netPrice }),
    ],
  }),
  field('extra', 'json', 'Extra', '扩展', { section: 'items' }),
  field('total', 'money', 'Total amount', '总金额', { section: 'items', readOnly: true, computed: linesTotal }),
];

const inSection = (id: string) => dealFields.filter((f) => (f.section ?? 'main') === id).map((f) => f.name);

export const deals: EntityModel = {
  name: 'deal',
  typeName: 'Deal',
  resource: 'deals',
  label: { en: 'Deal', 'zh-CN': '交易' },
  pluralLabel: { en: 'Deals', 'zh-CN': '交易档案' },
  icon: 'Handshake',
  recordRepresentation: 'name',
  group: 'sales',
  fields: dealFields,
  sections: [
    { id: 'main', label: { en: 'General', 'zh-CN': '基本信息' }, fields: inSection('main') },
    { id: 'contact', label: { en: 'Contact', 'zh-CN': '联系方式' }, fields: inSection('contact') },
    { id: 'items', label: { en: 'Items', 'zh-CN': '明细' }, fields: inSection('items') },
  ],
  schema: {},
  workflow: {
    field: 'stage',
    initial: 'open',
    stages: [
      { id: 'open', label: { en: 'Open', 'zh-CN': '进行中' }, kind: 'open', order: 0 },
      // Locked stages: a won deal is frozen; a lost one keeps its notes editable.
      { id: 'won', label: { en: 'Won', 'zh-CN': '赢单' }, kind: 'won', order: 1, lock: { reversibleBy: ['sales_manager'], except: [] } },
      {
        id: 'lost',
        label: { en: 'Lost', 'zh-CN': '丢单' },
        kind: 'lost',
        order: 2,
        lock: { reversibleBy: ['sales_manager'], except: ['notes'] },
      },
    ],
    transitions: [
      { from: 'open', to: 'won' },
      { from: 'open', to: 'lost' },
      { from: 'won', to: 'open' },
      { from: 'lost', to: 'open' },
    ],
    // Winning needs a manager's approval, which decides the amount: frozen while it is pending.
    approvals: [{ from: ['open'], to: 'won', role: 'sales_manager', freezes: ['amount'] }],
  },
  access: dealAccess,
  sort: { field: 'amount', order: 'DESC' },
  source: 'entities/deal.schema.json',
  unique: [],
  lookups: {},
  validations: [],
  actions: {},
};

export const customers: EntityModel = {
  name: 'customer',
  typeName: 'Customer',
  resource: 'customers',
  label: { en: 'Customer', 'zh-CN': '客户' },
  pluralLabel: { en: 'Customers', 'zh-CN': '客户档案' },
  recordRepresentation: 'name',
  group: 'sales',
  fields: [field('name', 'string', 'Name', '客户名称', { list: true, required: true })],
  schema: {},
  access,
  sort: { field: 'name', order: 'ASC' },
  source: 'entities/customer.schema.json',
  unique: [],
  lookups: {},
  validations: [],
  actions: {},
};

export const contacts: EntityModel = {
  name: 'contact',
  typeName: 'Contact',
  resource: 'contacts',
  label: { en: 'Contact', 'zh-CN': '联系人' },
  pluralLabel: { en: 'Contacts', 'zh-CN': '联系人' },
  recordRepresentation: 'name',
  group: 'sales',
  fields: [
    field('name', 'string', 'Name', '姓名', { list: true, required: true }),
    field('customer_id', 'reference', 'Customer', '客户', { ref: 'customers', list: true, filter: true, required: true }),
  ],
  schema: {},
  access,
  sort: { field: 'name', order: 'ASC' },
  source: 'entities/contact.schema.json',
  unique: [],
  lookups: {},
  validations: [],
  actions: {},
};

export const fixtureModel: SalesModel = {
  locales: ['zh-CN', 'en'],
  groups: [{ id: 'sales', label: { en: 'Sales', 'zh-CN': '销售' } }],
  roles: {
    admin: { en: 'Administrator', 'zh-CN': '管理员' },
    sales_rep: { en: 'Sales rep', 'zh-CN': '销售代表' },
    sales_manager: { en: 'Sales manager', 'zh-CN': '销售经理' },
  },
  entities: { deals, customers, contacts },
  dashboard: [],
};

export const dealRecord = {
  id: 1,
  version: 3,
  name: 'Harbour upgrade',
  notes: 'First line\nsecond line',
  seats: 42,
  weight: 3.5,
  amount: 12345.5,
  probability: 35,
  sign_date: '2026-03-01',
  reviewed_at: '2026-02-10T08:30:00Z',
  active: true,
  grade: 'A',
  customer_id: 7,
  contact_id: 11,
  owner_id: 5,
  stage: 'open',
  email: 'li@example.com',
  phone: '+86 10 1234 5678',
  website: 'https://example.com',
  lines: [
    { product: 'Router', quantity: 2, unit_price: 100, discount: 10, net_price: 90 },
    { product: 'Switch', quantity: 1, unit_price: 50, net_price: 50 },
  ],
  extra: { color: 'blue' },
  total: 230,
};

export const customerRecord = { id: 7, version: 1, name: 'Acme Trading' };

/** Two contacts of Acme Trading (7), one of another customer. */
export const contactRecords = [
  { id: 11, version: 1, name: 'Li Wei', customer_id: 7 },
  { id: 12, version: 1, name: 'Wang Fang', customer_id: 7 },
  { id: 21, version: 1, name: 'Zhao Min', customer_id: 9 },
];

/** Users as `GET /me` answers: an admin (the default in tests), the deal's owner (a rep) and a manager. */
export const users = {
  admin: { id: 1, roles: ['admin'], teamId: null, fullName: 'Ada Admin' },
  rep: { id: 5, roles: ['sales_rep'], teamId: 1, fullName: 'Rui Rep' },
  manager: { id: 2, roles: ['sales_manager'], teamId: 1, fullName: 'Mei Manager' },
  viewer: { id: 8, roles: ['viewer'], teamId: null, fullName: 'Vic Viewer' },
};
