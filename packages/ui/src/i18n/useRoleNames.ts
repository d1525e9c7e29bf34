import { useLocale, useTranslate } from 'react-admin';
import { SUPER_ROLE } from '@ra-sales/schema';
import { keys } from './keys.js';
import { humanize } from './labels.js';

/**
 * Roles as one phrase in the UI language, e.g. "Sales manager or Administrator" /
 * "销售经理或管理员": labels from the model's roles (`ra_sales.roles.<id>`), the super role
 * (admin, who may always do what a rule allows a role) added last.
 */
export function useRoleNames(): (roles: readonly string[]) => string {
  const translate = useTranslate();
  const locale = useLocale();
  return (roles) => {
    const all = [...new Set([...roles, SUPER_ROLE])];
    const names = all.map((role) => translate(keys.role(role), { _: humanize(role) }));
    try {
      return new Intl.ListFormat(locale, { type: 'disjunction' }).format(names);
    } catch {
      return names.join(', ');
    }
  };
}
