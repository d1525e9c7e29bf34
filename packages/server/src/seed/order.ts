import type { EntityModel, FieldModel, SalesModel } from '@ra-sales/schema';

/** Resources a field points at, including through the columns of a `lines` field. */
export function referencedResources(field: FieldModel): string[] {
  const own = field.kind === 'reference' && field.ref ? [field.ref] : [];
  return [...own, ...(field.itemFields ?? []).flatMap(referencedResources)];
}

/**
 * Resources in an order where referenced entities come before the entities referencing them.
 * References in a cycle are broken at the entity with the fewest unresolved references;
 * ties keep the model's order.
 */
export function dependencyOrder(model: SalesModel): string[] {
  const entities = Object.values(model.entities);
  const known = new Set(entities.map((entity) => entity.resource));
  const dependsOn = new Map(
    entities.map((entity) => [
      entity.resource,
      new Set(entity.fields.flatMap(referencedResources).filter((ref) => known.has(ref) && ref !== entity.resource)),
    ]),
  );
  const order: string[] = [];
  const remaining = entities.map((entity) => entity.resource);
  while (remaining.length > 0) {
    const unresolved = (resource: string) => [...dependsOn.get(resource)!].filter((ref) => !order.includes(ref)).length;
    const ready = remaining.find((resource) => unresolved(resource) === 0);
    const next = ready ?? remaining.reduce((best, resource) => (unresolved(resource) < unresolved(best) ? resource : best));
    order.push(next);
    remaining.splice(remaining.indexOf(next), 1);
  }
  return order;
}

/** Demo row counts at scale 1, by resource name; fixed ones do not grow with the scale. */
const COUNT_RULES: { pattern: RegExp; count: number; fixed?: boolean }[] = [
  { pattern: /^teams?$/, count: 2, fixed: true },
  { pattern: /territor|region/, count: 8, fixed: true },
  { pattern: /product|goods/, count: 36 },
  { pattern: /^customers$/, count: 240 },
  { pattern: /contact/, count: 360 },
  { pattern: /^opportunities$/, count: 320 },
  { pattern: /lead/, count: 200 },
  { pattern: /collection|payment|receivable/, count: 260 },
  { pattern: /visit|activit|log/, count: 240 },
  { pattern: /quota|budget|forecast|plan|target/, count: 36 },
];
const DEFAULT_COUNT = 90;

export function demoCount(entity: EntityModel, scale: number): number {
  const rule = COUNT_RULES.find(({ pattern }) => pattern.test(entity.resource));
  const base = rule?.count ?? DEFAULT_COUNT;
  return rule?.fixed ? base : Math.max(1, Math.round(base * scale));
}
