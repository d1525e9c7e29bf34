/** The label in `locale`, falling back to English: the schema package's rule, under the screens' name. */
export { labelOf as labelIn } from '@ra-sales/schema';

/** `expected_sign_date` → `Expected sign date`. */
export function humanize(name: string): string {
  const words = name.replace(/_id$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
