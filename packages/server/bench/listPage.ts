/** The list request of the API bench: one owner's fullest stage, the first page by amount. */
import type { Knex } from 'knex';

export const PAGE = 25;

export interface ListPage {
  /** `/api/<resource>?filter={stage, owner_id}&range=[0,24]&sort=["expected_amount","DESC"]`. */
  path: string;
  stage: string;
  owner: number;
  /** Rows matching the filter when it was chosen. */
  rows: number;
}

export async function listPageRequest(db: Knex, resource: string, owner: number): Promise<ListPage> {
  const top = (
    await db.raw(`select stage, count(*)::int as n from ?? where owner_id = ? group by stage order by n desc limit 1`, [resource, owner])
  ).rows[0] as { stage: string; n: number };
  const path = `/api/${resource}?${new URLSearchParams({
    filter: JSON.stringify({ stage: top.stage, owner_id: owner }),
    range: JSON.stringify([0, PAGE - 1]),
    sort: JSON.stringify(['expected_amount', 'DESC']),
  })}`;
  return { path, stage: top.stage, owner, rows: top.n };
}
