/**
 * The record a note or a task is kept on: an entity's record the user may read. The check runs in
 * the write's transaction, so a record handed to another owner meanwhile is judged as it is now.
 */
import type { RequestContext } from '../context.js';
import { notFound, unprocessable } from '../errors.js';
import { phrase, resourceLabel } from '../locale.js';
import { findReadable } from '../reads.js';
import type { ResourceInfo } from '../resources.js';
import type { Db, Row } from '../types.js';
import { fieldLabel } from './values.js';

export interface Target {
  resource: ResourceInfo;
  record: Row;
}

/** `resource` must name an entity (else 422 naming it) and `recordId` one of its records the user may read (else 404). */
export async function readableTarget(db: Db, ctx: RequestContext, resourceName: unknown, recordId: number): Promise<Target> {
  const resource = typeof resourceName === 'string' ? ctx.resources.get(resourceName) : undefined;
  if (!resource?.entity) {
    const message = phrase(ctx.locale, 'activityTargetUnknown', {
      field: fieldLabel(ctx.locale, 'resource'),
      name: JSON.stringify(resourceName ?? null),
    });
    throw unprocessable(message, { resource: phrase(ctx.locale, 'ruleActivityTarget', {}) });
  }
  try {
    return { resource, record: await findReadable(db, ctx, resource, recordId) };
  } catch (error) {
    const entity = resourceLabel(resource, ctx.locale);
    throw Object.assign(notFound(phrase(ctx.locale, 'noSuchRecord', { entity, id: String(recordId) })), { cause: error });
  }
}

/** The record's representation, for messages. */
export function representationOf(target: Target): string {
  const field = target.resource.entity?.recordRepresentation;
  const value = field ? target.record[field] : undefined;
  return value == null || value === '' ? `#${target.record.id}` : String(value);
}
