import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { theme } from '../theme';
import { parsePriceList, PriceListInput, priceTextsFromList, type PriceTexts } from './PriceListInput';

function Harness({ currencies, initial = {} }: { currencies: string[]; initial?: Record<string, number> }) {
  const [texts, setTexts] = useState<PriceTexts>(() => priceTextsFromList(initial, currencies));
  return (
    <MantineProvider theme={theme}>
      <PriceListInput legend="Session price" currencies={currencies} value={texts} onChange={setTexts} />
      <output data-testid="prices">{JSON.stringify(parsePriceList(texts, currencies))}</output>
    </MantineProvider>
  );
}

describe('PriceListInput', () => {
  it('has one input per enabled currency and produces the {currency: minor units} object', async () => {
    render(<Harness currencies={['PEN', 'USD']} />);
    const group = screen.getByRole('group', { name: 'Session price' });

    await userEvent.type(within(group).getByLabelText('PEN'), '150.50');
    await userEvent.type(within(group).getByLabelText('USD'), '40');

    expect(within(group).getAllByRole('textbox')).toHaveLength(2);
    expect(screen.getByTestId('prices')).toHaveTextContent('{"ok":true,"prices":{"PEN":15050,"USD":4000}}');
  });

  it('leaves blank currencies out and shows stored prices in major units', async () => {
    render(<Harness currencies={['PEN', 'USD']} initial={{ PEN: 12000, USD: 5000 }} />);

    expect(screen.getByLabelText('PEN')).toHaveValue('120.00');
    await userEvent.clear(screen.getByLabelText('USD'));

    expect(screen.getByTestId('prices')).toHaveTextContent('{"ok":true,"prices":{"PEN":12000}}');
  });

  it('reports each currency whose text is not an amount', async () => {
    render(<Harness currencies={['PEN', 'USD']} />);

    await userEvent.type(screen.getByLabelText('PEN'), '12.3456');
    await userEvent.type(screen.getByLabelText('USD'), '10');
    await userEvent.tab();

    expect(screen.getByTestId('prices')).toHaveTextContent('{"ok":false,"errors":{"PEN":"precision"}}');
    expect(screen.getByText('PEN amounts have at most 2 decimals.')).toBeInTheDocument();
  });

  it('drops prices in currencies that are no longer enabled', () => {
    expect(parsePriceList({ PEN: '10', EUR: '5' }, ['PEN'])).toEqual({ ok: true, prices: { PEN: 1000 } });
  });

  it('says what to do when no currency is enabled', () => {
    render(
      <MantineProvider theme={theme}>
        <PriceListInput legend="Fee" currencies={[]} value={{}} onChange={() => {}} emptyMessage="Enable a currency first." />
      </MantineProvider>,
    );
    expect(screen.getByText('Enable a currency first.')).toBeInTheDocument();
  });
});
