/**
 * A computed field (or computed line column) on a form: read-only, formatted like its kind, and
 * kept up to date — whenever the form values change, the value `computeRecord` gives is written
 * back into the form (so a total follows the lines as they are typed).
 */
import { useEffect } from 'react';
import { TextField } from '@mui/material';
import { FieldTitle, FormDataConsumer, useInput, useLocaleState, useResourceContext, useTranslate } from 'react-admin';
import { labelOf, type ClientEntityModel, type ClientFieldModel } from '@ra-sales/schema';
import { liveComputedValue } from '../rules/liveCompute.js';
import { formatMoney, formatNumber } from './format.js';
import { withInputSlots } from './muiCompat.js';

export interface ComputedValueInputProps {
  entity: ClientEntityModel;
  field: ClientFieldModel;
  source?: string;
  label?: string;
  /** Why it is read-only (e.g. "Calculated automatically"). */
  hint?: string;
}

function display(field: ClientFieldModel, value: unknown, locale: string, translate: (key: string) => string): string {
  if (value == null || value === '') return '';
  const option = field.options?.find((o) => o.value === value);
  if (option) return labelOf(option.label, locale);
  if (typeof value === 'boolean') return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
  if (typeof value !== 'number') return String(value);
  if (field.kind === 'money') return formatMoney(value, locale);
  if (field.kind === 'percent') return `${formatNumber(value, locale)}%`;
  return formatNumber(value, locale);
}

/** An input shows "no value" as ''. */
const normal = (value: unknown) => (value === '' || value === undefined ? null : value);

/** Writes `next` into the form when it differs from what the form holds (`undefined`: leave it). */
function FollowValue({ next, current, onChange }: { next: unknown; current: unknown; onChange: (value: unknown) => void }) {
  const differs = next !== undefined && normal(next) !== normal(current);
  useEffect(() => {
    if (differs) onChange(next);
  }, [differs, next, onChange]);
  return null;
}

export const ComputedValueInput = ({ entity, field, source = field.name, label, hint }: ComputedValueInputProps) => {
  const resource = useResourceContext();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const { id, field: input } = useInput({ source });
  return (
    <>
      <FormDataConsumer>
        {({ formData }) => (
          <FollowValue next={liveComputedValue(entity, formData ?? {}, input.name)} current={input.value} onChange={input.onChange} />
        )}
      </FormDataConsumer>
      <TextField
        id={id}
        label={<FieldTitle label={label} source={field.name} resource={resource} />}
        value={display(field, input.value, locale, translate)}
        helperText={hint}
        variant="filled"
        size="small"
        margin="dense"
        sx={{ minWidth: 170 }}
        {...withInputSlots({}, { readOnly: true }, { 'data-computed': input.name })}
      />
    </>
  );
};
