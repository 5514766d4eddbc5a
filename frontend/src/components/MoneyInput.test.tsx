import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { parseMoney } from '../lib/money';
import { theme } from '../theme';
import { MoneyInput, moneyInputError } from './MoneyInput';

function Harness({ currency, onChange }: { currency: string; onChange?: (text: string) => void }) {
  const [text, setText] = useState('');
  return (
    <MantineProvider theme={theme}>
      <MoneyInput
        label="Fee"
        currency={currency}
        locale="en-PE"
        value={text}
        onChange={(next) => {
          setText(next);
          onChange?.(next);
        }}
      />
      <output data-testid="minor">{JSON.stringify(parseMoney(text, currency))}</output>
    </MantineProvider>
  );
}

describe('MoneyInput', () => {
  it('shows the currency symbol and keeps the typed major units, which parse exactly', async () => {
    const onChange = vi.fn();
    render(<Harness currency="PEN" onChange={onChange} />);

    expect(screen.getByText('S/')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Fee'), '150.50');

    expect(onChange).toHaveBeenLastCalledWith('150.50');
    expect(screen.getByTestId('minor')).toHaveTextContent('{"ok":true,"amountMinor":15050}');
  });

  it('says why a text is not an amount once the field is left', async () => {
    render(<Harness currency="USD" />);
    const input = screen.getByLabelText('Fee');

    await userEvent.type(input, 'abc');
    expect(input).not.toHaveAttribute('aria-invalid', 'true'); // not while typing
    await userEvent.tab();

    expect(screen.getByText('Enter an amount like 150.50.')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });

  it('refuses more decimals than the currency has', async () => {
    render(<Harness currency="USD" />);

    await userEvent.type(screen.getByLabelText('Fee'), '12.3456');
    await userEvent.tab();

    expect(screen.getByText('USD amounts have at most 2 decimals.')).toBeInTheDocument();
  });

  it('says which amount it understood when a dot could group thousands', async () => {
    render(<Harness currency="PEN" />);

    await userEvent.type(screen.getByLabelText('Fee'), '1.250');

    expect(screen.getByText(/Read as S\/\s1,250\.00/)).toBeInTheDocument();
    expect(screen.getByTestId('minor')).toHaveTextContent('{"ok":true,"amountMinor":125000}');
  });

  it('knows currencies without decimals', async () => {
    render(<Harness currency="CLP" />);

    await userEvent.type(screen.getByLabelText('Fee'), '1500.5');
    await userEvent.tab();

    expect(screen.getByText('CLP amounts have no decimals.')).toBeInTheDocument();
  });

  it('treats an empty text as no amount, not an error', () => {
    expect(moneyInputError('', 'PEN')).toBeNull();
    expect(moneyInputError('  ', 'PEN')).toBeNull();
    expect(moneyInputError('12.3456', 'PEN')).toBe('precision');
    expect(moneyInputError('12.34', 'PEN')).toBeNull();
    expect(moneyInputError('x', 'PEN')).toBe('format');
  });
});
