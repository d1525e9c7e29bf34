/**
 * Keyset paging for lists read page after page (the next page of a list, a board column's "load
 * more"): the last row of each full page is remembered, and the request for the page after it
 * carries `after=[sort value, id]`, so the server reads on from that row instead of skipping
 * every row before it (docs/server.md, Endpoints). Any other page is asked by offset as usual.
 */
import type { GetListParams, RaRecord } from 'react-admin';

const LISTS_KEPT = 200;

type Position = [unknown, RaRecord['id']];

export class KeysetPages {
  /** By list (resource, sort, filter, page size): the last row of each full page read. */
  private readonly lists = new Map<string, Map<number, Position>>();

  private key(resource: string, params: GetListParams): string | undefined {
    const { pagination, sort, filter } = params;
    if (!pagination || !sort?.field) return undefined;
    return JSON.stringify([resource, sort.field, sort.order, filter ?? {}, pagination.perPage]);
  }

  /** `after` for this page, when the page before it was read in full. */
  after(resource: string, params: GetListParams): Position | undefined {
    const key = this.key(resource, params);
    const page = params.pagination?.page ?? 1;
    return key && page > 1 ? this.lists.get(key)?.get(page - 1) : undefined;
  }

  remember(resource: string, params: GetListParams, rows: RaRecord[]): void {
    const key = this.key(resource, params);
    if (!key || !params.pagination || rows.length < params.pagination.perPage) return;
    const last = rows[rows.length - 1]!;
    const pages = this.lists.get(key) ?? new Map<number, Position>();
    pages.set(params.pagination.page, [last[params.sort!.field] ?? null, last.id]);
    this.lists.delete(key);
    this.lists.set(key, pages);
    if (this.lists.size > LISTS_KEPT) this.lists.delete(this.lists.keys().next().value!);
  }
}

/** The list URL with `after` added. */
export function withAfter(url: string, after: Position): string {
  return `${url}${url.includes('?') ? '&' : '?'}after=${encodeURIComponent(JSON.stringify(after))}`;
}
