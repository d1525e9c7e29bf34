/** The money and percent inputs keep their adornment under every MUI major: `withInputSlots` picks the spelling. */
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { AdminContext, Form } from 'react-admin';
import { MoneyInput, PercentInput } from '../../src/fields/inputs.js';
import { withInputSlots } from '../../src/fields/muiCompat.js';

describe('withInputSlots', () => {
  const adornment = { startAdornment: '¥' };

  it('puts the props under slotProps from MUI 6 on, under the caller’s', () => {
    const props = withInputSlots(
      { label: 'Amount', slotProps: { input: { endAdornment: 'x', startAdornment: 'theirs' }, htmlInput: { step: 2 } } },
      adornment,
      { 'data-x': 1 },
      9,
    );
    expect(props).toEqual({
      label: 'Amount',
      slotProps: { input: { startAdornment: 'theirs', endAdornment: 'x' }, htmlInput: { 'data-x': 1, step: 2 } },
    });
  });

  it('keeps a slot given as a function of the owner state, ours underneath', () => {
    const props = withInputSlots(
      { slotProps: { input: (state: { size: string }) => ({ size: state.size }) } },
      adornment,
      undefined,
      7,
    ) as {
      slotProps: { input: (state: unknown) => unknown };
    };
    expect(props.slotProps.input({ size: 'small' })).toEqual({ startAdornment: '¥', size: 'small' });
  });

  it('uses InputProps / inputProps under MUI 5', () => {
    expect(withInputSlots({ InputProps: { endAdornment: 'x' } }, adornment, { 'data-x': 1 }, 5)).toEqual({
      InputProps: { startAdornment: '¥', endAdornment: 'x' },
      inputProps: { 'data-x': 1 },
    });
    expect(withInputSlots({}, undefined, { 'data-testid': 'period' }, 5)).toEqual({ inputProps: { 'data-testid': 'period' } });
  });
});

describe('MoneyInput and PercentInput', () => {
  it('show ¥ before the amount and % after the rate', () => {
    render(
      <AdminContext>
        <Form record={{ amount: 12.5, rate: 30 }}>
          <MoneyInput source="amount" />
          <PercentInput source="rate" />
        </Form>
      </AdminContext>,
    );
    const yen = screen.getByText('¥');
    expect(yen.closest('.MuiInputAdornment-positionStart')).toBeTruthy();
    expect(yen.closest('.MuiInputBase-root')?.querySelector('input')?.value).toBe('12.50');
    const percent = screen.getByText('%');
    expect(percent.closest('.MuiInputAdornment-positionEnd')).toBeTruthy();
    expect(percent.closest('.MuiInputBase-root')?.querySelector('input')?.value).toBe('30');
  });
});
