/** Query building without a database: SQL from knex's pg dialect, identifiers only from the model. */
import knexFactory from 'knex';
import { describe, expect, it } from 'vitest';
import { applyFilters, likePattern, parseFilters } from '../../src/router/filters.js';
import { parseEmbed, parseId, parseListQuery, contentRange } from '../../src/router/protocol.js';
import { addReadScope, scopeOf } from '../../src/router/access.js';
import { describeResources } from '../../src/router/resources.js';
import { fieldErrors } from '../../src/router/validationErrors.js';
import { checkMove, isForward, nextStages } from '../../src/router/workflow.js';
import { HttpError } from '../../src/router/errors.js';
import { defaultDomain } from './support/model.js';

const { model, validators } = defaultDomain();
const resources = describeResources(model);
const customers = resources.get('customers')!;
const opportunities = resources.get('opportunities')!;
const knex = knexFactory({ client: 'pg' });

function sql(filter: Record<string, unknown>, resource = customers) {
  const qb = knex(resource.table);
  applyFilters(qb, resource.table, parseFilters(filter, resource));
  return qb.select('*').toSQL().toNative();
}

function refusal(fn: () => unknown): HttpError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('filters', () => {
  it('turns operators into SQL with bound values', () => {
    expect(sql({ grade: 'A' })).toEqual({ sql: 'select * from "customers" where ("customers"."grade" in ($1))', bindings: ['A'] });
    expect(sql({ grade: ['A', 'B', null] }).sql).toBe(
      'select * from "customers" where ("customers"."grade" in ($1, $2) or "customers"."grade" is null)',
    );
    expect(sql({ credit_limit_gte: '10', credit_limit_lt: 20 })).toEqual({
      sql: 'select * from "customers" where "customers"."credit_limit" >= $1 and "customers"."credit_limit" < $2',
      bindings: [10, 20],
    });
    expect(sql({ name_q: 'a%b' })).toEqual({ sql: 'select * from "customers" where "customers"."name" ilike $1', bindings: ['%a\\%b%'] });
    expect(sql({ owner_id: null }).sql).toBe('select * from "customers" where ("customers"."owner_id" is null)');
    expect(sql({ grade_neq: 'A' }).sql).toBe(
      'select * from "customers" where ("customers"."grade" not in ($1) or "customers"."grade" is null)',
    );
    expect(sql({ id: [] }).sql).toBe('select * from "customers" where (false)');
  });

  it('searches q word by word over the search fields', () => {
    const { sql: text, bindings } = sql({ q: 'acme  steel' });
    expect(text).toBe(
      'select * from "customers" where ("customers"."name" ilike $1 or "customers"."industry" ilike $2) and ("customers"."name" ilike $3 or "customers"."industry" ilike $4)',
    );
    expect(bindings).toEqual(['%acme%', '%acme%', '%steel%', '%steel%']);
  });

  it('refuses unknown names and values the column cannot hold', () => {
    expect(refusal(() => parseFilters({ 'grade"; --': 1, nope_gte: 2 }, customers)).errors).toEqual({
      'grade"; --': 'unknown filter',
      nope_gte: 'unknown filter',
    });
    expect(refusal(() => parseFilters({ credit_limit: 'many' }, customers)).status).toBe(400);
    expect(refusal(() => parseFilters({ id: 1.5 }, customers)).status).toBe(400);
    expect(refusal(() => parseFilters({ created_at_gt: 'soon' }, customers)).status).toBe(400);
    expect(refusal(() => parseFilters({ grade_gte: ['A'] }, customers)).status).toBe(400);
    expect(refusal(() => parseFilters({ credit_limit_q: '1' }, customers)).status).toBe(400);
    expect(likePattern('50%_\\')).toBe('%50\\%\\_\\\\%');
  });
});

describe('protocol', () => {
  it('parses what ra-data-simple-rest sends', () => {
    const query = parseListQuery({ sort: '["name","DESC"]', range: '[25,49]', filter: '{"grade":"A"}', embed: '["owner"]' }, customers);
    expect(query).toEqual({ sort: { field: 'name', order: 'DESC' }, range: [25, 49], filter: { grade: 'A' }, embed: ['owner'] });
    expect(parseListQuery({}, customers).sort).toEqual(model.entities.customers.sort);
    expect(parseEmbed({ embed: 'customer,owner' }, opportunities)).toEqual(['customer', 'owner']);
    expect(refusal(() => parseEmbed({ embed: '["name"]' }, customers)).status).toBe(400);
    expect(refusal(() => parseListQuery({ sort: '["lines","ASC"]' }, resources.get('quotes')!)).status).toBe(400);
    expect(refusal(() => parseId('1 or 1=1')).status).toBe(404);
    expect(contentRange('customers', 0, 25, 319)).toBe('customers 0-24/319');
    expect(contentRange('customers', 50, 0, 10)).toBe('customers */10');
  });
});

describe('access', () => {
  const rep = { id: 7, roles: ['sales_rep'], teamId: 2 };
  const manager = { id: 8, roles: ['sales_manager'], teamId: 2 };

  it("takes the widest scope of the user's roles", () => {
    expect(scopeOf(model.entities.customers, rep, 'read')).toBe('own');
    expect(scopeOf(model.entities.customers, { ...rep, roles: ['sales_rep', 'sales_director'] }, 'read')).toBe('all');
    expect(scopeOf(model.entities.customers, { ...rep, roles: ['presales'] }, 'write')).toBe('none');
    expect(scopeOf(model.entities.customers, { ...rep, roles: ['hr'] }, 'read')).toBe(model.entities.customers.access.default.read);
  });

  it('puts the scope in the WHERE clause', () => {
    const own = knex('customers').select('*');
    addReadScope(own, knex, model, customers, rep);
    expect(own.toSQL().toNative()).toEqual({ sql: 'select * from "customers" where "customers"."owner_id" = $1', bindings: [7] });
    const team = knex('customers').select('*');
    addReadScope(team, knex, model, customers, manager);
    expect(team.toSQL().toNative().sql).toBe(
      'select * from "customers" where ("customers"."owner_id" = $1 or "customers"."owner_id" in (select "id" from "salespeople" where "team_id" = $2))',
    );
  });
});

describe('workflow rules', () => {
  const entity = model.entities.opportunities;
  const workflow = entity.workflow!;

  it('knows the moves and which are forward', () => {
    expect(nextStages(workflow, 'development')).toEqual(['initiation', 'lost', 'abandoned']);
    expect(isForward(workflow, 'development', 'initiation')).toBe(true);
    expect(isForward(workflow, 'initiation', 'development')).toBe(false);
    expect(isForward(workflow, 'implementation', 'won')).toBe(true);
    expect(isForward(workflow, 'proposal', 'lost')).toBe(false);
  });

  it('lists what a move misses and which approvals it needs', () => {
    const check = checkMove(
      entity,
      validators.opportunities,
      { name: 'x', customer_id: 1, importance: 'VI' },
      'initiation',
      'proposal',
      'en',
    );
    expect(check.allowed).toBe(false);
    expect(check.missing.find((m) => m.field === 'gross_margin')).toEqual({
      field: 'gross_margin',
      label: 'Estimated gross margin',
      message: 'Fill in “Estimated gross margin” to leave Project initiation',
    });
    expect(check.approvalRoles).toEqual(['sales_manager', 'general_manager']);
  });

  it('reports validation errors by field', () => {
    expect(
      fieldErrors([
        { instancePath: '', keyword: 'required', params: { missingProperty: 'name' } },
        { instancePath: '/lines/0/quantity', keyword: 'minimum', params: {}, message: 'must be >= 0' },
        { instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'x' } },
      ]),
    ).toEqual({ name: 'Fill in “name”', lines: 'lines, line 1: quantity: must be >= 0', x: 'Unknown field “x”' });
  });
});
