/**
 * A reference picker under an `x-ref-where` rule: its choices are the records matching the rule's
 * filter with the form's values filled in (`bindFilter`, e.g. the contacts of the chosen
 * customer). While a value the rule needs is empty, the picker is disabled and says what to fill first.
 */
import { memo } from 'react';
import { FormDataConsumer, ReferenceInput, useLocale, useResourceContext, useTranslate } from 'react-admin';
import { bindFilter, recordPath, type Filter } from '@ra-sales/schema';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { keys } from '../i18n/keys.js';
import { humanize } from '../i18n/labels.js';
import type { SalesReferenceInputProps } from './inputs.js';
import { ReferenceAutocomplete } from './ReferenceAutocomplete.js';

export interface BoundReferenceInputProps extends Omit<SalesReferenceInputProps, 'refWhere'> {
  refWhere: Filter;
}

/** The fields of the form a filter reads (`$customer_id` → `customer_id`). */
export function fieldsReadBy(filter: Filter): string[] {
  const names = Object.values(filter)
    .map(recordPath)
    .filter((path): path is string => !!path);
  return [...new Set(names.map((path) => path.split('.')[0]!))];
}

/** "Choose Customer first", naming the fields the rule reads by their labels. */
function useChooseFirstHint(filter: Filter): string {
  const translate = useTranslate();
  const t = useUiTranslate();
  const locale = useLocale();
  const resource = useResourceContext() ?? '';
  const labels = fieldsReadBy(filter).map((name) => translate(keys.field(resource, name), { _: humanize(name) }));
  let fields = labels.join(', ');
  try {
    fields = new Intl.ListFormat(locale, { type: 'conjunction' }).format(labels);
  } catch {
    // keep the comma list
  }
  return t('rules.choose_first', { fields });
}

type ScopedPickerProps = Omit<BoundReferenceInputProps, 'refWhere'> & {
  /** The bound filter as JSON (a stable prop, so typing elsewhere in the form does not re-render the picker); '' when unbound. */
  filterKey: string;
  hint: string;
};

const ScopedPicker = memo(
  ({ filterKey, hint, source, reference, label, validate, helperText, defaultValue, readOnly }: ScopedPickerProps) => {
    const bound = filterKey !== '';
    const noOptionsText = useUiTranslate()('input.no_options');
    return (
      <ReferenceInput
        source={source}
        reference={reference}
        filter={bound ? (JSON.parse(filterKey) as Filter) : {}}
        enableGetChoices={() => bound}
      >
        <ReferenceAutocomplete
          reference={reference}
          label={label}
          validate={validate}
          helperText={!bound && !readOnly ? hint : helperText}
          defaultValue={defaultValue}
          readOnly={readOnly}
          disabled={!bound && !readOnly}
          noOptionsText={noOptionsText}
          sx={{ minWidth: 240 }}
        />
      </ReferenceInput>
    );
  },
);

const keyOf = (filter: Filter | undefined) => (filter === undefined ? '' : JSON.stringify(filter));

export const BoundReferenceInput = ({ refWhere, ...props }: BoundReferenceInputProps) => {
  const hint = useChooseFirstHint(refWhere);
  return (
    <FormDataConsumer>
      {({ formData }) => <ScopedPicker filterKey={keyOf(bindFilter(refWhere, formData ?? {}))} hint={hint} {...props} />}
    </FormDataConsumer>
  );
};
