import type { ClientEntityModel, ClientFieldModel, FieldKind } from '@ra-sales/schema';
import { isWorkflowField } from './entity.js';

/** How much a value of each kind tells at a glance on a card: amounts first, then who and when. Kinds absent here never go on a card. */
const GLANCE_RANK: Partial<Record<FieldKind, number>> = {
  money: 0,
  reference: 1,
  date: 2,
  datetime: 2,
  enum: 3,
  percent: 4,
  integer: 4,
  number: 4,
  string: 5,
  phone: 5,
  email: 5,
  url: 6,
  boolean: 7,
};

/**
 * The fields a record's card shows under its name: the entity's list fields (`list`) that read
 * on one line, the most telling `max` of them by kind, in list order. The name (the record
 * representation) is the card's title and the stage its chip, so neither is repeated.
 */
export function cardFields(entity: ClientEntityModel, max = 3): ClientFieldModel[] {
  const candidates = entity.fields.filter(
    (field) =>
      field.list && field.name !== entity.recordRepresentation && !isWorkflowField(entity, field) && GLANCE_RANK[field.kind] !== undefined,
  );
  const chosen = new Set(
    candidates
      .map((field, index) => ({ field, index }))
      .sort((a, b) => GLANCE_RANK[a.field.kind]! - GLANCE_RANK[b.field.kind]! || a.index - b.index)
      .slice(0, max)
      .map(({ field }) => field),
  );
  return candidates.filter((field) => chosen.has(field));
}
