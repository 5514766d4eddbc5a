/** A client's Ledger and Bills tabs: the statement per currency, recording a payment applied to bills, reversing. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bill, StatementLine } from '../../api/types';
import { fakeApi, json, signInAs, type ApiCall, type Handler } from '../../test/fakeApi';
import { fill } from '../../test/dom';
import { clientFixture, practiceFixture, practitionerFixture } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { billFixture, CLIENT_ID, lineFixture, lineOfBill } from './fixtures';

const SLOW = { timeout: 8_000 };
const base = `/api/v1/clients/${CLIENT_ID}`;
const plain = (text: string | null | undefined) => (text ?? '').replace(/\s/g, ' ');

// Oldest first, as the API answers: a no-show fee (reversed when the session turned out attended), the
// session's charge, a payment in dollars and a manual charge in soles.
const lines: StatementLine[] = [
  lineFixture({ id: 'fee', charge_type: 'no_show_fee', memo: 'No-show fee', memo_code: 'no_show_fee', memo_params: {}, amount_minor: 2500, delta_minor: 2500, balance_after_minor: 2500, reversed: true, effective_date: '2026-03-02', bill_id: 'b0', appointment_id: 'a1' }),
  lineFixture({ id: 'rev', kind: 'reversal', charge_type: null, memo: 'Session marked: Attended', memo_code: 'session_marked', memo_params: { status: 'attended' }, amount_minor: 2500, delta_minor: -2500, balance_after_minor: 0, reverses_id: 'fee', effective_date: '2026-03-03', appointment_id: 'a1' }),
  lineFixture({ id: 'session', charge_type: 'session_fee', memo: 'Psychotherapy', amount_minor: 15000, delta_minor: 15000, balance_after_minor: 15000, effective_date: '2026-03-03', bill_id: 'b1', appointment_id: 'a1' }),
  lineFixture({ id: 'usd', kind: 'payment', charge_type: null, payment_method: 'card', currency: 'USD', amount_minor: 4000, delta_minor: -4000, balance_after_minor: -4000, reference: 'Voucher 77', effective_date: '2026-03-04' }),
  lineFixture({ id: 'report', charge_type: 'other', memo: 'Informe escolar', amount_minor: 3000, delta_minor: 3000, balance_after_minor: 18000, effective_date: '2026-03-05', bill_id: null }),
];

const bills: Bill[] = [
  billFixture({ id: 'b2', issued_on: '2026-03-05', total_minor: 3000, lines: [lineOfBill({ description: 'Informe escolar', amount_minor: 3000 })] }),
  billFixture({ id: 'b1', issued_on: '2026-03-03', total_minor: 15000, lines: [lineOfBill({ description: 'Psychotherapy', service_code: '90834', amount_minor: 15000 })] }),
  billFixture({ id: 'b0', issued_on: '2026-03-02', total_minor: 2500, status: 'cancelled', cancel_reason: 'Session marked: Attended', cancel_reason_code: 'session_marked', cancel_reason_params: { status: 'attended' } }),
];

function routes(extra: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    'GET /api/v1/practice': () => json(200, practiceFixture),
    'GET /api/v1/custom-fields': () => json(200, []),
    'GET /api/v1/practitioners': () => json(200, { items: [practitionerFixture], next_cursor: null }),
    [`GET ${base}`]: () => json(200, clientFixture({ balances: [{ currency: 'PEN', amount_minor: 18000 }, { currency: 'USD', amount_minor: -4000 }] })),
    [`GET ${base}/ledger`]: () =>
      json(200, { lines, balances: [{ currency: 'PEN', amount_minor: 18000 }, { currency: 'USD', amount_minor: -4000 }] }),
    [`GET ${base}/bills`]: () => json(200, bills),
    ...extra,
  };
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('client ledger tab', { timeout: 30_000 }, () => {
  it('shows the balance of each currency and one statement per currency, newest first, with voided entries marked', async () => {
    signInAs('front_desk');
    fakeApi(routes());
    renderApp(`/clients/${CLIENT_ID}/ledger`);

    const soles = await screen.findByTestId('statement-PEN', undefined, SLOW);
    const balances = screen.getByRole('group', { name: 'Balance per currency' });
    expect(plain(balances.textContent)).toContain('Balance in PENOwes S/ 180.00');
    expect(plain(balances.textContent)).toContain('Balance in USDIn credit US$ 40.00');

    const rows = within(soles).getAllByRole('row').slice(1);
    expect(rows.map((row) => plain(row.textContent))).toEqual([
      expect.stringContaining('ChargeInforme escolar'),
      expect.stringContaining('SessionPsychotherapy'),
      expect.stringContaining('Reversal of: No-show feeSession marked: Attended'),
      expect.stringContaining('No-show feeReversed'),
    ]);
    expect(plain(rows[0]!.textContent)).toContain('S/ 180.00');
    const dollars = screen.getByTestId('statement-USD');
    expect(plain(dollars.textContent)).toContain('Payment · Card');
    expect(plain(dollars.textContent)).toContain('Voucher 77');
    expect(plain(dollars.textContent)).not.toContain('S/');

    // A voided entry and a reversal cannot be reversed; the others can.
    expect(within(rows[3]!).queryByRole('button', { name: /^Actions for/ })).not.toBeInTheDocument();
    expect(within(rows[2]!).queryByRole('button', { name: /^Actions for/ })).not.toBeInTheDocument();
    const user = userEvent.setup();
    expect(within(rows[1]!).getByRole('button', { name: 'Actions for Session of Mar 3, 2026' })).toBeInTheDocument();
    // The dollar payment is not applied to anything, and there is no bill in dollars: it may be refunded.
    await user.click(within(dollars).getByRole('button', { name: 'Actions for Payment · Card of Mar 4, 2026' }));
    expect((await screen.findAllByRole('menuitem')).map((item) => item.textContent)).toEqual(['Refund', 'Reverse']);
    await user.keyboard('{Escape}');

    // One currency at a time.
    await user.click(screen.getByRole('radio', { name: 'USD' }));
    expect(screen.queryByTestId('statement-PEN')).not.toBeInTheDocument();
    expect(screen.getByTestId('statement-USD')).toBeInTheDocument();
  });

  it('reads in Spanish', async () => {
    await i18n.changeLanguage('es');
    signInAs('front_desk');
    fakeApi(routes());
    renderApp(`/clients/${CLIENT_ID}/ledger`);

    const soles = await screen.findByTestId('statement-PEN', undefined, SLOW);
    expect(plain(soles.textContent)).toContain('Anulación de: Cargo por inasistenciaSesión marcada: Asistió');
    expect(plain(soles.textContent)).toContain('Anulado');
    expect(screen.getByRole('button', { name: 'Registrar pago' })).toBeInTheDocument();
  });

  it('shows a clinician the statement without the money buttons', async () => {
    signInAs('clinician');
    fakeApi(routes());
    renderApp(`/clients/${CLIENT_ID}/ledger`);

    await screen.findByTestId('statement-PEN', undefined, SLOW);
    expect(screen.queryByRole('button', { name: 'Record payment' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Charge or adjustment' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Actions for/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();
  });

  it('records a payment applied to the open bills oldest first, sending one idempotency key for every attempt', async () => {
    signInAs('front_desk');
    let attempts = 0;
    const calls = fakeApi(
      routes({
        [`POST ${base}/payments`]: () => {
          attempts += 1;
          // The first attempt's answer is lost (a server error); the retry goes through.
          return attempts === 1
            ? json(500, { status: 500, title: 'Internal error', detail: 'Nothing was saved.' })
            : json(201, { ...lineFixture({ id: 'new', kind: 'payment', amount_minor: 16000, delta_minor: -16000 }) });
        },
      }),
    );
    renderApp(`/clients/${CLIENT_ID}/ledger`);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Record payment' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Record a payment' });
    // The client owes soles: the dialog starts there, with the open bills in soles, oldest first.
    expect(within(dialog).getByRole('combobox', { name: /Currency/ })).toHaveValue('PEN');
    const bills = within(dialog).getAllByTestId('allocation-row');
    expect(bills.map((row) => plain(row.textContent))).toEqual([
      expect.stringContaining('Mar 3, 2026 · Psychotherapy · owes S/ 150.00'),
      expect.stringContaining('Mar 5, 2026 · Informe escolar · owes S/ 30.00'),
    ]);

    await fill(user, within(dialog).getByRole('textbox', { name: /Amount received/ }), '160.50');
    expect(within(dialog).getByRole('textbox', { name: 'Amount for the bill of Mar 3, 2026' })).toHaveValue('150.00');
    expect(within(dialog).getByRole('textbox', { name: 'Amount for the bill of Mar 5, 2026' })).toHaveValue('10.50');
    expect(plain(within(dialog).getByTestId('allocation-summary').textContent)).toContain('Applied to bills: S/ 160.50');

    // Not the newest bill after all: all of it to the session, the rest stays as credit.
    await user.click(within(dialog).getByRole('checkbox', { name: /Informe escolar/ }));
    expect(plain(within(dialog).getByTestId('allocation-summary').textContent)).toContain('Left as credit: S/ 10.50');
    await fill(user, within(dialog).getByRole('textbox', { name: 'Reference' }), 'Op 123');

    await user.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    expect(await within(dialog).findByRole('alert')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Record a payment' })).not.toBeInTheDocument());

    const posts = calls.filter((call: ApiCall) => call.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.body).toEqual({
      amount_minor: 16050,
      currency: 'PEN',
      payment_method: 'cash',
      reference: 'Op 123',
      memo: null,
      effective_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      allocations: [{ bill_id: 'b1', amount_minor: 15000 }],
    });
    const keys = posts.map((call) => call.headers.get('Idempotency-Key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('refuses an amount that is not money before sending anything', async () => {
    signInAs('front_desk');
    const calls = fakeApi(routes());
    renderApp(`/clients/${CLIENT_ID}/ledger`);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Record payment' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Record a payment' });
    await user.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    expect(await within(dialog).findByText('Enter the amount received.')).toBeInTheDocument();
    await fill(user, within(dialog).getByRole('textbox', { name: /Amount received/ }), '12.3456');
    await user.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    expect(await within(dialog).findByText('PEN amounts have at most 2 decimals.')).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);
  });

  it('reverses an entry with its reason, and shows the next step when the API refuses', async () => {
    signInAs('front_desk');
    const refused = {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      code: 'conflict.bill_has_payments',
      detail: 'Payments are applied to this charge’s bill.',
      next_step: 'Un-apply or refund the payments of the bill first.',
    };
    const calls = fakeApi(routes({ 'POST /api/v1/ledger-entries/session/reverse': () => json(409, refused) }));
    renderApp(`/clients/${CLIENT_ID}/ledger`);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Actions for Session of Mar 3, 2026' }, SLOW));
    // A charge: only reversing (it is no payment to refund or apply).
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual(['Reverse']);
    await user.click(items[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'Reverse this entry?' });
    expect(dialog).toHaveTextContent('Its bill is cancelled with it.');
    await user.click(within(dialog).getByRole('button', { name: 'Reverse entry' }));
    expect(await within(dialog).findByText('Give the reason.')).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);

    await fill(user, within(dialog).getByRole('textbox', { name: /Reason/ }), 'Charged twice');
    await user.click(within(dialog).getByRole('button', { name: 'Reverse entry' }));
    const conflict = await screen.findByRole('dialog', { name: 'Cannot do that yet' });
    expect(within(conflict).getByTestId('conflict-next-step')).toHaveTextContent('Un-apply the payments (they become credit) or refund them first.');
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ reason: 'Charged twice' });
  });

  it('takes an applied payment off all its bills from its row, which is what lets it be refunded or reversed', async () => {
    signInAs('front_desk');
    const payment = lineFixture({ id: 'pay', kind: 'payment', charge_type: null, payment_method: 'card', amount_minor: 10000, delta_minor: -10000, effective_date: '2026-03-04' });
    const applied = (id: string, amount: number) =>
      billFixture({
        id,
        issued_on: '2026-03-03',
        total_minor: 15000,
        paid_minor: amount,
        status: 'partially_paid',
        allocations: [{ id: `al-${id}`, payment_id: 'pay', bill_id: id, amount_minor: amount, created_at: '2026-03-04T10:00:00Z' }],
      });
    const calls = fakeApi(
      routes({
        [`GET ${base}/bills`]: () => json(200, [applied('b1', 6000), applied('b2', 4000)]),
        [`GET ${base}/ledger`]: () => json(200, { lines: [payment], balances: [] }),
        'DELETE /api/v1/ledger-entries/pay/allocations': () => json(204, null),
      }),
    );
    renderApp(`/clients/${CLIENT_ID}/ledger`);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Actions for Payment · Card of Mar 4, 2026' }, SLOW));
    const items = await screen.findAllByRole('menuitem');
    // Fully applied: nothing left to refund or apply until it is taken off its bills.
    expect(items.map((item) => item.textContent)).toEqual(['Un-apply from bills', 'Reverse']);
    await user.click(items[0]!);
    const confirm = await screen.findByRole('dialog', { name: 'Un-apply this payment from its bills?' });
    expect(plain(confirm.textContent)).toContain('S/ 100.00 of the payment of Mar 4, 2026 pays 2 bills');
    await user.click(within(confirm).getByRole('button', { name: 'Un-apply' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'DELETE' && call.path === '/api/v1/ledger-entries/pay/allocations')).toBe(true));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Un-apply this payment from its bills?' })).not.toBeInTheDocument());
  });
});

describe('client bills tab', { timeout: 30_000 }, () => {
  it('lists bills with their status, opens one to its lines and payments, and un-applies a payment', async () => {
    signInAs('front_desk');
    const paidBill = billFixture({
      id: 'b1',
      issued_on: '2026-03-03',
      total_minor: 15000,
      paid_minor: 5000,
      status: 'partially_paid',
      lines: [lineOfBill({ description: 'Psychotherapy', service_code: '90834', modifiers: ['HO'], amount_minor: 15000 })],
      allocations: [{ id: 'al1', payment_id: 'pay', bill_id: 'b1', amount_minor: 5000, created_at: '2026-03-04T10:00:00Z' }],
    });
    const payment = lineFixture({ id: 'pay', kind: 'payment', charge_type: null, payment_method: 'cash', amount_minor: 5000, delta_minor: -5000, effective_date: '2026-03-04' });
    const calls = fakeApi(
      routes({
        [`GET ${base}/bills`]: () => json(200, [paidBill, bills[2]]),
        [`GET ${base}/ledger`]: () => json(200, { lines: [payment], balances: [] }),
        'DELETE /api/v1/allocations/al1': () => json(204, null),
      }),
    );
    renderApp(`/clients/${CLIENT_ID}/bills`);
    const user = userEvent.setup();

    const table = await screen.findByTestId('bills-table', undefined, SLOW);
    const [first, second] = within(table).getAllByTestId('bill-row');
    expect(plain(first!.textContent)).toContain('Psychotherapy');
    expect(plain(first!.textContent)).toContain('Partially paid');
    expect(plain(first!.textContent)).toContain('S/ 100.00');
    expect(plain(second!.textContent)).toContain('Cancelled');
    expect(within(second!).queryByRole('button', { name: /Cancel bill/ })).not.toBeInTheDocument();

    const details = within(first!).getByRole('button', { name: 'Details of the bill of Mar 3, 2026' });
    expect(details).toHaveAttribute('aria-expanded', 'false');
    await user.click(details);
    expect(details).toHaveAttribute('aria-expanded', 'true');
    expect(table).toHaveTextContent('90834 HO');
    expect(plain(table.textContent)).toContain('Payment of Mar 4, 2026 · Cash · S/ 50.00');

    await user.click(within(table).getByRole('button', { name: (name) => plain(name) === 'Un-apply S/ 50.00 from the bill of Mar 3, 2026' }));
    const confirm = await screen.findByRole('dialog', { name: 'Un-apply this payment?' });
    await user.click(within(confirm).getByRole('button', { name: 'Un-apply' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'DELETE' && call.path === '/api/v1/allocations/al1')).toBe(true));
  });

  it("reads the ledger's own bill lines and reasons in Spanish from their codes, staff's words as typed", async () => {
    await i18n.changeLanguage('es');
    signInAs('front_desk');
    fakeApi(routes());
    renderApp(`/clients/${CLIENT_ID}/bills`);
    const user = userEvent.setup();

    const table = await screen.findByTestId('bills-table', undefined, SLOW);
    const rows = within(table).getAllByTestId('bill-row');
    expect(plain(rows[0]!.textContent)).toContain('Informe escolar');
    // The API wrote "No-show fee" and "Session marked: Attended" for an English reader; the codes say more.
    await user.click(within(rows[2]!).getByRole('button', { name: 'Detalle del comprobante del 2 mar. 2026' }));
    expect(plain(table.textContent)).toContain('Anulado: Sesión marcada: Asistió');
    expect(plain(table.textContent)).toContain('Cargo por inasistencia');
    expect(plain(table.textContent)).not.toContain('No-show fee');
  });

  it('cancels a bill with a reason; a refusal shows its next step in Spanish', async () => {
    await i18n.changeLanguage('es');
    signInAs('front_desk');
    fakeApi(
      routes({
        'POST /api/v1/bills/b1/cancel': () =>
          json(409, { status: 409, title: 'Conflict', code: 'conflict.bill_has_payments', detail: 'Payments are applied.', next_step: 'Un-apply first.' }),
      }),
    );
    renderApp(`/clients/${CLIENT_ID}/bills`);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Anular comprobante del 3 mar. 2026' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: '¿Anular el comprobante del 3 mar. 2026?' });
    await fill(user, within(dialog).getByRole('textbox', { name: /Motivo/ }), 'Error de registro');
    await user.click(within(dialog).getByRole('button', { name: 'Anular comprobante' }));
    const conflict = await screen.findByRole('dialog', { name: 'Todavía no se puede' });
    expect(within(conflict).getByTestId('conflict-next-step')).toHaveTextContent('Qué hacer:');
    expect(conflict).not.toHaveTextContent('Un-apply first.');
  });
});
