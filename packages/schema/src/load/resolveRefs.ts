import { posix } from 'node:path';
import { isPlainObject } from './mergePatch.js';

/**
 * Inlines every `$ref` of a schema document: `"../shared/defs.schema.json#/$defs/money"` or a local `"#/$defs/x"`.
 * Keywords beside a `$ref` override the referenced ones (2020-12 allows siblings), so
 * `{ "$ref": "…/money", "x-label": … }` is money with a label. The result holds no `$ref`.
 */
export function resolveRefs(
  value: unknown,
  context: { documentName: string; documents: Map<string, unknown>; report: (pointer: string, message: string) => void },
): unknown {
  const walk = (node: unknown, documentName: string, pointer: string, trail: string[]): unknown => {
    if (Array.isArray(node)) return node.map((item, i) => walk(item, documentName, `${pointer}/${i}`, trail));
    if (!isPlainObject(node)) return node;
    let result: Record<string, unknown> = {};
    if (typeof node.$ref === 'string') {
      const target = locate(node.$ref, documentName, context.documents);
      if ('error' in target) {
        context.report(`${pointer}/$ref`, target.error);
      } else if (trail.includes(target.key)) {
        context.report(`${pointer}/$ref`, `"${node.$ref}" refers back to itself (${[...trail, target.key].join(' → ')})`);
      } else {
        result = walk(target.value, target.documentName, pointer, [...trail, target.key]) as Record<string, unknown>;
      }
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === '$ref' || key === '$schema' || key === '$id' || key === '$defs') continue;
      result[key] = walk(child, documentName, `${pointer}/${key}`, trail);
    }
    return result;
  };
  return walk(value, context.documentName, '', []);
}

type Located = { key: string; documentName: string; value: unknown } | { error: string };

function locate(ref: string, fromDocument: string, documents: Map<string, unknown>): Located {
  const [path, fragment = ''] = ref.split('#');
  const documentName = path ? posix.normalize(posix.join(posix.dirname(fromDocument), path)) : fromDocument;
  const document = documents.get(documentName);
  if (document === undefined) return { error: `"${ref}" points at a file that does not exist (${documentName})` };
  let current: unknown = document;
  for (const raw of fragment.split('/').slice(1)) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isPlainObject(current) || !(segment in current)) {
      return { error: `"${ref}" points at nothing: ${documentName} has no "${fragment}"` };
    }
    current = current[segment];
  }
  return { key: `${documentName}#${fragment}`, documentName, value: current };
}
