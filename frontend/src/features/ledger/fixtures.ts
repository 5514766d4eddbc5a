/** Sample ledger data for the ledger's unit and component tests. */
import type { Bill, BillLine, StatementLine } from '../../api/types';

export const CLIENT_ID = '11111111-1111-4111-8111-111111111111';

export function lineFixture(extra: Partial<StatementLine> = {}): StatementLine {
  return {
    id: 'e1',
    client_id: CLIENT_ID,
    kind: 'charge',
    charge_type: 'other',
    payment_method: null,
    direction: null,
    amount_minor: 2500,
    delta_minor: 2500,
    currency: 'PEN',
    effective_date: '2026-03-02',
    memo: null,
    memo_code: null,
    memo_params: null,
    reference: null,
    appointment_id: null,
    bill_id: null,
    reverses_id: null,
    refund_of_id: null,
    author_user_id: null,
    created_at: '2026-03-02T15:00:00Z',
    balance_after_minor: 2500,
    reversed: false,
    ...extra,
  };
}

export function billFixture(extra: Partial<Bill> = {}): Bill {
  return {
    id: 'b1',
    client_id: CLIENT_ID,
    appointment_id: null,
    currency: 'PEN',
    total_minor: 2500,
    paid_minor: 0,
    status: 'open',
    issued_on: '2026-03-02',
    cancelled_at: null,
    cancel_reason: null,
    cancel_reason_code: null,
    cancel_reason_params: null,
    lines: [lineOfBill({ description: 'No-show fee', description_code: 'no_show_fee', amount_minor: extra.total_minor ?? 2500 })],
    allocations: [],
    ...extra,
  };
}

/** A bill line: typed by staff (or a service's name) unless a `description_code` says the ledger wrote it. */
export function lineOfBill(extra: Partial<BillLine> = {}): BillLine {
  return { description: 'Charge', description_code: null, service_code: null, modifiers: [], amount_minor: 2500, ...extra };
}
