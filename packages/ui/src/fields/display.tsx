import { useCallback } from 'react';
import {
  DateField,
  FunctionField,
  NumberField,
  ReferenceField,
  SelectField,
  TextField,
  useFieldValue,
  type DateFieldProps,
  type FieldProps,
  type NumberFieldProps,
  type ReferenceFieldProps,
  type TextFieldProps,
} from 'react-admin';
import { Link } from '@mui/material';
import type { ClientEntityModel, ClientFieldModel } from '@ra-sales/schema';
import { useFieldChoices } from './choices.js';
import { formatNumber, moneyOptions, percentOptions, toFraction, useUiLocale } from './format.js';
import { useAfterFirstPaint } from '../lazy/useAfterFirstPaint.js';

// react-admin's DateField and NumberField format in the browser's language unless given `locales`: they get the UI language (`useUiLocale`).

/** As NumberField reads a numeric string: as the number. */
const asNumber = (value: unknown) => (typeof value === 'string' && value !== '' && !Number.isNaN(Number(value)) ? Number(value) : value);

/**
 * react-admin's NumberField, the number formatted through the shared formats of format.ts: its own
 * `toLocaleString(locales, options)` builds an Intl.NumberFormat for every cell of a list.
 */
const FormattedNumberField = ({ locales, options, transform, ...props }: NumberFieldProps) => {
  const uiLocale = useUiLocale();
  const locale = typeof locales === 'string' ? locales : uiLocale;
  const format = useCallback(
    (value: unknown) => {
      const number = asNumber(transform ? transform(asNumber(value)) : value);
      return typeof number === 'number' ? formatNumber(number, locale, options) : number;
    },
    [locale, options, transform],
  );
  // NumberField shows what `transform` returns as is when it is not a number: here, the formatted text.
  return <NumberField transform={format as NumberFieldProps['transform']} {...props} />;
};

/** An amount in yuan, formatted for the UI locale (`¥1,234.00`, `CN¥1,234.00`). */
export const MoneyField = (props: NumberFieldProps) => <FormattedNumberField options={moneyOptions} {...props} />;

/** A 0–100 percentage. */
export const PercentField = (props: NumberFieldProps) => (
  <FormattedNumberField options={percentOptions} transform={toFraction} {...props} />
);

export const LocaleNumberField = (props: NumberFieldProps) => <FormattedNumberField {...props} />;

/** A date (`showTime`: a date and time) in the UI language: `2026/11/19 06:30:00`, `11/19/2026, 6:30:00 AM`. */
export const LocaleDateField = (props: DateFieldProps) => <DateField locales={useUiLocale()} {...props} />;

export interface EnumFieldProps extends FieldProps {
  entity: ClientEntityModel;
  schemaField: ClientFieldModel;
  linesField?: string;
}

/** An enum value (or a workflow stage) shown by its label in the current locale. */
export const EnumField = ({ entity, schemaField, linesField, ...props }: EnumFieldProps) => (
  <SelectField choices={useFieldChoices(entity, schemaField, linesField)} translateChoice={false} {...props} />
);

const oneLine = { display: 'block', maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/** Multi-line text: one ellipsed line in lists, line breaks kept on Show. */
export const LongTextField = ({ truncate, ...props }: TextFieldProps & { truncate?: boolean }) => (
  <TextField sx={truncate ? oneLine : { whiteSpace: 'pre-wrap' }} {...props} />
);

/**
 * react-admin's ReferenceField mounted right after the first paint, for a list's cells or a board's
 * cards: its label waits for a request made once they are shown (one for the whole page), and
 * until then ReferenceField shows nothing; mounted later, its query and context do not weigh on
 * the first paint (some 15% of a page of rows' render).
 */
export const DeferredReferenceField = (props: ReferenceFieldProps) => (useAfterFirstPaint() ? <ReferenceField {...props} /> : null);

export const PhoneField = (props: FieldProps) => {
  const value = useFieldValue(props);
  return value ? <Link href={`tel:${String(value).replace(/[^0-9+]/g, '')}`}>{String(value)}</Link> : null;
};

export const JsonField = (props: FieldProps) => {
  const source = props.source ?? '';
  return (
    <FunctionField
      {...props}
      render={(record: Record<string, unknown>) =>
        record?.[source] == null ? '' : <code style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(record[source], null, 2)}</code>
      }
    />
  );
};
