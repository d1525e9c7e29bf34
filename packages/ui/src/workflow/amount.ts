/** A record's amount as a number (money columns come back as numbers, but be lenient). */
export function amountOf(record: Record<string, unknown> | undefined, field: string | undefined): number {
  if (!record || !field) return 0;
  const value = Number(record[field]);
  return Number.isFinite(value) ? value : 0;
}
