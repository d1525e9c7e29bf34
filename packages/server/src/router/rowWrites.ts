/** The statements every write ends with; each change bumps `version` and `updated_at`. */
import type { Knex } from 'knex';
import type { RequestContext } from './context.js';
import type { ResourceInfo } from './resources.js';
import type { Db, Row } from './types.js';
import { addEntityScope } from './access.js';
import { conflict } from './errors.js';
import { phrase, resourceLabel } from './locale.js';
import { normalizeRow } from './records.js';
import { stageFigureColumns } from './stageFigures.js';

/**
 * `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?` (and, for entities, the
 * user's write scope unless `asSystem`). No row updated → 409: someone else changed it first.
 */
export async function updateVersioned(
  db: Db,
  ctx: RequestContext,
  resource: ResourceInfo,
  id: number,
  version: number,
  columns: Record<string, unknown>,
  asSystem = false,
): Promise<Row> {
  const query = db(resource.table)
    .where(`${resource.table}.id`, id)
    .where(`${resource.table}.version`, version)
    .update({
      ...columns,
      ...stageFigureColumns(db as Knex, resource, columns),
      version: (db as Knex).raw('version + 1'),
      updated_at: (db as Knex).fn.now(),
    })
    .returning('*');
  if (resource.entity && !asSystem) addEntityScope(query, db as Knex, ctx.model, resource.entity, ctx.user, 'write', resource.table);
  const rows = (await query) as Record<string, unknown>[];
  if (!rows.length) {
    throw conflict(phrase(ctx.locale, 'staleRecord', { entity: resourceLabel(resource, ctx.locale), id: String(id) }), {
      version: 'stale',
    });
  }
  return normalizeRow(rows[0], resource);
}
