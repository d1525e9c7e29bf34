/**
 * `x-ref-where`: a reference may only point at records matching a filter bound to this record
 * (a contact of the chosen customer). Checked when the reference, or a value its filter reads,
 * changes; one query per such field.
 */
import type { Knex } from 'knex';
import { bindFilter, labelOf, recordPath, type EntityModel, type FieldModel } from '@ra-sales/schema';
import type { RequestContext } from '../context.js';
import { HttpError, badRequest } from '../errors.js';
import { applyFilters, parseFilters } from '../filters.js';
import { phrase } from '../locale.js';
import { sameValue } from '../records.js';
import type { ResourceInfo } from '../resources.js';
import type { Db } from '../types.js';
import { joinLabels } from './labels.js';

/** One reference to judge: the record it must point at and the filter that record must match. */
interface RefWhereCheck {
  field: FieldModel;
  /** Fields of the record the filter reads. */
  reads: string[];
  target: ResourceInfo;
  id: number;
  filter: Record<string, unknown>;
}

/** The references of `record` to judge: those set, or whose filter reads a value, changed since `stored`. */
function refWhereChecks(
  ctx: RequestContext,
  entity: EntityModel,
  record: Record<string, unknown>,
  stored: Record<string, unknown>,
): RefWhereCheck[] {
  const checks: RefWhereCheck[] = [];
  for (const field of entity.fields) {
    if (!field.refWhere || !field.ref || record[field.name] === null || record[field.name] === undefined) continue;
    const reads = Object.values(field.refWhere)
      .map(recordPath)
      .filter((p): p is string => !!p)
      .map((p) => p.split('.')[0]);
    if ([field.name, ...reads].every((name) => sameValue(record[name], stored[name]))) continue;
    const bound = bindFilter(field.refWhere, record);
    const target = ctx.resources.get(field.ref);
    if (!bound || !target) continue;
    checks.push({ field, reads, target, id: record[field.name] as number, filter: bound });
  }
  return checks;
}

function matchQuery(db: Db, ctx: RequestContext, check: RefWhereCheck): Knex.QueryBuilder {
  const query = db(check.target.table).select('id').where('id', check.id);
  applyFilters(query, check.target.table, parseFilters(check.filter, check.target, ctx.locale));
  return query;
}

/** Refuses the record when one of its checks found no matching record. */
function refuseMismatches(ctx: RequestContext, entity: EntityModel, checks: RefWhereCheck[], matched: (check: RefWhereCheck) => boolean) {
  const errors: Record<string, string> = {};
  for (const check of checks) {
    if (matched(check)) continue;
    errors[check.field.name] = phrase(ctx.locale, check.reads.length ? 'refWhereMismatch' : 'refWhereNotAllowed', {
      target: labelOf(ctx.model.entities[check.field.ref!]?.label, ctx.locale),
      fields: joinLabels(entity, check.reads, ctx.locale),
    });
  }
  if (Object.keys(errors).length) throw badRequest(Object.values(errors)[0], errors);
}

export async function checkRefWhere(
  db: Db,
  ctx: RequestContext,
  entity: EntityModel,
  record: Record<string, unknown>,
  stored: Record<string, unknown>,
): Promise<void> {
  const checks = refWhereChecks(ctx, entity, record, stored);
  const matched = new Set<RefWhereCheck>();
  for (const check of checks) if (await matchQuery(db, ctx, check).first()) matched.add(check);
  refuseMismatches(ctx, entity, checks, (check) => matched.has(check));
}

/**
 * `checkRefWhere` of many new records (an import's chunk): every check of every record in one
 * `UNION ALL` statement. Answers, per record, its refusal or undefined.
 */
export async function refWhereRefusals(
  db: Db,
  ctx: RequestContext,
  entity: EntityModel,
  records: Record<string, unknown>[],
): Promise<(HttpError | undefined)[]> {
  const checks = records.map((record) => refWhereChecks(ctx, entity, record, {}));
  const all = checks.flat();
  const matched = new Set<number>();
  if (all.length) {
    const queries = all.map((check, i) =>
      matchQuery(db, ctx, check)
        .clearSelect()
        .select(db.raw(`${i}::int as k`))
        .limit(1),
    );
    const rows = (await (queries.length === 1 ? queries[0] : (db as Knex).queryBuilder().unionAll(queries, true))) as { k: unknown }[];
    for (const { k } of rows) matched.add(Number(k));
  }
  const index = new Map(all.map((check, i) => [check, i]));
  return checks.map((list) => {
    try {
      refuseMismatches(ctx, entity, list, (check) => matched.has(index.get(check)!));
      return undefined;
    } catch (error) {
      if (error instanceof HttpError) return error;
      throw error;
    }
  });
}
