import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';
import { didYouMean } from '../didYouMean.js';

const require = createRequire(import.meta.url);
const entityMetaSchema = require('../../meta-schema.json');
const modelMetaSchema = require('../../model-file.schema.json');

/** Compiled at the first check, not at import: a server loading generated code never checks schema files. */
let compiled: { entity: ValidateFunction; field: ValidateFunction; modelFile: ValidateFunction } | undefined;

function metaValidators() {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addSchema(entityMetaSchema);
    ajv.addSchema(modelMetaSchema);
    compiled = {
      entity: ajv.getSchema('https://ra-sales.dev/meta/meta-schema.json#')!,
      field: ajv.getSchema('https://ra-sales.dev/meta/meta-schema.json#/$defs/field')!,
      modelFile: ajv.getSchema('https://ra-sales.dev/meta/model-file.schema.json#')!,
    };
  }
  return compiled;
}

export interface MetaIssue {
  pointer: string;
  message: string;
}

export function checkEntityFile(value: unknown): MetaIssue[] {
  const { entity } = metaValidators();
  return entity(value) ? [] : describe(entity.errors ?? []);
}

export function checkModelFile(value: unknown): MetaIssue[] {
  const { modelFile } = metaValidators();
  return modelFile(value) ? [] : describe(modelFile.errors ?? []);
}

/** Shared definitions: every entry of `$defs` is checked as a field. */
export function checkSharedFile(value: unknown): MetaIssue[] {
  const defs = (value as { $defs?: unknown })?.$defs;
  if (typeof defs !== 'object' || defs === null || Array.isArray(defs)) {
    return [{ pointer: '', message: 'a shared file must hold its definitions under "$defs"' }];
  }
  const { field } = metaValidators();
  return Object.entries(defs).flatMap(([name, def]) =>
    field(def) ? [] : describe(field.errors ?? []).map((i) => ({ ...i, pointer: `/$defs/${name}${i.pointer}` })),
  );
}

/** Turns ajv's errors into one plain sentence each, dropping the noise of alternatives that did not match. */
function describe(errors: ErrorObject[]): MetaIssue[] {
  // An alternative that failed (anyOf) explains itself; the errors of each branch are noise.
  // Errors about a key's name (propertyNames) are summed up by the propertyNames error itself.
  const aboutName = (e: ErrorObject) =>
    (e as ErrorObject & { propertyName?: string }).propertyName !== undefined && e.keyword !== 'propertyNames';
  const alternativesAt = new Set(errors.filter((e) => e.keyword === 'anyOf' && !aboutName(e)).map((e) => e.instancePath));
  const kept = errors.filter((e) => {
    if (aboutName(e)) return false;
    if (e.keyword !== 'anyOf' && alternativesAt.has(e.instancePath)) return false;
    return true;
  });
  // The keywords a place accepts come with the errors about a key's name (an enum of them).
  const known = new Map<string, string[]>();
  for (const e of errors) {
    const key = (e as ErrorObject & { propertyName?: string }).propertyName;
    if (key === undefined || e.keyword !== 'enum') continue;
    const at = `${e.instancePath}\0${key}`;
    known.set(at, [...(known.get(at) ?? []), ...(e.params as { allowedValues: unknown[] }).allowedValues.map(String)]);
  }
  const seen = new Set<string>();
  const issues: MetaIssue[] = [];
  for (const error of kept) {
    const issue = sentence(error);
    if (error.keyword === 'propertyNames') {
      const key = String((error.params as { propertyName: unknown }).propertyName);
      const hint = didYouMean(key, known.get(`${error.instancePath}\0${key}`) ?? []);
      // "… can have (a typo?)" → "… can have: did you mean …?"; "… here (see docs …)" → "… here: did you mean …? (see docs …)".
      if (hint) issue.message = issue.message.replace(/ \(a typo\?\)$/, '').replace(/^(.*?)( \(see .*\))?$/, `$1: ${hint}$2`);
    }
    const key = issue.pointer + issue.message;
    if (!seen.has(key)) issues.push(issue), seen.add(key);
  }
  return issues;
}

function sentence(e: ErrorObject): MetaIssue {
  const name = lastSegment(e.instancePath);
  const subject = name ? `"${name}"` : 'the file';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { pointer: e.instancePath, message: `${subject} is missing the required key "${p.missingProperty}"` };
    case 'additionalProperties':
      return { pointer: `${e.instancePath}/${p.additionalProperty}`, message: `"${p.additionalProperty}" is not allowed here` };
    case 'propertyNames': {
      const key = String(p.propertyName);
      if (!key.startsWith('x-') && !e.instancePath.endsWith('/properties')) {
        const place =
          /\/(gate|entry|when)(\/|$)/.test(e.instancePath) && !/\/properties\/[^/]+$/.test(e.instancePath) ? 'a condition' : 'a field';
        return { pointer: `${e.instancePath}/${key}`, message: `"${key}" is not a keyword ${place} can have (a typo?)` };
      }
      const message = key.startsWith('x-')
        ? `"${key}" is not an ra-sales keyword here (see docs/schema-language.md for the keywords of each place)`
        : `"${key}" is not a valid name: use lower-case snake_case (a-z, 0-9, _), starting with a letter`;
      return { pointer: `${e.instancePath}/${key}`, message };
    }
    case 'enum':
      return { pointer: e.instancePath, message: `${subject} must be one of: ${(p.allowedValues as unknown[]).map(String).join(', ')}` };
    case 'const':
      return { pointer: e.instancePath, message: `${subject} must be ${JSON.stringify(p.allowedValue)}` };
    case 'type':
      return { pointer: e.instancePath, message: `${subject} must be ${article(String(p.type))}` };
    case 'pattern':
      return {
        pointer: e.instancePath,
        message: e.schemaPath.includes('identifier')
          ? `${subject} must be lower-case snake_case (a-z, 0-9, _), starting with a letter`
          : `${subject} does not match the pattern ${p.pattern}`,
      };
    case 'not':
      if (name === 'title') {
        return {
          pointer: e.instancePath,
          message: 'a field cannot have a "title": use "x-label" (a title becomes a named TypeScript type)',
        };
      }
      return { pointer: e.instancePath, message: `${subject} is not allowed here` };
    case 'anyOf':
      if (/\/x-workflow\/(transitions|approvals)\/\d+\/(from|to)$/.test(e.instancePath)) {
        return { pointer: e.instancePath, message: `${subject} must be a stage id, a list of stage ids, or "*"` };
      }
      return { pointer: e.instancePath, message: `${subject} does not have an accepted form` };
    case 'minItems':
      return { pointer: e.instancePath, message: `${subject} must have at least ${p.limit} item(s)` };
    case 'uniqueItems':
      return { pointer: e.instancePath, message: `${subject} lists the same value twice (items ${p.j} and ${p.i})` };
    case 'minLength':
      return { pointer: e.instancePath, message: `${subject} must not be empty` };
    default:
      return { pointer: e.instancePath, message: `${subject} ${e.message ?? 'is invalid'}` };
  }
}

function lastSegment(pointer: string): string {
  const segments = pointer.split('/');
  return (segments[segments.length - 1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
}

function article(type: string): string {
  const word = type === 'object' ? 'an object' : type === 'array' ? 'a list' : type === 'integer' ? 'an integer' : `a ${type}`;
  return word.replace(/,/g, ' or ');
}
