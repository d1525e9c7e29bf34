/**
 * A rule's message may name the values it compares: `{shipped_qty}` or `{order.total}` is replaced
 * by that value of the document judged, numbers in the reader's locale ("1,000,000").
 */
export function fillMessage(text: string, document: Record<string, unknown>, locale: string): string {
  return text.replace(/\{([a-z$][a-z0-9_]*(?:\.[a-z0-9_]+)*)\}/g, (whole, path: string) => {
    let value: unknown = document;
    for (const part of path.split('.'))
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
    if (value === undefined) return whole;
    if (value === null) return '—';
    if (typeof value === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    return String(value);
  });
}
