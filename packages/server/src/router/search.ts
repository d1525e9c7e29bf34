/**
 * `GET /search?q=<text>&limit=<n>`: the records of every searchable entity (fields marked
 * `x-search`) matching `q`, within the user's read scope, best first and grouped by resource:
 *
 *   [{ resource: 'customers', id: 12, title: '华东钢铁', match: { field: 'name', snippet: '华东钢铁' } }, …]
 *
 * One statement: a UNION ALL of one select per entity, each the list endpoint's own filtered and
 * scoped query (`readableQuery` with `{ q }`: the same words, the same ILIKE, the same scope)
 * ordered by rank and cut at the per-resource limit, then ranked as a whole and cut at `limit`.
 * Rank: the record's representation equal to the text (0), starting with it (1), containing it
 * (2), a match in another field (3); then the shorter title, then the newer record.
 */
import { isSearchable, type SearchHit } from '@ra-sales/schema';
import type { Knex } from 'knex';
import { scopeOf } from './access.js';
import type { RequestContext } from './context.js';
import { badRequest } from './errors.js';
import { phrase } from './locale.js';
import { readableQuery } from './reads.js';
import type { ResourceInfo } from './resources.js';

export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 50;
/** Matches per resource at most, so that one entity full of matches leaves room for the others. */
export const SEARCH_PER_RESOURCE = 5;
export const SEARCH_MAX_CHARS = 100;
const SNIPPET_CHARS = 80;
const SNIPPET_BEFORE = 20;

export interface SearchRequest {
  text: string;
  limit: number;
}

function single(query: Record<string, unknown>, name: string, locale: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(phrase(locale, 'parameterOnce', { name }));
  return value;
}

/** `q` and `limit` checked: 400 in the request's language for a missing, too short or too long text. */
export function parseSearch(query: Record<string, unknown>, locale: string): SearchRequest {
  const text = (single(query, 'q', locale) ?? '').replace(/\0/g, '').trim().replace(/\s+/g, ' ');
  if (!isSearchable(text)) {
    const message = phrase(locale, 'searchTooShort', {});
    throw badRequest(message, { q: message });
  }
  if ([...text].length > SEARCH_MAX_CHARS) {
    const message = phrase(locale, 'searchTooLong', { max: String(SEARCH_MAX_CHARS) });
    throw badRequest(message, { q: message });
  }
  const rawLimit = single(query, 'limit', locale);
  if (rawLimit === undefined || rawLimit === '') return { text, limit: SEARCH_DEFAULT_LIMIT };
  const limit = /^\d{1,6}$/.test(rawLimit) ? Number(rawLimit) : 0;
  if (limit < 1) {
    const message = phrase(locale, 'searchLimit', {});
    throw badRequest(message, { limit: message });
  }
  return { text, limit: Math.min(limit, SEARCH_MAX_LIMIT) };
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The searched fields, the representation first when it is one of them: the match shown is the title when it can be. */
function matchOrder(resource: ResourceInfo): string[] {
  const title = resource.entity!.recordRepresentation;
  return resource.searchFields.includes(title) ? [title, ...resource.searchFields.filter((f) => f !== title)] : resource.searchFields;
}

/** The first column holding the whole text, else the first holding its first word: `CASE WHEN … THEN <then(i)> …`. */
function matchCase(knex: Knex, columns: string[], patterns: string[], then: (index: number) => Knex.Raw): Knex.Raw {
  const whens = patterns.flatMap((pattern) => columns.map((column, i) => knex.raw('WHEN ?? ILIKE ? THEN ?', [column, pattern, then(i)])));
  return knex.raw(`CASE ${whens.map(() => '?').join(' ')} END`, whens);
}

/**
 * One entity's best matches: its list query with `q` (filter and read scope), ranked and cut in an
 * inner select; which field matched is worked out afterwards, on those few rows only. Aliases start
 * with `_`, which no field name does.
 */
function entitySelect(ctx: RequestContext, resource: ResourceInfo, position: number, search: SearchRequest, perResource: number) {
  const { knex } = ctx;
  const table = resource.table;
  const title = knex.raw('coalesce(??::text, ??::text)', [`${table}.${resource.entity!.recordRepresentation}`, `${table}.id`]);
  // One lower() per row (ILIKE lowers as well): the title's position of the text decides the rank.
  const rank = knex.raw(
    'CASE strpos(lower(?), lower(?::text)) WHEN 0 THEN 3 WHEN 1 THEN CASE WHEN lower(?) = lower(?::text) THEN 0 ELSE 1 END ELSE 2 END',
    [title, search.text, title, search.text],
  );
  const fields = matchOrder(resource);
  const best = readableQuery(ctx, resource, { q: search.text })
    .select(
      `${table}.id`,
      knex.raw('? AS _title', [title]),
      knex.raw('? AS _rank', [rank]),
      ...fields.map((field, i) => knex.raw('?? AS ??', [`${table}.${field}`, `_f${i}`])),
    )
    .orderBy([
      { column: '_rank' },
      { column: knex.raw('char_length(?)', [title]) as unknown as string },
      { column: `${table}.id`, order: 'desc' },
    ])
    .limit(perResource);
  const columns = fields.map((_, i) => `best._f${i}`);
  const patterns = [...new Set([search.text, search.text.split(' ')[0]].map((words) => `%${literal(words)}%`))];
  return knex
    .select(
      knex.raw('?::text AS resource', [resource.name]),
      knex.raw('?::int AS position', [position]),
      'best.id',
      'best._title AS title',
      'best._rank AS rank',
      knex.raw('? AS match_field', [matchCase(knex, columns, patterns, (i) => knex.raw('?::text', [fields[i]]))]),
      knex.raw('? AS match_text', [matchCase(knex, columns, patterns, (i) => knex.raw('??::text', [columns[i]]))]),
    )
    .from(best.as('best'));
}

/** The part of `text` around the first occurrence of the search text (else of its first word), at most SNIPPET_CHARS long. */
export function snippetOf(text: string, search: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= SNIPPET_CHARS) return chars.join('');
  const lower = chars.map((c) => c.toLowerCase());
  const find = (needle: string) => {
    const wanted = [...needle.toLowerCase()];
    for (let i = 0; i + wanted.length <= lower.length; i++) if (wanted.every((c, j) => lower[i + j] === c)) return i;
    return -1;
  };
  const whole = find(search);
  const at = Math.max(whole >= 0 ? whole : find(search.split(' ')[0]), 0);
  const start = Math.max(0, Math.min(at - SNIPPET_BEFORE, chars.length - SNIPPET_CHARS));
  const end = start + SNIPPET_CHARS;
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
}

interface HitRow {
  resource: string;
  id: number | string;
  title: string;
  match_field: string | null;
  match_text: string | null;
}

/** The best matches over every searchable entity the user may read, each resource's together, the best group first. */
export async function searchRecords(ctx: RequestContext, search: SearchRequest): Promise<SearchHit[]> {
  const readable = [...ctx.resources.values()].filter(
    (resource) => resource.entity && resource.searchFields.length && scopeOf(resource.entity, ctx.user, 'read') !== 'none',
  );
  if (!readable.length) return [];
  const perResource = Math.min(search.limit, SEARCH_PER_RESOURCE);
  const selects = readable.map((resource, position) => entitySelect(ctx, resource, position, search, perResource));
  const rows = (await ctx.knex
    .select('resource', 'id', 'title', 'match_field', 'match_text')
    .from(ctx.knex.unionAll(selects, true).as('hits'))
    .orderBy([
      { column: 'rank' },
      { column: 'position' },
      { column: ctx.knex.raw('char_length(title)') as unknown as string },
      { column: 'id', order: 'desc' },
    ])
    .limit(search.limit)) as HitRow[];
  const groups = new Map<string, SearchHit[]>();
  for (const row of rows) {
    const hit: SearchHit = {
      resource: row.resource,
      id: Number(row.id),
      title: row.title,
      match: { field: row.match_field ?? '', snippet: snippetOf(row.match_text ?? '', search.text) },
    };
    groups.set(row.resource, [...(groups.get(row.resource) ?? []), hit]);
  }
  return [...groups.values()].flat();
}
