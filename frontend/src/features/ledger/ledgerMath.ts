/**
 * The arithmetic of the ledger screens, in integer minor units and never across currencies: which bills still
 * owe, applying a payment to them oldest first, what is left of a payment, statement lines per currency and the
 * daily close's totals.
 */
import type { Bill, MethodTotal, StatementLine } from '../../api/types';

/** A bill that may still take payments. */
export function isOpenBill(bill: Pick<Bill, 'status'>): boolean {
  return bill.status === 'open' || bill.status === 'partially_paid';
}

/** What a bill still owes. */
export function owedOf(bill: Pick<Bill, 'total_minor' | 'paid_minor' | 'status'>): number {
  return bill.status === 'cancelled' ? 0 : Math.max(0, bill.total_minor - bill.paid_minor);
}

/** The bills in `currency` that still owe, oldest first (the API lists a client's bills newest first). */
export function openBillsIn(bills: readonly Bill[], currency: string): Bill[] {
  return [...bills]
    .reverse()
    .filter((bill) => bill.currency === currency && isOpenBill(bill) && owedOf(bill) > 0)
    .sort((a, b) => a.issued_on.localeCompare(b.issued_on));
}

/** Applies `amountMinor` to `bills` in their order, each up to what it owes: bill id → minor units (only > 0). */
export function allocateInOrder(amountMinor: number, bills: readonly Bill[]): Record<string, number> {
  const applied: Record<string, number> = {};
  let left = Math.max(0, amountMinor);
  for (const bill of bills) {
    if (left <= 0) break;
    const part = Math.min(left, owedOf(bill));
    if (part > 0) {
      applied[bill.id] = part;
      left -= part;
    }
  }
  return applied;
}

/** The sum of the amounts of a bill id → minor units map. */
export function sumOf(amounts: Record<string, number>): number {
  return Object.values(amounts).reduce((total, amount) => total + amount, 0);
}

/**
 * What is left of a payment to refund or to apply to bills: its amount less its refunds (those not reversed)
 * and less what is applied to bills. The server checks the same.
 */
export function paymentRemainder(
  payment: Pick<StatementLine, 'id' | 'amount_minor'>,
  lines: readonly StatementLine[],
  bills: readonly Bill[],
): number {
  const refunded = lines
    .filter((line) => line.kind === 'refund' && line.refund_of_id === payment.id && !line.reversed)
    .reduce((total, line) => total + line.amount_minor, 0);
  const applied = bills
    .flatMap((bill) => bill.allocations)
    .filter((allocation) => allocation.payment_id === payment.id)
    .reduce((total, allocation) => total + allocation.amount_minor, 0);
  return Math.max(0, payment.amount_minor - refunded - applied);
}

/** How much of a payment is applied to bills now (the bills list carries their live allocations). */
export function appliedOf(payment: Pick<StatementLine, 'id'>, bills: readonly Bill[]): { amountMinor: number; bills: number } {
  const applied = bills.flatMap((bill) => bill.allocations.filter((allocation) => allocation.payment_id === payment.id).map((allocation) => ({ bill, allocation })));
  return {
    amountMinor: applied.reduce((total, { allocation }) => total + allocation.amount_minor, 0),
    bills: new Set(applied.map(({ bill }) => bill.id)).size,
  };
}

/** An entry that may be reversed: not a reversal itself and not reversed yet. */
export function isReversible(line: Pick<StatementLine, 'kind' | 'reversed'>): boolean {
  return line.kind !== 'reversal' && !line.reversed;
}

/**
 * Rows grouped by currency, each group in the rows' order; the groups follow `preferred` (e.g. the practice's
 * currencies), then the order the other currencies first appear in.
 */
export function groupByCurrency<T extends { currency: string }>(
  rows: readonly T[],
  preferred: readonly string[] = [],
): Array<{ currency: string; rows: T[] }> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.currency);
    if (group) group.push(row);
    else groups.set(row.currency, [row]);
  }
  const rank = (currency: string) => {
    const index = preferred.indexOf(currency);
    return index === -1 ? preferred.length : index;
  };
  return [...groups.entries()]
    .map(([currency, grouped], order) => ({ currency, rows: grouped, order }))
    .sort((a, b) => rank(a.currency) - rank(b.currency) || a.order - b.order)
    .map(({ currency, rows: grouped }) => ({ currency, rows: grouped }));
}

export interface CurrencyTotal {
  currency: string;
  count: number;
  totalMinor: number;
}

/** The daily close's rows added up per currency (never across currencies). */
export function totalsByCurrency(rows: readonly MethodTotal[], preferred: readonly string[] = []): CurrencyTotal[] {
  return groupByCurrency(rows, preferred).map(({ currency, rows: grouped }) => ({
    currency,
    count: grouped.reduce((total, row) => total + row.count, 0),
    totalMinor: grouped.reduce((total, row) => total + row.total_minor, 0),
  }));
}
