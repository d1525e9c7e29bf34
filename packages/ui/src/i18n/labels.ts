import type { Labels } from '@ra-sales/schema';

/**
 * The label in `locale`, falling back to English. The UI imports only types from
 * `@ra-sales/schema` (its loader reads files and must stay out of browser bundles), hence this
 * small twin of the schema package's `labelOf`.
 */
export function labelIn(labels: Labels | undefined, locale: string): string {
  if (!labels) return '';
  return labels[locale] ?? labels.en;
}

/** `expected_sign_date` → `Expected sign date`. */
export function humanize(name: string): string {
  const words = name.replace(/_id$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
