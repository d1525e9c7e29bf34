/** Small SQL text helpers shared by the migration planner, renderer and runner. */

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** PostgreSQL truncates identifiers past 63 bytes; long names keep a stable hash suffix instead. */
export const MAX_IDENTIFIER_BYTES = 63;

export function fitIdentifier(name: string): string {
  if (Buffer.byteLength(name) <= MAX_IDENTIFIER_BYTES) return name;
  const suffix = `_${stableHash(name).toString(36)}`;
  let head = name;
  while (Buffer.byteLength(head) + suffix.length > MAX_IDENTIFIER_BYTES) head = head.slice(0, -1);
  return head + suffix;
}

/** FNV-1a, 32 bits: deterministic and dependency-free. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** `1234567` → `1,234,567`. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** Knex reads `?` in raw SQL as a binding placeholder; statements without bindings escape it. */
export function escapeRawSql(sql: string): string {
  return sql.replace(/\?/g, '\\?');
}

/**
 * Whether two JSON documents are equal whatever the order of their keys (a model against its
 * snapshot read back from jsonb), without writing either out: a start compares the whole model.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameJson(item, other[i]));
  }
  // JSON.stringify leaves out undefined members: so does the comparison.
  const keysOf = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
  const keys = keysOf(a);
  if (keys.length !== keysOf(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** JSON with object keys sorted, so that documents read back from jsonb compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
