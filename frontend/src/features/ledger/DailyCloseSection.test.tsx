/** The daily close: each payment and refund, who recorded it, closing the day once, after-close marks, paper. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DailyClose } from '../../api/types';
import { fakeApi, json, signInAs } from '../../test/fakeApi';
import { practiceFixture } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { todayIn } from '../clients/format';

const SLOW = { timeout: 8_000 };
const plain = (text: string | null | undefined) => (text ?? '').replace(/\s/g, ' ');

function closeOf(day: string, extra: Partial<DailyClose> = {}): DailyClose {
  return {
    day,
    practice_name: 'Psicotrec',
    payments: [
      { payment_method: 'cash', currency: 'PEN', count: 1, total_minor: 15000 },
      { payment_method: 'card', currency: 'USD', count: 1, total_minor: 4000 },
    ],
    refunds: [{ payment_method: 'cash', currency: 'PEN', count: 1, total_minor: 2000 }],
    entries: [
      // 09:05, 09:40 and 11:00 in Lima (UTC−5).
      entry({ id: 'e1', recorded_at: `${day}T14:05:00Z`, amount_minor: 15000, reference: 'Boleta 001' }),
      entry({ id: 'e2', recorded_at: `${day}T14:40:00Z`, client_first_name: 'María', client_last_name: 'Quispe', payment_method: 'card', currency: 'USD', amount_minor: 4000, recorded_by_name: 'test key' }),
      entry({ id: 'e3', kind: 'refund', recorded_at: `${day}T16:00:00Z`, amount_minor: 2000 }),
    ],
    closed_at: null,
    closed_by_name: null,
    closed_payments: null,
    closed_refunds: null,
    changed_since_close: false,
    ...extra,
  };
}

function entry(extra: Partial<DailyClose['entries'][number]>): DailyClose['entries'][number] {
  return {
    id: 'e',
    kind: 'payment',
    recorded_at: '2026-03-10T14:00:00Z',
    client_id: 'c1',
    client_first_name: 'José',
    client_last_name: 'Muñoz',
    payment_method: 'cash',
    reference: null,
    amount_minor: 100,
    currency: 'PEN',
    recorded_by_name: 'Rosa Caja',
    after_close: false,
    ...extra,
  };
}

const TODAY = todayIn('America/Lima');
const PRACTICE = () => json(200, { ...practiceFixture, name: 'Psicotrec' });

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('daily close', { timeout: 30_000 }, () => {
  it('lists each payment and refund with its time in the practice zone and who recorded it, and closes the day', async () => {
    signInAs('front_desk');
    let closed = false;
    // Closed at 18:05 in Lima.
    const closedClose = () => closeOf(TODAY, { closed_at: `${TODAY}T23:05:00Z`, closed_by_name: 'Front Desk', closed_payments: closeOf(TODAY).payments, closed_refunds: [] });
    const calls = fakeApi({
      'GET /api/v1/practice': PRACTICE,
      'GET /api/v1/ledger/daily-close': () => json(200, closed ? closedClose() : closeOf(TODAY)),
      [`POST /api/v1/ledger/daily-close/${TODAY}/close`]: () => {
        closed = true;
        return json(201, closedClose());
      },
    });
    renderApp('/ledger');
    const user = userEvent.setup();

    const report = await screen.findByTestId('daily-close', undefined, SLOW);
    expect(within(report).getByTestId('close-practice')).toHaveTextContent('Psicotrec');
    const [year, month, day] = TODAY.split('-').map(Number);
    const long = new Intl.DateTimeFormat('en', { dateStyle: 'full', timeZone: 'UTC' }).format(Date.UTC(year!, month! - 1, day!));
    expect(within(report).getByRole('heading', { name: `Daily close of ${long}` })).toBeInTheDocument();
    expect(within(report).getByTestId('close-status')).toHaveTextContent('Not closed yet');
    const rows = within(screen.getByTestId('close-entries')).getAllByRole('row').slice(1).map((row) => plain(row.textContent));
    expect(rows).toEqual([
      '9:05 AMMuñoz, JoséCashBoleta 001S/ 150.00Rosa Caja',
      '9:40 AMQuispe, MaríaCardUS$ 40.00test key',
      '11:00 AMMuñoz, JoséRefund · Cash−S/ 20.00Rosa Caja',
    ]);
    expect(plain(screen.getByTestId('close-payments-total-PEN').textContent)).toBe('Total in PENPEN1S/ 150.00');
    expect(plain(screen.getByTestId('close-net-PEN').textContent)).toBe('PEN: S/ 130.00');
    expect(within(report).getByTestId('close-signature')).toHaveTextContent('Signature:Name:');

    await user.click(screen.getByRole('button', { name: 'Close the day' }));
    const dialog = await screen.findByRole('dialog', { name: `Close ${long}?` });
    await user.click(within(dialog).getByRole('button', { name: 'Close the day' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([`/api/v1/ledger/daily-close/${TODAY}/close`]);
    expect(await within(report).findByText('Closed by Front Desk at 6:05 PM')).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('button', { name: 'Close the day' })).not.toBeInTheDocument();
  });

  it('in Spanish: marks what came after the close, says the totals changed, on the 24-hour clock', async () => {
    await i18n.changeLanguage('es');
    signInAs('front_desk');
    const late = entry({ id: 'e4', recorded_at: `${TODAY}T23:30:00Z`, amount_minor: 500, after_close: true });
    fakeApi({
      'GET /api/v1/practice': PRACTICE,
      'GET /api/v1/ledger/daily-close': () => {
        const base = closeOf(TODAY);
        return json(200, {
          ...base,
          entries: [...base.entries, late],
          closed_at: `${TODAY}T23:05:00Z`,
          closed_by_name: 'Rosa Caja',
          closed_payments: base.payments,
          closed_refunds: base.refunds,
          changed_since_close: true,
        });
      },
    });
    renderApp('/ledger');

    const report = await screen.findByTestId('daily-close', undefined, SLOW);
    expect(within(report).getByTestId('close-status')).toHaveTextContent('Cerrado por Rosa Caja a las 18:05');
    const rows = within(screen.getByTestId('close-entries')).getAllByRole('row').slice(1).map((row) => plain(row.textContent));
    expect(rows[1]).toBe('09:40Quispe, MaríaTarjetaUS$ 40.00test key');
    expect(rows[3]).toBe('18:30Muñoz, JoséEfectivoDespués del cierreS/ 5.00Rosa Caja');
    expect(plain(screen.getByTestId('close-changed').textContent)).toContain('Pagos al cierre: S/ 150.00 · US$ 40.00');
    expect(screen.queryByRole('button', { name: 'Cerrar el día' })).not.toBeInTheDocument();
    expect(within(report).getByTestId('close-signature')).toHaveTextContent('Firma:Nombre:');
  });

  it('prints with window.print', async () => {
    signInAs('admin');
    fakeApi({ 'GET /api/v1/practice': PRACTICE, 'GET /api/v1/ledger/daily-close': () => json(200, closeOf(TODAY)) });
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderApp('/ledger');
    await screen.findByTestId('daily-close', undefined, SLOW);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
  });
});
