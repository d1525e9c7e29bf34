/**
 * Opportunities for the board figures, created through the API's own import (`POST
 * /opportunities/import`, one CSV, every rule applied, 1,000 rows a statement): 10,000 rows take
 * seconds, where one POST each took minutes. New opportunities start in the pipeline's first stage.
 */
import { apiClient } from '../e2e/harness.js';

/** How many opportunities there are, exactly: the stage totals report (a list's total above 1,000 is an estimate). */
async function opportunityCount(base: string): Promise<number> {
  const { json } = await apiClient(base)<{ count: number }[]>('/reports/stage-totals?resource=opportunities');
  return json.reduce((sum, stage) => sum + stage.count, 0);
}

const csvCell = (value: string | number) => (/[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

/** Tops the opportunities up to `count` (at least); returns how many there are. */
export async function ensureOpportunities(base: string, count: number): Promise<number> {
  const total = await opportunityCount(base);
  if (total >= count) return total;
  const customers = (await apiClient(base)<{ id: number }[]>('/customers?range=[0,49]')).json;
  const rows = Array.from({ length: count - total }, (_, i) =>
    [`Bench deal ${total + i + 1}`, customers[i % customers.length]!.id, 10_000 + (i % 97) * 1000].map(csvCell).join(','),
  );
  const response = await fetch(`${base}/api/opportunities/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', Accept: 'application/json' },
    body: ['name,customer_id,expected_amount', ...rows].join('\n'),
  });
  if (!response.ok) throw new Error(`importing ${rows.length} opportunities failed: ${response.status} ${await response.text()}`);
  return opportunityCount(base);
}
