import type { EntityModel, FieldModel } from '@ra-sales/schema';
import {
  address,
  bankAccount,
  companyName,
  documentNumber,
  landlinePhone,
  mobilePhone,
  personName,
  taxNumber,
  type Company,
  type Person,
} from './names.js';
import type { Random } from './random.js';
import {
  CARRIERS,
  CITIES,
  DEPARTMENTS,
  INDUSTRIES,
  INTERESTS,
  JOB_TITLES,
  PHRASES,
  PRODUCT_CATEGORIES,
  PRODUCTS,
  PROJECT_KINDS,
  REGIONS,
  UNITS,
} from './vocabulary.js';

/** What the value of one field may depend on: the row being built and the data so far. */
export interface RowContext {
  rng: Random;
  today: Date;
  entity: EntityModel;
  /** The row's id. */
  serial: number;
  /** The company the row is about (its own name for a customer, its customer's otherwise). */
  company: Company;
  /** The person the row is about (a contact or salesperson's own name). */
  person: Person;
  /** An existing id of `resource`, or null when it has no rows. */
  pickReference(resource: string): number | null;
}

const DAY_MS = 86_400_000;

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Entities whose records are companies (their name is a company name). */
export function isCompanyEntity(entity: EntityModel): boolean {
  return /customer|channel|dealer|agent|partner|supplier|compan|account/.test(entity.resource);
}

/** Entities whose records are people. */
export function isPersonEntity(entity: EntityModel): boolean {
  return /salespe|contact|people|person|staff|employee|user|engineer/.test(entity.resource);
}

function isProductEntity(entity: EntityModel): boolean {
  return /product|goods|item/.test(entity.resource);
}

function zhLabel(entity: EntityModel): string {
  return entity.label['zh-CN'] ?? entity.label.en;
}

function codePrefix(entity: EntityModel, field: FieldModel): string {
  const letters = (field.name.startsWith('tracking') ? 'SF' : entity.resource.replace(/[^a-z]/g, '').slice(0, 2)).toUpperCase();
  return letters || 'NO';
}

function clampNumber(field: FieldModel, value: number): number {
  const min = field.minimum ?? (field.schema.exclusiveMinimum as number | undefined);
  const max = field.maximum ?? (field.schema.exclusiveMaximum as number | undefined);
  let clamped = value;
  if (typeof min === 'number' && clamped < min) clamped = min;
  if (typeof max === 'number' && clamped > max) clamped = max;
  return clamped;
}

function representation(field: FieldModel, ctx: RowContext): string {
  const { entity, rng, company, person } = ctx;
  if (isCompanyEntity(entity)) return company.name;
  if (isPersonEntity(entity)) return person.name;
  if (isProductEntity(entity)) {
    const product = PRODUCTS[(ctx.serial - 1) % PRODUCTS.length];
    return `${product.name} ${product.spec}${ctx.serial > PRODUCTS.length ? `-${Math.ceil(ctx.serial / PRODUCTS.length)}` : ''}`;
  }
  if (/territor|region|area/.test(entity.resource))
    return `${REGIONS[(ctx.serial - 1) % REGIONS.length]}区${ctx.serial > REGIONS.length ? ctx.serial : ''}`;
  if (/team/.test(entity.resource)) return `${REGIONS[(ctx.serial - 1) % REGIONS.length]}销售${ctx.serial}组`;
  if (/opportunit|project/.test(entity.resource)) return `${company.short}${rng.pick(PROJECT_KINDS)}项目`;
  return `${company.short}${zhLabel(entity)}${field.name === 'subject' ? '' : ` ${ctx.serial}`}`;
}

function phraseByName(name: string, rng: Random): string | undefined {
  const topic = /need|requirement|problem/.test(name)
    ? 'need'
    : /competit/.test(name)
      ? 'competitor'
      : /decision/.test(name)
        ? 'decision'
        : /terms|warranty|after_sales|obligation/.test(name)
          ? 'terms'
          : /financ|credit_assessment/.test(name)
            ? 'finance'
            : /strategy|proposal|solution|technical/.test(name)
              ? 'strategy'
              : /reason|opinion/.test(name)
                ? 'reason'
                : /outcome|result|feedback|work_done|work_log|summary|investigation|handling/.test(name)
                  ? 'result'
                  : /description|complaint|content|issue/.test(name)
                    ? 'description'
                    : /plan|next_step|purpose|follow/.test(name)
                      ? 'plan'
                      : /note|remark|comment|suggestion|preference|scope|basis/.test(name)
                        ? 'note'
                        : undefined;
  return topic ? rng.pick(PHRASES[topic]) : undefined;
}

/** A value chosen by the field's name, for string and text fields alike; undefined when the name says nothing. */
function namedText(field: FieldModel, ctx: RowContext): string | undefined {
  const { rng, company, entity } = ctx;
  const name = field.name;
  if (name === entity.recordRepresentation || name === 'name' || name === 'subject') return representation(field, ctx);
  if (/job_title|position/.test(name)) return rng.pick(JOB_TITLES);
  if (/department/.test(name)) return rng.pick(DEPARTMENTS);
  if (/carrier/.test(name)) return rng.pick(CARRIERS);
  if (/interest|hobb/.test(name)) return `${rng.pick(INTERESTS)}、${rng.pick(INTERESTS)}`;
  const phrase = phraseByName(name, rng);
  if (phrase) return phrase;
  if (/company|customer_name|invoice_title|title|purchase_place|partner/.test(name)) return company.name;
  if (/contact_name|representative|person|manager|engineer|trainer|owner_name|analyst|claimant|signer/.test(name))
    return personName(rng).name;
  if (/address/.test(name)) return address(rng, company.city);
  if (/industry/.test(name)) return company.industry ?? rng.pick(INDUSTRIES);
  if (/hometown|city/.test(name)) return rng.pick(CITIES);
  if (/region|area|territory/.test(name)) return rng.pick(REGIONS);
  if (/tax/.test(name)) return taxNumber(rng);
  if (/bank/.test(name)) return bankAccount(rng, company.city);
  if (/model|spec/.test(name)) return (isProductEntity(entity) ? PRODUCTS[(ctx.serial - 1) % PRODUCTS.length] : rng.pick(PRODUCTS)).spec;
  if (/category/.test(name)) return rng.pick(PRODUCT_CATEGORIES);
  if (/^unit$|_unit$/.test(name)) return rng.pick(UNITS);
  if (/product/.test(name)) return rng.pick(PRODUCTS).name;
  if (/number|code|_no$|tracking/.test(name)) return documentNumber(codePrefix(entity, field), ctx.today.getUTCFullYear(), ctx.serial);
  if (/period|month/.test(name)) return isoDate(addDays(ctx.today, -30 * rng.int(0, 12))).slice(0, 7);
  if (/year/.test(name)) return String(ctx.today.getUTCFullYear() - rng.int(0, 1));
  return undefined;
}

/** Candidates tried in turn when a field has a `pattern`. */
function patternCandidates(field: FieldModel, ctx: RowContext, first: string): string[] {
  const year = ctx.today.getUTCFullYear();
  return [
    first,
    documentNumber(codePrefix(ctx.entity, field), year, ctx.serial),
    isoDate(addDays(ctx.today, -30 * ctx.rng.int(0, 12))).slice(0, 7),
    String(year),
    `${codePrefix(ctx.entity, field)}${String(ctx.serial).padStart(6, '0')}`,
    ctx.rng.digits(8),
  ];
}

/** Fits a string to the field's length and pattern constraints; undefined when it cannot. */
function fitString(field: FieldModel, ctx: RowContext, value: string): string | undefined {
  const pattern = typeof field.schema.pattern === 'string' ? new RegExp(field.schema.pattern as string, 'u') : null;
  const maxLength = field.maxLength ?? (field.schema.maxLength as number | undefined);
  const minLength = (field.schema.minLength as number | undefined) ?? 0;
  const fits = (text: string) =>
    (!pattern || pattern.test(text)) && (!maxLength || [...text].length <= maxLength) && [...text].length >= minLength;
  if (fits(value)) return value;
  let candidate = value;
  if (maxLength && [...candidate].length > maxLength) candidate = [...candidate].slice(0, maxLength).join('');
  while ([...candidate].length < minLength) candidate += '。';
  if (fits(candidate)) return candidate;
  return patternCandidates(field, ctx, value).find(fits);
}

function moneyByName(field: FieldModel, rng: Random): number {
  const name = field.name;
  const [min, max] = /fee|expense|spent|travel|cost|amount_change/.test(name)
    ? [800, 80_000]
    : /unit_price|list_price|price_each/.test(name)
      ? [1_000, 300_000]
      : /limit/.test(name)
        ? [100_000, 3_000_000]
        : [50_000, 5_000_000];
  const value = rng.logUniform(min, max);
  const step = value >= 100_000 ? 1000 : 100;
  return clampNumber(field, Math.round(value / step) * step);
}

function percentByName(field: FieldModel, rng: Random): number {
  const name = field.name;
  const [min, max] = /margin/.test(name) ? [12, 45] : /discount/.test(name) ? [0, 20] : /rate|ratio/.test(name) ? [1, 30] : [0, 100];
  return clampNumber(field, Math.round(rng.float(min, max) * 10) / 10);
}

function integerByName(field: FieldModel, ctx: RowContext): number {
  const { rng, today } = ctx;
  const name = field.name;
  const value = /year/.test(name)
    ? today.getUTCFullYear() - rng.int(0, 1)
    : /month/.test(name)
      ? rng.int(1, 12)
      : /number|instalment|seq|index/.test(name)
        ? rng.int(1, 12)
        : /customers|count|quantity|staff|employees/.test(name)
          ? rng.int(1, 40)
          : rng.int(Math.max(field.minimum ?? 0, 0), Math.min(field.maximum ?? 100, 100));
  return Math.round(clampNumber(field, value));
}

function numberByName(field: FieldModel, rng: Random): number {
  const name = field.name;
  const value = /quantity|qty|stock/.test(name)
    ? rng.int(1, 30)
    : /hours/.test(name)
      ? rng.int(1, 16) / 2
      : /score|rating/.test(name)
        ? rng.int(60, 100)
        : rng.float(Math.max(field.minimum ?? 0, 0), Math.min(field.maximum ?? 1000, 1000));
  return Math.round(clampNumber(field, value) * 100) / 100;
}

/** Dates named like plans or deadlines lie mostly ahead; others in the past 18 months. */
export function isForwardDate(name: string): boolean {
  return /expected|planned|due|valid|deadline|delivery|requested|end|next/.test(name);
}

function dateByName(field: FieldModel, ctx: RowContext): string {
  const { rng, today } = ctx;
  if (/birth/.test(field.name))
    return `${rng.int(1965, 2000)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  return isoDate(addDays(today, isForwardDate(field.name) ? rng.int(-30, 180) : -rng.int(0, 540)));
}

function datetimeByName(field: FieldModel, ctx: RowContext): string {
  const { rng, today } = ctx;
  const day = addDays(today, isForwardDate(field.name) ? rng.int(1, 60) : -rng.int(0, 540));
  day.setUTCHours(rng.int(1, 10), rng.pick([0, 15, 30, 45]), 0, 0);
  return day.toISOString();
}

function enumValue(field: FieldModel, rng: Random): string | null {
  const options = field.options ?? [];
  if (options.length === 0) return null;
  if (field.default !== undefined && rng.chance(0.4)) return String(field.default);
  return rng.pick(options).value;
}

function lineItems(field: FieldModel, ctx: RowContext): Record<string, unknown>[] {
  const items = field.itemFields ?? [];
  return Array.from({ length: ctx.rng.int(1, 4) }, () => {
    const item: Record<string, unknown> = {};
    for (const itemField of items) {
      const value = fieldValue(itemField, ctx);
      if (value !== null && (itemField.required || ctx.rng.chance(0.7))) item[itemField.name] = value;
    }
    return item;
  });
}

/** A realistic value for a field, by kind, name and bounds; null when none fits. */
export function fieldValue(field: FieldModel, ctx: RowContext): unknown {
  const { rng } = ctx;
  switch (field.kind) {
    case 'string':
      return fitString(field, ctx, namedText(field, ctx) ?? `${field.label['zh-CN'] ?? field.label.en} ${ctx.serial}`) ?? null;
    case 'text':
      return fitString(field, ctx, namedText(field, ctx) ?? rng.pick(PHRASES.note)) ?? null;
    case 'email':
      return `${isPersonEntity(ctx.entity) ? ctx.person.pinyin : personName(rng).pinyin}@${ctx.company.domain}.com.cn`;
    case 'phone':
      return fitString(field, ctx, /mobile|cell/.test(field.name) || rng.chance(0.5) ? mobilePhone(rng) : landlinePhone(rng)) ?? null;
    case 'url':
      return `https://www.${ctx.company.domain}.com.cn`;
    case 'enum':
      return enumValue(field, rng);
    case 'integer':
      return integerByName(field, ctx);
    case 'number':
      return numberByName(field, rng);
    case 'money':
      return moneyByName(field, rng);
    case 'percent':
      return percentByName(field, rng);
    case 'date':
      return dateByName(field, ctx);
    case 'datetime':
      return datetimeByName(field, ctx);
    case 'boolean':
      return rng.chance(0.5);
    case 'reference':
      return field.ref ? ctx.pickReference(field.ref) : null;
    case 'lines':
      return lineItems(field, ctx);
    case 'json':
      return {};
  }
}

export { companyName, personName };
