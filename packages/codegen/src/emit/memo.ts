import { createHash } from 'node:crypto';

/**
 * Remembers outputs by a hash of their input, so a watcher regenerates only the entities whose
 * schema changed: the expensive steps (ajv code generation, json-schema-to-typescript) run per entity.
 */
export function memoize<I, O>(fn: (input: I) => O): (input: I) => O {
  const cache = new Map<string, O>();
  return (input: I) => {
    const key = createHash('sha1').update(JSON.stringify(input)).digest('hex');
    let out = cache.get(key);
    if (out === undefined) {
      out = fn(input);
      cache.set(key, out);
    }
    return out;
  };
}
