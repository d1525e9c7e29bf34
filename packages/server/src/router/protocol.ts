/**
 * The query-string dialect of `ra-data-simple-rest`:
 *   getList / getManyReference  GET /res?sort=["f","ASC"]&range=[0,24]&filter={…}[&embed=["customer"]]
 *   getMany                     GET /res?filter={"id":[1,2]}
 *   getOne                      GET /res/:id[?embed=[…]]
 * Answers to lists carry `Content-Range: res 0-24/total` and `X-Total-Count`.
 */
import { badRequest, listNames, notFound } from './errors.js';
import { phrase } from './locale.js';
import { JSON_KINDS, type ResourceInfo } from './resources.js';

export interface ListQuery {
  sort: { field: string; order: 'ASC' | 'DESC' };
  /** Inclusive bounds, as sent; absent for getMany. */
  range?: [number, number];
  filter: Record<string, unknown>;
  embed: string[];
}

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 1000;
/** Rows returned at most when no range is given (getMany). */
export const MAX_UNRANGED_ROWS = 5000;

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`Parameter ${name} must be given once`);
  return value;
}

function parseJsonParameter(query: Record<string, unknown>, name: string): unknown {
  const text = single(query, name);
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(`Parameter ${name} is not valid JSON`);
  }
}

export function parseSort(query: Record<string, unknown>, resource: ResourceInfo): ListQuery['sort'] {
  const sort = parseJsonParameter(query, 'sort');
  if (sort === undefined) return resource.defaultSort;
  if (!Array.isArray(sort) || typeof sort[0] !== 'string' || (sort[1] !== undefined && typeof sort[1] !== 'string')) {
    throw badRequest('Parameter sort must be ["field","ASC"|"DESC"]');
  }
  const [field, rawOrder = 'ASC'] = sort as [string, string?];
  const order = rawOrder.toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw badRequest(`Unknown sort order ${JSON.stringify(rawOrder)}`);
  const column = resource.columns.get(field);
  if (!column || JSON_KINDS.has(column.kind)) {
    throw badRequest(`Unknown sort field ${JSON.stringify(field)} for ${resource.name}`, { sort: field });
  }
  return { field, order };
}

export function parseRange(query: Record<string, unknown>): [number, number] | undefined {
  const range = parseJsonParameter(query, 'range');
  if (range === undefined) return undefined;
  if (
    !Array.isArray(range) ||
    range.length !== 2 ||
    !range.every((n) => Number.isSafeInteger(n) && n >= 0) ||
    range[1] < range[0]
  ) {
    throw badRequest('Parameter range must be [start, end] with 0 <= start <= end');
  }
  if (range[1] - range[0] + 1 > MAX_PAGE_SIZE) throw badRequest(`A page holds at most ${MAX_PAGE_SIZE} rows`);
  return range as [number, number];
}

export function parseFilterParameter(query: Record<string, unknown>): Record<string, unknown> {
  const filter = parseJsonParameter(query, 'filter');
  if (filter === undefined || filter === null) return {};
  if (typeof filter !== 'object' || Array.isArray(filter)) throw badRequest('Parameter filter must be a JSON object');
  return filter as Record<string, unknown>;
}

/** `embed=["customer"]` (what the client sends for `meta.embed`); also accepts a plain comma list. */
export function parseEmbed(query: Record<string, unknown>, resource: ResourceInfo): string[] {
  const text = single(query, 'embed');
  if (text === undefined || text === '') return [];
  let names: unknown;
  try {
    names = JSON.parse(text);
  } catch {
    names = text.split(',').map((s) => s.trim());
  }
  if (typeof names === 'string') names = [names];
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
    throw badRequest('Parameter embed must be a JSON array of names');
  }
  const unknown = names.filter((n) => !resource.embeds.has(n));
  if (unknown.length) {
    throw badRequest(`Unknown embed ${listNames(unknown)} for ${resource.name}; known: ${[...resource.embeds.keys()].join(', ')}`);
  }
  return [...new Set(names as string[])];
}

export function parseListQuery(query: Record<string, unknown>, resource: ResourceInfo): ListQuery {
  return {
    sort: parseSort(query, resource),
    range: parseRange(query),
    filter: parseFilterParameter(query),
    embed: parseEmbed(query, resource),
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
