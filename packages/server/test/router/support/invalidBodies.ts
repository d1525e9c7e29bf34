/**
 * Arbitraries of invalid request bodies for an entity, derived from its fields: every one must be
 * refused. Each starts from a valid body and breaks it one way.
 */
import fc from 'fast-check';
import type { EntityModel, FieldModel } from '@ra-sales/schema';
import { clientFields } from './records.js';

export type InvalidBody = { kind: string; body: Record<string, unknown> } | { kind: string; raw: string };

const TEXT_KINDS = new Set(['string', 'text', 'email', 'phone', 'url', 'enum', 'date', 'datetime']);
const NUMBER_KINDS = new Set(['number', 'money', 'percent']);

const notText = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
);
const notNumber = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.boolean(),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
  fc.array(fc.integer(), { maxLength: 3 }),
);

function wrongType(field: FieldModel): fc.Arbitrary<unknown> | undefined {
  if (TEXT_KINDS.has(field.kind)) return notText;
  if (NUMBER_KINDS.has(field.kind)) return notNumber;
  if (field.kind === 'integer' || field.kind === 'reference') {
    return fc.oneof(
      notNumber,
      fc.double({ min: 0.01, max: 1e6, noNaN: true }).filter((n) => !Number.isInteger(n)),
    );
  }
  if (field.kind === 'boolean') return fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant([]));
  if (field.kind === 'lines') {
    return fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant({}),
      fc.array(fc.oneof(fc.integer(), fc.string()), { minLength: 1, maxLength: 3 }),
    );
  }
  return undefined;
}

function outOfRange(field: FieldModel): fc.Arbitrary<unknown>[] {
  const s = field.schema as Record<string, any>;
  const out: fc.Arbitrary<unknown>[] = [];
  const integer = field.kind === 'integer';
  if (typeof s.maximum === 'number') {
    out.push(
      integer
        ? fc.integer({ min: 1, max: 1e6 }).map((d) => s.maximum + d)
        : fc.double({ min: 1, max: 1e6, noNaN: true }).map((d) => s.maximum + d),
    );
  }
  if (typeof s.minimum === 'number') {
    out.push(
      integer
        ? fc.integer({ min: 1, max: 1e6 }).map((d) => s.minimum - d)
        : fc.double({ min: 1, max: 1e6, noNaN: true }).map((d) => s.minimum - d),
    );
  }
  if (typeof s.maxLength === 'number') out.push(fc.integer({ min: 1, max: 50 }).map((d) => 'x'.repeat(s.maxLength + d)));
  if (typeof s.minLength === 'number' && s.minLength > 0) out.push(fc.constant('x'.repeat(s.minLength - 1)));
  if (Array.isArray(s.enum)) out.push(fc.string({ maxLength: 12 }).filter((v) => !s.enum.includes(v)));
  if (typeof s.pattern === 'string') {
    const pattern = new RegExp(s.pattern);
    out.push(fc.string({ maxLength: 12 }).filter((v) => !pattern.test(v)));
  }
  if (s.format === 'date') out.push(fc.constantFrom('2026-13-01', '2026-02-30', 'tomorrow', '15/03/2026'));
  if (s.format === 'date-time') out.push(fc.constantFrom('2026-03-15 25:00', 'now', '2026-03-15T08:30:00'));
  if (s.format === 'email') out.push(fc.constantFrom('not-an-email', 'a@', '@b.c'));
  if (s.format === 'uri') out.push(fc.constantFrom('not a uri', '://nowhere'));
  return out;
}

export function invalidBodies(
  entity: EntityModel,
  valid: Record<string, unknown>,
  columns: Set<string>,
  embedKeys: Set<string>,
): fc.Arbitrary<InvalidBody> {
  const fields = clientFields(entity);
  const pick = <T>(items: T[]) => fc.constantFrom(...items);
  const set =
    (kind: string) =>
    (name: string, value: unknown): InvalidBody => ({ kind, body: { ...valid, [name]: value } });

  const byWrongType = fields.filter((f) => wrongType(f)).map((f) => wrongType(f)!.map((v) => set(`wrong type ${f.name}`)(f.name, v)));
  const byRange = fields.flatMap((f) => outOfRange(f).map((a) => a.map((v) => set(`out of range ${f.name}`)(f.name, v))));
  // The owner field is left out: an empty owner means "the author" (it defaults to the user).
  const requiredWithoutDefault = fields.filter(
    (f) => f.required && f.default === undefined && f.schema.default === undefined && f.name !== entity.access.ownerField,
  );
  const arbitraries: fc.Arbitrary<InvalidBody>[] = [
    fc.oneof(...byWrongType),
    ...(byRange.length ? [fc.oneof(...byRange)] : []),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.jsonValue({ maxDepth: 1 }))
      .filter(([key]) => !columns.has(key) && !embedKeys.has(key) && key !== '_comment' && key !== '__proto__')
      .map(([key, value]) => set('extra field')(key, value)),
    fc.oneof(
      fc.integer({ min: 1_000_000, max: 2_000_000 }).map((v) => set('server field id')('id', v)),
      fc.integer({ min: 1_000, max: 2_000 }).map((v) => set('server field version')('version', v)),
      fc.constantFrom('created_at', 'updated_at').map((name) => set(`server field ${name}`)(name, '1999-01-01T00:00:00.000Z')),
    ),
    // Longer than any maxLength yet under the body limit (bodies over it: protocol.test.ts, 413).
    pick(fields.filter((f) => TEXT_KINDS.has(f.kind) && f.kind !== 'enum')).map((f) => set(`huge ${f.name}`)(f.name, 'x'.repeat(100_000))),
    fc.oneof(
      fc.integer({ min: 1, max: 40 }).map((n) => ({ kind: 'truncated JSON', raw: JSON.stringify(valid).slice(0, n) })),
      fc
        .constantFrom('null', '[]', '42', '"text"', 'true', '{"a":1}}', "{'name':'x'}", '{"name":"x",}', '\u0000')
        .map((raw) => ({ kind: 'not a JSON object', raw })),
    ),
  ];
  if (requiredWithoutDefault.length) {
    arbitraries.push(pick(requiredWithoutDefault).map((f) => set(`missing ${f.name}`)(f.name, null)));
  }
  return fc.oneof(...arbitraries);
}
