import { useMemo } from 'react';
import { useTranslate } from 'react-admin';
import { useUiLocale } from './format.js';
import type { ClientEntityModel, ClientFieldModel, Labels } from '@ra-sales/schema';
import { keys } from '../i18n/keys.js';
import { labelIn } from '../i18n/labels.js';

export interface Choice {
  id: string;
  name: string;
}

interface RawOption {
  value: string;
  label: Labels;
  key: string;
}

/**
 * The options of an enum field with their translation keys. The workflow field's options are
 * the stages; an item field of a `lines` field is addressed as `<lines>.<item>`.
 */
export function optionsOf(entity: ClientEntityModel, field: ClientFieldModel, linesField?: string): RawOption[] {
  const res = entity.resource;
  if (!linesField && entity.workflow?.field === field.name) {
    return entity.workflow.stages.map((s) => ({ value: s.id, label: s.label, key: keys.stage(res, s.id) }));
  }
  const path = linesField ? `${linesField}.${field.name}` : field.name;
  return (field.options ?? []).map((o) => ({ value: o.value, label: o.label, key: keys.enumOption(res, path, o.value) }));
}

/** `{ id, name }` choices in the current locale: the translation when the i18n provider has it, else the schema label. */
export function useFieldChoices(entity: ClientEntityModel, field: ClientFieldModel, linesField?: string): Choice[] {
  const translate = useTranslate();
  const locale = useUiLocale();
  // Once per cell, not per render: a list shows the field in every row.
  return useMemo(
    () => optionsOf(entity, field, linesField).map((o) => ({ id: o.value, name: translate(o.key, { _: labelIn(o.label, locale) }) })),
    [entity, field, linesField, translate, locale],
  );
}

/** Whether a field holds one of a fixed list of values (an enum, or the workflow's stage). */
export function hasOptions(entity: ClientEntityModel, field: ClientFieldModel): boolean {
  return field.kind === 'enum' || entity.workflow?.field === field.name;
}
