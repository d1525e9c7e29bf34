import type { Labels } from './model.js';

/** The label in `locale`, falling back to English. */
export function labelOf(labels: Labels | undefined, locale: string): string {
  if (!labels) return '';
  return labels[locale] ?? labels.en;
}
