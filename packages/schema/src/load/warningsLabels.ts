import type { JsonSchema } from '../model.js';
import { humanize, type Report } from './buildFields.js';
import { isPlainObject } from './mergePatch.js';

const LOCALE = /^[a-z]{2}(-[A-Z]{2})?$/;

/** Keys whose value is a label object (one text per locale), as a message names them; `x-enum-labels` holds one per value. */
const WHAT: Record<string, string> = {
  'x-label': 'the label',
  label: 'the label',
  'x-plural-label': 'the plural label',
  'x-description': 'the description',
  description: 'the description',
  'x-help': 'the help text',
  message: 'the message',
  title: 'the title',
};

function isLabels(value: unknown): value is Record<string, string> {
  return (
    isPlainObject(value) &&
    typeof value.en === 'string' &&
    Object.entries(value).every(([locale, text]) => LOCALE.test(locale) && typeof text === 'string')
  );
}

/**
 * Every label of a document that lacks a model locale (the screens then show the English text) or
 * has a text in an undeclared variant of a model language (never shown: `zh-TW` beside `zh-CN`).
 * `describe(path)` names a label found at that path (`field "budget": the label`), or undefined
 * when the object there is not a label.
 */
export function checkLabels(
  document: unknown,
  locales: readonly string[],
  describe: (segments: string[]) => string | undefined,
  report: Report,
): void {
  const visit = (labels: Record<string, string>, segments: string[], what: string) => {
    const pointer = `/${segments.map(escapeSegment).join('/')}`;
    const missing = locales.filter((l) => l !== 'en' && !labels[l]);
    if (missing.length > 0) {
      const list = missing.map((l) => `"${l}"`).join(' or ');
      report(pointer, `${what} has no ${list} text, so the ${missing.join(', ')} screens show the English "${labels.en}"`);
    }
    // A text in another locale of a language the model has is most likely a misspelt locale; a text
    // in a language the model leaves out (zh-CN in an English-only company) is kept on purpose.
    for (const locale of Object.keys(labels)) {
      if (locale === 'en' || locales.includes(locale)) continue;
      const sameLanguage = locales.filter((l) => l.split('-')[0] === locale.split('-')[0]);
      if (sameLanguage.length === 0) continue;
      report(
        `${pointer}/${escapeSegment(locale)}`,
        `${what} has a "${locale}" text, but "${locale}" is not a locale of model.json (${locales.join(', ')}), so it is never shown: did you mean ${sameLanguage.map((l) => `"${l}"`).join(' or ')}?`,
      );
    }
  };
  const walk = (node: unknown, segments: string[]) => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, [...segments, String(i)]));
    if (!isPlainObject(node)) return;
    for (const [key, child] of Object.entries(node)) {
      const at = [...segments, key];
      const what = isLabels(child) ? describe(at) : undefined;
      if (what) visit(child as Record<string, string>, at, what);
      else walk(child, at);
    }
  };
  walk(document, []);
}

/** Names the labels of an entity file: `field "budget": the label`, `stage "won": the label`, … */
export function entityLabels(document: JsonSchema, entityName: string): (segments: string[]) => string | undefined {
  const place = (segments: string[]): string | undefined => {
    if (segments.length === 0) return `entity "${entityName}"`;
    const [first, second, third] = segments;
    if (first === 'properties' && segments.length === 2) return `field "${second}"`;
    if (first === 'properties' && segments[2] === 'items' && segments[3] === 'properties' && segments.length === 5)
      return `column "${segments[4]}" of "${second}"`;
    if (first === 'x-workflow' && segments.length === 3) {
      const item = ((document['x-workflow'] as Record<string, unknown[]> | undefined)?.[second] ?? [])[Number(third)];
      const id = isPlainObject(item) && typeof item.id === 'string' ? `"${item.id}"` : third;
      if (second === 'stages') return `stage ${id}`;
      if (second === 'retired_stages') return `retired stage ${id}`;
      if (second === 'approvals') return `approval ${third}`;
    }
    if (first === 'x-sections' && segments.length === 2) {
      const section = (document['x-sections'] as unknown[] | undefined)?.[Number(second)];
      return `section ${isPlainObject(section) && typeof section.id === 'string' ? `"${section.id}"` : second}`;
    }
    if (first === 'x-actions' && segments.length === 2) return `action "${second}"`;
    if (first === 'x-validate' && segments.length === 2) return `rule ${second} of x-validate`;
    return undefined;
  };
  return (segments) => {
    const key = segments.at(-1)!;
    const parent = segments.slice(0, -1);
    if (parent.at(-1) === 'x-enum-labels') return `${place(parent.slice(0, -1)) ?? 'x-enum-labels'}: the label of "${key}"`;
    if (!WHAT[key]) return undefined;
    const at = place(parent);
    return at ? `${at}: ${WHAT[key]}` : WHAT[key];
  };
}

/** Names the labels of model.json: its groups, its roles (each a label itself) and the dashboard's card titles. */
export function modelLabels(document: JsonSchema): (segments: string[]) => string | undefined {
  return (segments) => {
    const [first, second, third, fourth] = segments;
    if (first === 'roles' && segments.length === 2) return `role "${second}": the label`;
    if (first === 'groups' && third === 'label' && segments.length === 3) {
      const group = (document.groups as unknown[] | undefined)?.[Number(second)];
      return `group ${isPlainObject(group) && typeof group.id === 'string' ? `"${group.id}"` : second}: the label`;
    }
    if (first === 'dashboard' && second === 'cards' && fourth === 'title' && segments.length === 4)
      return `dashboard card ${third}: the title`;
    return undefined;
  };
}

/**
 * Fields and line columns without `x-label` (shown by a name made from the field name, in English
 * only) and enum values without a label in `x-enum-labels` (shown as written). The workflow field's
 * values are its stages, labelled by the stages themselves.
 */
export function checkFieldLabels(document: JsonSchema, locales: readonly string[], report: Report): void {
  const workflowField = (document['x-workflow'] as { field?: string } | undefined)?.field;
  const visit = (properties: unknown, pointer: string, column?: string) => {
    if (!isPlainObject(properties)) return;
    for (const [name, value] of Object.entries(properties)) {
      if (!isPlainObject(value)) continue;
      const field = value as JsonSchema;
      const at = `${pointer}/${escapeSegment(name)}`;
      const place = column ? `column "${name}" of "${column}"` : `field "${name}"`;
      if (field['x-label'] === undefined && locales.some((l) => l !== 'en')) {
        report(at, `${place} has no x-label, so it is shown as "${humanize(name)}" (made from its name) in every language`);
      }
      if (Array.isArray(field.enum) && !(column === undefined && name === workflowField)) checkEnumLabels(field, at, place, report);
      const items = field.items;
      if (column === undefined && isPlainObject(items)) visit(items.properties, `${at}/items/properties`, name);
    }
  };
  visit(document.properties, '/properties');
}

function checkEnumLabels(field: JsonSchema, pointer: string, place: string, report: Report): void {
  const labels = isPlainObject(field['x-enum-labels']) ? field['x-enum-labels'] : undefined;
  const values = (field.enum as unknown[]).map((v, i) => [v, i] as const).filter(([v]) => v !== null);
  if (!labels) {
    if (values.length === 0) return;
    const list = values.map(([v]) => String(v)).join(', ');
    report(`${pointer}/enum`, `${place} has no x-enum-labels, so its values (${list}) are shown as written, in every language`);
    return;
  }
  for (const [value, i] of values) {
    if (!(String(value) in labels))
      report(`${pointer}/enum/${i}`, `${place}: the value "${String(value)}" has no label in x-enum-labels, so it is shown as written`);
  }
}

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
