/**
 * An amount in yuan, typed and shown with the UI language's separators (`1,250,000.00`) while the
 * form holds a number. The text is the user's while they type; on blur (and whenever the value
 * changes from elsewhere) it is rewritten grouped, with cents.
 */
import { useEffect, useRef, useState, type ChangeEvent, type FocusEvent } from 'react';
import { InputAdornment, TextField } from '@mui/material';
import {
  FieldTitle,
  InputHelperText,
  sanitizeInputRestProps,
  useInput,
  useLocaleState,
  type NumberInputProps,
  type Validator,
} from 'react-admin';
import { formatAmount, parseAmount } from './format.js';
import { withInputSlots } from './muiCompat.js';

export type MoneyInputProps = NumberInputProps;

/** Text that does not read as a number stays in the form as text, refused in the UI language. */
const typedAmount: Validator = (value) => (typeof value === 'string' && value.trim() !== '' ? 'ra.validation.number' : undefined);

const shown = (value: unknown, locale: string): string =>
  typeof value === 'number' ? formatAmount(value, locale) : typeof value === 'string' ? value : '';

export const MoneyInput = (props: MoneyInputProps) => {
  const {
    className,
    defaultValue = null,
    helperText,
    label,
    margin,
    onChange,
    onBlur,
    onFocus,
    resource,
    source,
    validate,
    variant,
    disabled,
    readOnly,
    // A number input's props that text does not take: limits are checked by `validate`.
    step: _step,
    min: _min,
    max: _max,
    format: _format,
    parse: _parse,
    ...rest
  } = props;
  const [locale] = useLocaleState();
  const {
    field,
    fieldState: { error, invalid },
    id,
    isRequired,
  } = useInput({
    defaultValue,
    onBlur,
    resource,
    source,
    validate: [...(Array.isArray(validate) ? validate : validate ? [validate] : []), typedAmount],
    disabled,
    readOnly,
    ...rest,
  });
  const [text, setText] = useState(() => shown(field.value, locale));
  const focused = useRef(false);

  useEffect(() => {
    if (!focused.current) setText(shown(field.value, locale));
  }, [field.value, locale]);

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    onChange?.(event);
    const typed = event.target.value;
    setText(typed);
    const amount = parseAmount(typed, locale);
    field.onChange(amount !== null && Number.isNaN(amount) ? typed : amount);
  };
  const handleFocus = (event: FocusEvent<HTMLInputElement>) => {
    onFocus?.(event);
    focused.current = true;
  };
  const handleBlur = (event: FocusEvent<HTMLInputElement>) => {
    field.onBlur(event);
    focused.current = false;
    setText(shown(field.value, locale));
  };

  const { ref, value: _value, onChange: _onChange, onBlur: _onBlur, ...fieldRest } = field;
  return (
    <TextField
      id={id}
      {...fieldRest}
      inputRef={ref}
      value={text}
      onChange={handleChange}
      onFocus={handleFocus}
      onBlur={handleBlur}
      className={['ra-input', `ra-input-${source}`, className].filter(Boolean).join(' ')}
      type="text"
      size="small"
      variant={variant}
      margin={margin}
      error={invalid}
      disabled={disabled || readOnly}
      helperText={helperText !== false || invalid ? <InputHelperText error={error?.message} helperText={helperText} /> : null}
      label={
        label !== '' && label !== false ? <FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} /> : null
      }
      {...withInputSlots(
        { sx: { minWidth: 170 }, ...sanitizeInputRestProps(rest) },
        { startAdornment: <InputAdornment position="start">¥</InputAdornment> },
        { inputMode: 'decimal', readOnly },
      )}
    />
  );
};
