/**
 * Applying a payment to a client's open bills in its currency: each bill with a checkbox and the amount it
 * gets. Until the person types an amount, the money goes to the checked bills oldest first, each up to what it
 * owes, and follows the payment's amount as it is typed; after that, the amounts are theirs. What is not applied
 * stays as the client's credit.
 */
import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllocationCreate, Bill } from '../../api/types';
import { MoneyInput, useMoneyErrorMessage } from '../../components/MoneyInput';
import { minorToInput, parseMoney } from '../../lib/money';
import { allocateInOrder, owedOf } from './ledgerMath';
import { useFormatDate, useFormatMoney } from './ledgerForms';
import { lineText } from './ledgerWords';

interface AllocationState {
  currency: string;
  /** Bill id → ticked; a bill not in here is ticked. */
  ticked: Record<string, boolean>;
  /** The amounts as typed (bill id → text), once the person typed one; null while they follow the payment. */
  typed: Record<string, string> | null;
}

export interface AllocationRow {
  bill: Bill;
  ticked: boolean;
  text: string;
  error: string | null;
}

export interface Allocations {
  rows: AllocationRow[];
  appliedMinor: number;
  /** What is left of the payment (null while its amount is not readable). */
  creditMinor: number | null;
  /** About the whole (more applied than there is), or null. */
  error: string | null;
  /** True when some row or the whole is wrong. */
  invalid: boolean;
  /** What to send: the ticked bills that get something. */
  allocations: AllocationCreate[];
  toggle: (billId: string) => void;
  type: (billId: string, text: string) => void;
}

/** The allocation of `availableMinor` (null: not readable yet) to `bills` (open, oldest first) in `currency`. */
export function useAllocations(bills: readonly Bill[], currency: string, availableMinor: number | null): Allocations {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  const messageFor = useMoneyErrorMessage();
  const [stored, setState] = useState<AllocationState>({ currency, ticked: {}, typed: null });
  // Another currency means other bills: start over.
  const state = stored.currency === currency ? stored : { currency, ticked: {}, typed: null };
  const isTicked = (bill: Bill) => state.ticked[bill.id] ?? true;
  const auto = allocateInOrder(availableMinor ?? 0, bills.filter(isTicked));
  const textOf = (bill: Bill) =>
    state.typed ? (state.typed[bill.id] ?? '') : auto[bill.id] ? minorToInput(auto[bill.id]!, currency) : '';

  const allocations: AllocationCreate[] = [];
  const rows = bills.map((bill): AllocationRow => {
    const ticked = isTicked(bill);
    const text = textOf(bill);
    if (!ticked || text.trim() === '') return { bill, ticked, text, error: null };
    const parsed = parseMoney(text, currency);
    if (!parsed.ok) return { bill, ticked, text, error: messageFor(parsed.error, currency) };
    if (parsed.amountMinor > owedOf(bill)) {
      return { bill, ticked, text, error: t('ledger.allocate.overOwed', { amount: formatMoney(owedOf(bill), currency) }) };
    }
    if (parsed.amountMinor > 0) allocations.push({ bill_id: bill.id, amount_minor: parsed.amountMinor });
    return { bill, ticked, text, error: null };
  });
  const appliedMinor = allocations.reduce((sum, allocation) => sum + allocation.amount_minor, 0);
  const over = availableMinor !== null && appliedMinor > availableMinor;
  const error = over ? t('ledger.allocate.tooMuch', { amount: formatMoney(availableMinor, currency) }) : null;

  const snapshot = () => Object.fromEntries(bills.map((bill) => [bill.id, textOf(bill)]));
  return {
    rows,
    appliedMinor,
    creditMinor: availableMinor === null ? null : Math.max(0, availableMinor - appliedMinor),
    error,
    invalid: over || rows.some((row) => row.error !== null),
    allocations,
    toggle: (billId) => {
      const bill = bills.find((item) => item.id === billId);
      if (!bill) return;
      const nowTicked = !isTicked(bill);
      const ticked = { ...state.ticked, [billId]: nowTicked };
      if (state.typed === null) {
        setState({ currency, ticked, typed: null });
        return;
      }
      const typed = { ...state.typed };
      if (!nowTicked) typed[billId] = '';
      else {
        const spare = Math.max(0, (availableMinor ?? 0) - appliedMinor);
        const part = Math.min(spare, owedOf(bill));
        typed[billId] = part > 0 ? minorToInput(part, currency) : '';
      }
      setState({ currency, ticked, typed });
    },
    type: (billId, text) => {
      setState({ currency, ticked: { ...state.ticked, [billId]: true }, typed: { ...(state.typed ?? snapshot()), [billId]: text } });
    },
  };
}

/** The open bills with their checkboxes and amounts, and what is applied and left as credit. */
export function AllocationFields({ value, currency, locale }: { value: Allocations; currency: string; locale: string }) {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  if (value.rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="no-open-bills">
        {t('ledger.allocate.none', { currency })}
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" fw={600} size="sm" p={0} mb={4}>
        {t('ledger.allocate.title')}
      </Text>
      {value.rows.map(({ bill, ticked, text, error }) => {
        const date = formatDate(bill.issued_on);
        const description = lineText(t, bill.lines[0]) ?? t('ledger.bills.columns.bill');
        return (
          <Group key={bill.id} gap="sm" wrap="nowrap" align="flex-start" data-testid="allocation-row">
            <Checkbox
              mt={8}
              style={{ flex: 1, minWidth: 0 }}
              checked={ticked}
              onChange={() => value.toggle(bill.id)}
              label={t('ledger.allocate.bill', { date, description, owed: formatMoney(owedOf(bill), currency) })}
            />
            <MoneyInput
              w={150}
              style={{ flexShrink: 0 }}
              size="sm"
              currency={currency}
              locale={locale}
              aria-label={t('ledger.allocate.amountFor', { date })}
              value={text}
              disabled={!ticked}
              placeholder={minorToInput(0, currency)}
              onChange={(next) => value.type(bill.id, next)}
              error={error}
            />
          </Group>
        );
      })}
      <Group gap="lg" data-testid="allocation-summary">
        <Text size="sm">{t('ledger.allocate.applied', { amount: formatMoney(value.appliedMinor, currency) })}</Text>
        {value.creditMinor !== null ? (
          <Text size="sm" c="dimmed">
            {t('ledger.allocate.credit', { amount: formatMoney(value.creditMinor, currency) })}
          </Text>
        ) : null}
      </Group>
      {value.error ? (
        <Text size="sm" c="red.8" role="alert">
          {value.error}
        </Text>
      ) : null}
    </Stack>
  );
}
