import type { ReactElement } from 'react';
import {
  BooleanField,
  BooleanInput,
  DateInput,
  DateTimeInput,
  EmailField,
  NullableBooleanInput,
  NumberInput,
  ReferenceField,
  TextField,
  TextInput,
  UrlField,
} from 'react-admin';
import type { FieldKind } from '@ra-sales/schema';
import { keys } from '../i18n/keys.js';
import {
  EnumField,
  JsonField,
  DeferredReferenceField,
  LocaleDateField,
  LocaleNumberField,
  LongTextField,
  MoneyField,
  PercentField,
  PhoneField,
} from './display.js';
import { EnumInput, JsonInput, MoneyInput, PercentInput, SalesReferenceInput } from './inputs.js';
import { rangeSources } from './kinds.js';
import type { KindProps, KindRenderer } from './types.js';
import { validatorsFor } from './validation.js';

/** Props every field element gets: `source` and `sortable` drive the Datagrid header and sorting. */
export const fieldProps = ({ field, source, label }: KindProps) => ({
  source: source ?? field.name,
  label,
  sortable: field.sortable,
});

/**
 * Props every input gets: schema validation, default value, help text. A read-only input is not
 * validated (the user cannot fix it) and says why it is read-only instead of its help. Number
 * inputs get no native `min`, `max` or `step`: the browser would stop the form with its own bubble,
 * in the browser's language, before react-admin's translated messages show.
 */
const inputProps = ({ entity, field, source, label, readOnly, hint }: KindProps) => ({
  source: source ?? field.name,
  label,
  validate: readOnly ? undefined : validatorsFor(field),
  defaultValue: field.default,
  helperText: hint ?? (field.help ? keys.help(entity.resource, field.name) : undefined),
  readOnly,
});

const valueFilter = (make: (source: string) => ReactElement) => (props: KindProps) => [make(props.source ?? props.field.name)];
const rangeFilter = (make: (source: string) => ReactElement) => (props: KindProps) =>
  rangeSources(props.source ?? props.field.name).map(make);
export const noFilter = () => [];

const text: KindRenderer = {
  list: (p) => <TextField {...fieldProps(p)} />,
  show: (p) => <TextField {...fieldProps(p)} />,
  input: (p) => <TextInput {...inputProps(p)} />,
  filters: valueFilter((source) => <TextInput key={source} source={source} />),
};

const dateRange = rangeFilter((source) => <DateInput key={source} source={source} />);
const numberRange = rangeFilter((source) => <NumberInput key={source} source={source} />);

/** A kind a line's column may have: every kind but `lines` (lines do not nest). */
export type ScalarKind = Exclude<FieldKind, 'lines'>;

/**
 * The renderers of every kind but `lines`: the columns of a line use these, and the kind
 * registry adds `lines` (whose renderers use these), so neither module imports the other.
 */
export const scalarKinds: Record<ScalarKind, KindRenderer> = {
  string: text,
  text: {
    list: (p) => <LongTextField truncate {...fieldProps(p)} />,
    show: (p) => <LongTextField {...fieldProps(p)} />,
    input: (p) => <TextInput multiline minRows={3} fullWidth {...inputProps(p)} />,
    filters: text.filters,
  },
  integer: {
    list: (p) => <LocaleNumberField {...fieldProps(p)} />,
    show: (p) => <LocaleNumberField {...fieldProps(p)} />,
    input: (p) => <NumberInput {...inputProps(p)} />,
    filters: numberRange,
  },
  number: {
    list: (p) => <LocaleNumberField {...fieldProps(p)} />,
    show: (p) => <LocaleNumberField {...fieldProps(p)} />,
    input: (p) => <NumberInput {...inputProps(p)} />,
    filters: numberRange,
  },
  money: {
    list: (p) => <MoneyField {...fieldProps(p)} />,
    show: (p) => <MoneyField {...fieldProps(p)} />,
    input: (p) => <MoneyInput {...inputProps(p)} />,
    filters: numberRange,
  },
  percent: {
    list: (p) => <PercentField {...fieldProps(p)} />,
    show: (p) => <PercentField {...fieldProps(p)} />,
    input: (p) => <PercentInput {...inputProps(p)} />,
    filters: numberRange,
  },
  date: {
    list: (p) => <LocaleDateField {...fieldProps(p)} />,
    show: (p) => <LocaleDateField {...fieldProps(p)} />,
    input: (p) => <DateInput {...inputProps(p)} />,
    filters: dateRange,
  },
  datetime: {
    list: (p) => <LocaleDateField showTime {...fieldProps(p)} />,
    show: (p) => <LocaleDateField showTime {...fieldProps(p)} />,
    input: (p) => <DateTimeInput {...inputProps(p)} />,
    filters: dateRange,
  },
  boolean: {
    list: (p) => <BooleanField {...fieldProps(p)} />,
    show: (p) => <BooleanField {...fieldProps(p)} />,
    input: (p) => <BooleanInput {...inputProps(p)} />,
    filters: valueFilter((source) => <NullableBooleanInput key={source} source={source} />),
  },
  enum: {
    list: (p) => <EnumField entity={p.entity} schemaField={p.field} linesField={p.linesField} {...fieldProps(p)} />,
    show: (p) => <EnumField entity={p.entity} schemaField={p.field} linesField={p.linesField} {...fieldProps(p)} />,
    input: (p) => <EnumInput entity={p.entity} schemaField={p.field} linesField={p.linesField} {...inputProps(p)} />,
    filters: (p) => [<EnumInput key={p.field.name} entity={p.entity} schemaField={p.field} source={p.source ?? p.field.name} />],
  },
  reference: {
    list: (p) => <DeferredReferenceField reference={p.field.ref!} link="show" {...fieldProps(p)} />,
    show: (p) => <ReferenceField reference={p.field.ref!} link="show" {...fieldProps(p)} />,
    input: (p) => (
      <SalesReferenceInput reference={p.field.ref!} refWhere={p.linesField ? undefined : p.field.refWhere} {...inputProps(p)} />
    ),
    filters: (p) => [<SalesReferenceInput key={p.field.name} reference={p.field.ref!} source={p.source ?? p.field.name} />],
  },
  email: {
    list: (p) => <EmailField {...fieldProps(p)} />,
    show: (p) => <EmailField {...fieldProps(p)} />,
    input: (p) => <TextInput type="email" {...inputProps(p)} />,
    filters: text.filters,
  },
  phone: {
    list: (p) => <PhoneField {...fieldProps(p)} />,
    show: (p) => <PhoneField {...fieldProps(p)} />,
    input: (p) => <TextInput type="tel" {...inputProps(p)} />,
    filters: text.filters,
  },
  url: {
    list: (p) => <UrlField target="_blank" rel="noopener" {...fieldProps(p)} />,
    show: (p) => <UrlField target="_blank" rel="noopener" {...fieldProps(p)} />,
    input: (p) => <TextInput type="url" {...inputProps(p)} />,
    filters: text.filters,
  },
  json: {
    list: (p) => <JsonField {...fieldProps(p)} />,
    show: (p) => <JsonField {...fieldProps(p)} />,
    input: (p) => <JsonInput {...inputProps(p)} />,
    filters: noFilter,
  },
};
