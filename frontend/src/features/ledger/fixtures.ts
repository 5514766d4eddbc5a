/** Sample ledger data for the ledger's unit and component tests. */
import type { Bill, StatementLine } from '../../api/types';

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
    lines: [{ description: 'No-show fee', service_code: null, modifiers: [], amount_minor: extra.total_minor ?? 2500 }],
    allocations: [],
    ...extra,
  };
}
