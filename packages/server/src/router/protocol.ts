/**
 * The query-string dialect of `ra-data-simple-rest`:
 *   getList / getManyReference  GET /res?sort=["f","ASC"]&range=[0,24]&filter={…}[&embed=["customer"]][&after=[value,id]]
 *   getMany                     GET /res?filter={"id":[1,2]}
 *   getOne                      GET /res/:id[?embed=[…]]
 * Answers to lists carry `Content-Range: res 0-24/total` and `X-Total-Count`.
 */
import { badRequest, notFound } from './errors.js';
import { listWords, phrase, resourceLabel } from './locale.js';
import { JSON_KINDS, type ResourceInfo } from './resources.js';

export interface ListQuery {
  sort: { field: string; order: 'ASC' | 'DESC' };
  /** Inclusive bounds, as sent; absent for getMany. */
  range?: [number, number];
  filter: Record<string, unknown>;
  embed: string[];
  /**
   * Keyset paging: the sort field's value and the id of the last row of the page before; the page
   * then starts right after that row (no offset to skip), and `range` gives its size.
   */
  after?: { value: string | number | boolean | null; id: number };
}

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 1000;
/** Rows returned at most when no range is given (getMany). */
export const MAX_UNRANGED_ROWS = 5000;

/** The resource in a refusal: its name in the path (`{resource}`) and its label (`{entity}`). */
function named(resource: ResourceInfo, locale: string): Record<string, string> {
  return { resource: resource.name, entity: resourceLabel(resource, locale) };
}

function single(query: Record<string, unknown>, name: string, locale: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(phrase(locale, 'parameterOnce', { name }));
  return value;
}

function parseJsonParameter(query: Record<string, unknown>, name: string, locale: string): unknown {
  const text = single(query, name, locale);
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(phrase(locale, 'parameterNotJson', { name }));
  }
}

export function parseSort(query: Record<string, unknown>, resource: ResourceInfo, locale = 'en'): ListQuery['sort'] {
  const sort = parseJsonParameter(query, 'sort', locale);
  if (sort === undefined) return resource.defaultSort;
  if (!Array.isArray(sort) || typeof sort[0] !== 'string' || (sort[1] !== undefined && typeof sort[1] !== 'string')) {
    throw badRequest(phrase(locale, 'sortShape', {}));
  }
  const [field, rawOrder = 'ASC'] = sort as [string, string?];
  const order = rawOrder.toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw badRequest(phrase(locale, 'sortOrderUnknown', { order: JSON.stringify(rawOrder) }));
  const column = resource.columns.get(field);
  if (!column || JSON_KINDS.has(column.kind)) {
    throw badRequest(phrase(locale, 'sortFieldUnknown', { ...named(resource, locale), field: JSON.stringify(field) }), { sort: field });
  }
  return { field, order };
}

export function parseRange(query: Record<string, unknown>, locale = 'en'): [number, number] | undefined {
  const range = parseJsonParameter(query, 'range', locale);
  if (range === undefined) return undefined;
  if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isSafeInteger(n) && n >= 0) || range[1] < range[0]) {
    throw badRequest(phrase(locale, 'rangeShape', {}));
  }
  if (range[1] - range[0] + 1 > MAX_PAGE_SIZE) throw badRequest(phrase(locale, 'pageTooLarge', { max: String(MAX_PAGE_SIZE) }));
  return range as [number, number];
}

export function parseFilterParameter(query: Record<string, unknown>, locale = 'en'): Record<string, unknown> {
  const filter = parseJsonParameter(query, 'filter', locale);
  if (filter === undefined || filter === null) return {};
  if (typeof filter !== 'object' || Array.isArray(filter)) throw badRequest(phrase(locale, 'filterShape', {}));
  return filter as Record<string, unknown>;
}

/** `embed=["customer"]` (what the client sends for `meta.embed`); also accepts a plain comma list. */
export function parseEmbed(query: Record<string, unknown>, resource: ResourceInfo, locale = 'en'): string[] {
  const text = single(query, 'embed', locale);
  if (text === undefined || text === '') return [];
  let names: unknown;
  try {
    names = JSON.parse(text);
  } catch {
    names = text.split(',').map((s) => s.trim());
  }
  if (typeof names === 'string') names = [names];
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
    throw badRequest(phrase(locale, 'embedShape', {}));
  }
  const unknown = names.filter((n) => !resource.embeds.has(n));
  if (unknown.length) {
    throw badRequest(
      phrase(locale, 'embedUnknown', {
        ...named(resource, locale),
        names: listWords(
          locale,
          unknown.map((n) => JSON.stringify(n)),
        ),
        known: listWords(locale, [...resource.embeds.keys()]),
      }),
    );
  }
  return [...new Set(names as string[])];
}

/** `after=[value, id]`: the last row of the page before, for keyset paging (needs a range). */
export function parseAfter(query: Record<string, unknown>, range: ListQuery['range'], locale = 'en'): ListQuery['after'] {
  const after = parseJsonParameter(query, 'after', locale);
  if (after === undefined) return undefined;
  const [value, id] = Array.isArray(after) ? after : [];
  const scalar = value === null || ['string', 'number', 'boolean'].includes(typeof value);
  if (!range || !Array.isArray(after) || after.length !== 2 || !scalar || !Number.isSafeInteger(id) || id < 0) {
    throw badRequest(phrase(locale, 'afterShape', {}), { after: phrase(locale, 'afterShape', {}) });
  }
  return { value, id };
}

export function parseListQuery(query: Record<string, unknown>, resource: ResourceInfo, locale = 'en'): ListQuery {
  const range = parseRange(query, locale);
  return {
    sort: parseSort(query, resource, locale),
    range,
    filter: parseFilterParameter(query, locale),
    embed: parseEmbed(query, resource, locale),
    after: parseAfter(query, range, locale),
  };
}

/** A record id from the path; anything but a positive integer names no record. */
export function parseId(raw: string, locale = 'en'): number {
  if (!/^\d{1,15}$/.test(raw)) throw notFound(phrase(locale, 'noRecordId', { id: JSON.stringify(raw) }));
  return Number(raw);
}

/** `Content-Range: res 0-24/319` (`res *\/0` for an empty page). */
export function contentRange(resource: string, start: number, count: number, total: number | string): string {
  return count > 0 ? `${resource} ${start}-${start + count - 1}/${total}` : `${resource} */${total}`;
}
