/**
 * Recording a no-show: the practice's fee for the session's currency is charged unless the front desk
 * changes the amount or unticks it (then a reason is required and kept). The ledger posts the fee a moment
 * later; a correction to attended reverses it.
 */
import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePractice } from '../../api/queries/practice';
import type { CalendarEntry } from '../../api/types';
import { currencyExponent, formatMoney, parseMoney } from '../../lib/money';

export type NoShowFee = { fee_minor?: number; waive_fee_reason?: string };

/** The status-change fields for a no-show, or an error key when the form is not complete. */
export function noShowFee(
  charge: boolean,
  amount: string,
  reason: string,
  currency: string,
  defaultMinor: number,
): { ok: true; fields: NoShowFee } | { ok: false; error: 'amount' | 'reason' } {
  if (!charge) {
    const why = reason.trim();
    return why ? { ok: true, fields: { waive_fee_reason: why } } : { ok: false, error: 'reason' };
  }
  const parsed = parseMoney(amount, currency);
  if (!parsed.ok || parsed.amountMinor <= 0) return { ok: false, error: 'amount' };
  return { ok: true, fields: parsed.amountMinor === defaultMinor ? {} : { fee_minor: parsed.amountMinor } };
}

function majorUnits(amountMinor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(amountMinor);
  const text = String(amountMinor).padStart(exponent + 1, '0');
  return `${text.slice(0, -exponent)}.${text.slice(-exponent)}`;
}

export function NoShowStep({
  entry,
  size,
  pending,
  onBack,
  onConfirm,
}: {
  entry: CalendarEntry;
  size: 'xs' | 'compact-xs';
  pending: boolean;
  onBack: () => void;
  onConfirm: (fields: NoShowFee) => void;
}) {
  const { t, i18n } = useTranslation();
  const practice = usePractice();
  const currency = entry.currency ?? practice.data?.default_currency ?? 'PEN';
  const defaultMinor = practice.data?.no_show_fees?.[currency] ?? 0;
  const [charge, setCharge] = useState(defaultMinor > 0);
  const [amount, setAmount] = useState(defaultMinor > 0 ? majorUnits(defaultMinor, currency) : '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<'amount' | 'reason' | null>(null);

  function confirm() {
    const result = noShowFee(charge, amount, reason, currency, defaultMinor);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onConfirm(result.fields);
  }

  return (
    <Stack gap={6} data-testid="no-show-step">
      <Checkbox
        size="xs"
        label={t('calendar.popover.noShowFee', {
          amount: defaultMinor > 0 ? formatMoney(defaultMinor, currency, i18n.language) : currency,
        })}
        checked={charge}
        onChange={(event) => {
          setCharge(event.currentTarget.checked);
          setError(null);
        }}
        data-autofocus
      />
      {charge ? (
        <TextInput
          size="xs"
          label={t('calendar.popover.noShowAmount', { currency })}
          value={amount}
          inputMode="decimal"
          onChange={(event) => setAmount(event.currentTarget.value)}
          error={error === 'amount' ? t('calendar.popover.noShowAmountError') : undefined}
        />
      ) : (
        <TextInput
          size="xs"
          label={t('calendar.popover.noShowWaiveReason')}
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={error === 'reason' ? t('calendar.popover.noShowWaiveReasonError') : undefined}
        />
      )}
      <Text size="xs" c="dimmed">
        {t('calendar.popover.noShowFeeHint')}
      </Text>
      <Group gap={6}>
        <Button size={size} variant="default" onClick={onBack}>
          {t('calendar.popover.keep')}
        </Button>
        <Button size={size} color="red" loading={pending} onClick={confirm}>
          {t('calendar.popover.noShowConfirm')}
        </Button>
      </Group>
    </Stack>
  );
}
