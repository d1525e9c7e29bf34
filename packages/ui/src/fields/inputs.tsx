import { InputAdornment } from '@mui/material';
import {
  NumberInput,
  ReferenceInput,
  SelectInput,
  TextInput,
  type NumberInputProps,
  type SelectInputProps,
  type TextInputProps,
  type Validator,
} from 'react-admin';
import type { ClientEntityModel, ClientFieldModel, Filter } from '@ra-sales/schema';
import { BoundReferenceInput } from './BoundReferenceInput.js';
import { ReferenceAutocomplete } from './ReferenceAutocomplete.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { useFieldChoices } from './choices.js';
import { withInputSlots } from './muiCompat.js';

export { MoneyInput, type MoneyInputProps } from './MoneyInput.js';

/** A percentage, `%` after the number. */
export const PercentInput = (props: NumberInputProps) => (
  <NumberInput {...withInputSlots(props, { endAdornment: <InputAdornment position="end">%</InputAdornment> })} />
);

export interface EnumInputProps extends Omit<SelectInputProps, 'choices'> {
  entity: ClientEntityModel;
  schemaField: ClientFieldModel;
  linesField?: string;
}

export const EnumInput = ({ entity, schemaField, linesField, ...props }: EnumInputProps) => (
  <SelectInput choices={useFieldChoices(entity, schemaField, linesField)} translateChoice={false} {...props} />
);

export interface SalesReferenceInputProps {
  source: string;
  reference: string;
  label?: string;
  validate?: Validator[];
  helperText?: string;
  defaultValue?: unknown;
  readOnly?: boolean;
  /** `x-ref-where`: only records matching this filter, its `$field` values read from the form. */
  refWhere?: Filter;
}

/** A reference picked by typing: the target's records are searched with `q`, shown by its recordRepresentation. */
export const SalesReferenceInput = ({ refWhere, ...props }: SalesReferenceInputProps) =>
  refWhere ? <BoundReferenceInput refWhere={refWhere} {...props} /> : <PlainReferenceInput {...props} />;

const PlainReferenceInput = ({
  source,
  reference,
  label,
  validate,
  helperText,
  defaultValue,
  readOnly,
}: Omit<SalesReferenceInputProps, 'refWhere'>) => {
  const t = useUiTranslate();
  return (
    <ReferenceInput source={source} reference={reference}>
      <ReferenceAutocomplete
        reference={reference}
        label={label}
        validate={validate}
        helperText={helperText}
        defaultValue={defaultValue}
        readOnly={readOnly}
        noOptionsText={t('input.no_options')}
        sx={{ minWidth: 240 }}
      />
    </ReferenceInput>
  );
};

const fromJson = (value: unknown) => {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};
const toJson = (value: unknown) => (value == null ? '' : typeof value === 'string' ? value : JSON.stringify(value, null, 2));
const validJson: Validator = (value) => (typeof value === 'string' ? 'ra_sales.validation.json' : undefined);

/** Free JSON, edited as text; text that does not parse stays a string and is refused. */
export const JsonInput = ({ validate = [], ...props }: TextInputProps) => (
  <TextInput
    multiline
    minRows={3}
    fullWidth
    parse={fromJson}
    format={toJson}
    validate={[...(Array.isArray(validate) ? validate : [validate]), validJson]}
    {...props}
  />
);
