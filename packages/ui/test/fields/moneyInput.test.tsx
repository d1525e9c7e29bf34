/** Money typed and shown with the UI language's separators, the form holding a number. */
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Form, required } from 'react-admin';
import { formatAmount, parseAmount } from '../../src/fields/format.js';
import { MoneyInput } from '../../src/fields/MoneyInput.js';
import { validatorsFor } from '../../src/fields/validation.js';
import { dealFields } from '../screens/fixture.js';
import { renderInContext } from '../screens/support.js';

describe('formatAmount and parseAmount', () => {
  it('group thousands and show cents in the UI language', () => {
    expect(formatAmount(1_250_000, 'zh-CN')).toBe('1,250,000.00');
    expect(formatAmount(1_250_000, 'en')).toBe('1,250,000.00');
    expect(formatAmount(1_250_000.5, 'de')).toBe('1.250.000,50');
    expect(formatAmount(null, 'zh-CN')).toBe('');
  });

  it('read back what the user types, separators and full-width digits included', () => {
    expect(parseAmount('1,250,000.00', 'zh-CN')).toBe(1_250_000);
    expect(parseAmount(' 1250000.5 ', 'en')).toBe(1_250_000.5);
    expect(parseAmount('１，２５０，０００．５', 'zh-CN')).toBe(1_250_000.5);
    expect(parseAmount('￥300', 'zh-CN')).toBe(300);
    expect(parseAmount('1.250.000,5', 'de')).toBe(1_250_000.5);
    expect(parseAmount(formatAmount(-1234.5, 'sv'), 'sv')).toBe(-1234.5);
    expect(parseAmount('', 'zh-CN')).toBeNull();
    expect(parseAmount('12 万', 'zh-CN')).toBeNaN();
    expect(parseAmount('1.2.3', 'en')).toBeNaN();
  });
});

function renderMoney(locale: string, amount: number | null, onSubmit = vi.fn()) {
  renderInContext(
    <Form record={{ id: 1, amount }} onSubmit={onSubmit}>
      <MoneyInput source="amount" label="Amount" validate={required()} />
      <button type="submit">go</button>
    </Form>,
    locale,
  );
  return { input: () => screen.getByLabelText(/Amount/) as HTMLInputElement, onSubmit };
}

describe('MoneyInput', () => {
  it('shows the amount grouped, with ¥ before it', async () => {
    const { input } = renderMoney('zh-CN', 1_250_000);
    await waitFor(() => expect(input().value).toBe('1,250,000.00'));
    expect(screen.getByText('¥').closest('.MuiInputAdornment-positionStart')).toBeTruthy();
  });

  it('in the UI language’s separators', async () => {
    const { input } = renderMoney('de', 1_250_000);
    await waitFor(() => expect(input().value).toBe('1.250.000,00'));
  });

  it('keeps the typed text while typing, groups it on blur and submits a number', async () => {
    const { input, onSubmit } = renderMoney('zh-CN', null);
    fireEvent.focus(input());
    fireEvent.change(input(), { target: { value: '2500000.5' } });
    expect(input().value).toBe('2500000.5');
    fireEvent.blur(input());
    expect(input().value).toBe('2,500,000.50');
    fireEvent.click(screen.getByRole('button', { name: 'go' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0]![0].amount).toBe(2_500_000.5);
  });

  it('refuses text that is not an amount, in the UI language', async () => {
    const { input, onSubmit } = renderMoney('zh-CN', 100);
    fireEvent.change(input(), { target: { value: '12 万' } });
    fireEvent.blur(input());
    fireEvent.click(screen.getByRole('button', { name: 'go' }));
    expect(await screen.findByText('必须是数字')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('number inputs', () => {
  it('an integer field refuses a fraction with a translated message, not a native bubble', () => {
    const seats = dealFields.find((field) => field.name === 'seats')!;
    const errors = validatorsFor(seats).map((validate) => validate(1.5, {}, { source: 'seats' } as never));
    expect(errors).toContainEqual({ message: 'ra_sales.validation.integer', args: { _: 'Must be a whole number' } });
  });
});
