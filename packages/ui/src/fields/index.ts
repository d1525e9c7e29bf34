export { kindRegistry } from './registry.js';
export type { KindProps, KindRenderer } from './types.js';
export { validatorsFor } from './validation.js';
export { useFieldChoices, optionsOf, hasOptions, type Choice } from './choices.js';
export { lineColumns, lineTotal, grandTotal, type LineColumns } from './lineTotals.js';
export {
  MoneyField,
  PercentField,
  LocaleNumberField,
  LocaleDateField,
  EnumField,
  LongTextField,
  PhoneField,
  JsonField,
} from './display.js';
export {
  MoneyInput,
  PercentInput,
  EnumInput,
  SalesReferenceInput,
  JsonInput,
  type MoneyInputProps,
  type SalesReferenceInputProps,
} from './inputs.js';
export { BoundReferenceInput, fieldsReadBy, type BoundReferenceInputProps } from './BoundReferenceInput.js';
export { ComputedValueInput, type ComputedValueInputProps } from './ComputedValueInput.js';
export { LinesInput, LinesField, LinesSummaryField } from './lines.js';
export {
  formatMoney,
  formatAmount,
  formatNumber,
  formatPercent,
  formatCompactMoney,
  parseAmount,
  localeFormat,
  useLocaleFormat,
  CURRENCY,
  type LocaleFormat,
} from './format.js';
export { RANGE_FILTER_KINDS } from './kinds.js';
