import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { SchemaError } from './errors.js';
import { mergePatch } from './mergePatch.js';
import { didYouMean } from '../didYouMean.js';
import { readJson } from './readJson.js';

/** One logical schema document: the default file, merged with every overlay file of the same name. */
export interface SourceDocument {
  /** Path inside the schema folder, e.g. `entities/opportunity.schema.json`. */
  name: string;
  /** Display names of the files that made it, default first. */
  files: string[];
  /** The overlay patches, to tell which file a pointer came from. */
  patches: { file: string; value: unknown }[];
  value: unknown;
}

export interface SourceSet {
  model?: SourceDocument;
  shared: SourceDocument[];
  entities: SourceDocument[];
}

const FOLDERS = ['shared', 'entities'] as const;

/** Reads `model.json`, `shared/*.json` and `entities/*.json` of the base folder and merges each overlay over it. */
export function readSources(dir: string, overlays: readonly string[], errors: SchemaError[]): SourceSet {
  const documents = new Map<string, SourceDocument>();
  const roots = [dir, ...overlays];
  roots.forEach((root, index) => {
    const isOverlay = index > 0;
    if (!existsSync(root)) {
      errors.push({ file: display(root, dir, isOverlay), pointer: '', message: 'folder does not exist' });
      return;
    }
    for (const name of listSchemaFiles(root)) {
      const shown = isOverlay ? `${overlayLabel(root)}/${name}` : name;
      const read = readJson(join(root, name), shown);
      if (!read.ok) {
        errors.push(read.error);
        continue;
      }
      const existing = documents.get(name);
      if (existing && isOverlay) {
        existing.value = mergePatch(existing.value, read.value);
        existing.files.push(shown);
        existing.patches.push({ file: shown, value: read.value });
      } else if (!existing && isOverlay && name.startsWith('entities/')) {
        const problem = notANewEntity(name, read.value, [...documents.keys()]);
        if (problem) errors.push({ file: shown, pointer: '', message: problem });
        else documents.set(name, { name, files: [shown], patches: [{ file: shown, value: read.value }], value: read.value });
      } else if (!existing) {
        documents.set(name, { name, files: [shown], patches: isOverlay ? [{ file: shown, value: read.value }] : [], value: read.value });
      }
    }
  });
  const all = [...documents.values()].sort((a, b) => a.name.localeCompare(b.name));
  return {
    model: documents.get('model.json'),
    shared: all.filter((d) => d.name.startsWith('shared/')),
    entities: all.filter((d) => d.name.startsWith('entities/')),
  };
}

const ENTITY_KEYS = ['type', 'properties', 'x-resource', 'x-label'];

/**
 * An overlay file with no default of the same name adds an entity. One that removes (`x-removed`)
 * or only changes keys of an entity (lacks what a new entity needs) names an entity that does not
 * exist: most likely a misspelt file name. Says why, or undefined when it is a whole new entity.
 */
function notANewEntity(name: string, value: unknown, known: string[]): string | undefined {
  const entityName = (file: string) => file.replace(/^entities\//, '').replace(/\.schema\.json$|\.json$/, '');
  const entities = known.filter((n) => n.startsWith('entities/'));
  const doc = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  const missing = ENTITY_KEYS.filter((k) => !(k in doc));
  if (doc['x-removed'] !== true && missing.length === 0) return undefined;
  const byName = new Map(entities.map((n) => [entityName(n), n]));
  const hint = didYouMean(entityName(name), byName.keys(), (n) => byName.get(n)!);
  const what = doc['x-removed'] === true ? 'removes' : 'changes';
  return (
    `${what} entity "${entityName(name)}", but there is no default ${name}` +
    (hint ? `: ${hint}` : ` (entities: ${[...byName.keys()].join(', ')})`) +
    (what === 'changes'
      ? ` A new entity needs ${ENTITY_KEYS.map((k) => `"${k}"`).join(', ')}; this file lacks ${missing.map((k) => `"${k}"`).join(', ')}.`
      : '')
  );
}

function listSchemaFiles(root: string): string[] {
  const names: string[] = [];
  if (existsSync(join(root, 'model.json'))) names.push('model.json');
  for (const folder of FOLDERS) {
    const path = join(root, folder);
    if (!existsSync(path)) continue;
    for (const file of readdirSync(path).sort()) {
      if (file.endsWith('.json')) names.push(`${folder}/${file}`);
    }
  }
  return names;
}

function overlayLabel(root: string): string {
  const rel = relative(process.cwd(), root);
  return rel && !rel.startsWith('..') ? rel : basename(root);
}

function display(root: string, dir: string, isOverlay: boolean): string {
  return isOverlay ? overlayLabel(root) : relative(process.cwd(), dir) || dir;
}

/** The file a pointer into a merged document came from: the last overlay that set it, else the default file. */
export function fileOf(doc: SourceDocument, pointer: string): string {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (let i = doc.patches.length - 1; i >= 0; i--) {
    if (hasPath(doc.patches[i].value, segments)) return doc.patches[i].file;
  }
  return doc.files[0];
}

function hasPath(value: unknown, segments: string[]): boolean {
  let current = value;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null || !(segment in current)) return false;
    current = (current as Record<string, unknown>)[segment];
  }
  return true;
}
