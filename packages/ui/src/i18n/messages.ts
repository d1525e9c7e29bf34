import type { ClientEntityModel, ClientFieldModel, ClientSalesModel } from '@ra-sales/schema';
import { labelIn } from './labels.js';
import { RANGE_FILTER_KINDS, rangeSources } from '../fields/kinds.js';
import { uiMessages } from './uiMessages.js';
import { sectionLayout } from '../resources/sections.js';

type Messages = { [key: string]: string | Messages };

/** The locales the library ships its own strings for. */
export const SALES_LOCALES = ['zh-CN', 'en'] as const;

/**
 * react-admin messages for `locale` built from the schema labels:
 * `resources.<res>.{name, plural, fields, items, help, enums, stages, sections}` and `ra_sales.*`.
 */
export function salesMessages(model: ClientSalesModel, locale: string): Messages {
  const resources: Messages = {};
  for (const entity of Object.values(model.entities)) resources[entity.resource] = entityMessages(entity, locale);
  const ui = (uiMessages[locale] ?? uiMessages.en) as unknown as Messages;
  return {
    resources,
    ra_sales: {
      ...ui,
      groups: Object.fromEntries(model.groups.map((g) => [g.id, labelIn(g.label, locale)])),
      roles: Object.fromEntries(Object.entries(model.roles).map(([id, l]) => [id, labelIn(l, locale)])),
    },
  };
}

function entityMessages(entity: ClientEntityModel, locale: string): Messages {
  const ui = uiMessages[locale] ?? uiMessages.en;
  const singular = labelIn(entity.label, locale);
  const plural = labelIn(entity.pluralLabel, locale) || singular;
  const fields: Messages = {};
  const items: Messages = {};
  const help: Messages = {};
  const enums: Messages = {};
  for (const field of entity.fields) {
    const label = labelIn(field.label, locale);
    fields[field.name] = label;
    if (field.filter && RANGE_FILTER_KINDS.includes(field.kind)) {
      const [from, to] = rangeSources(field.name);
      fields[from] = ui.filter.from.replace('%{field}', label);
      fields[to] = ui.filter.to.replace('%{field}', label);
    }
    if (field.help) help[field.name] = labelIn(field.help, locale);
    if (field.options) enums[field.name] = optionMessages(field, locale);
    if (field.itemFields) {
      items[field.name] = Object.fromEntries(field.itemFields.map((item) => [item.name, labelIn(item.label, locale)]));
      const itemEnums = field.itemFields.filter((item) => item.options);
      if (itemEnums.length) enums[field.name] = Object.fromEntries(itemEnums.map((item) => [item.name, optionMessages(item, locale)]));
    }
  }
  const stages: Messages = Object.fromEntries((entity.workflow?.stages ?? []).map((s) => [s.id, labelIn(s.label, locale)]));
  return {
    // Polyglot picks the plural form by locale; Chinese has one form, so `name` stays singular.
    name: `${singular} |||| ${plural}`,
    plural,
    fields,
    items,
    help,
    enums,
    stages,
    sections: Object.fromEntries(sectionLayout(entity).map((s) => [s.id, labelIn(s.label, locale)])),
    ...actionMessages(entity, locale),
  };
}

/** `actions.<name>`: the label of each action of `x-actions`; `action_help.<name>`: its description. */
function actionMessages(entity: ClientEntityModel, locale: string): Messages {
  const actions = Object.values(entity.actions ?? {});
  if (actions.length === 0) return {};
  return {
    actions: Object.fromEntries(actions.map((action) => [action.name, labelIn(action.label, locale)])),
    action_help: Object.fromEntries(
      actions.filter((a) => a.description).map((action) => [action.name, labelIn(action.description, locale)]),
    ),
  };
}

function optionMessages(field: ClientFieldModel, locale: string): Messages {
  return Object.fromEntries((field.options ?? []).map((o) => [o.value, labelIn(o.label, locale)]));
}
