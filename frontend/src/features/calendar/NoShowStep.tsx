/**
 * Recording a no-show: the practice's fee for the session's currency is charged unless the front desk
 * changes the amount or unticks it (then a reason is required and kept). The ledger posts the fee a moment
 * later; a correction to attended reverses it. The same fields serve the booking form when it logs a past
 * session as a no-show.
 */
import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePractice } from '../../api/queries/practice';
import { useMoneyLocale } from '../../components/useMoneyLocale';
import type { CalendarEntry } from '../../api/types';
import { formatMoney } from '../../lib/money';
import { useMayMoveMoney } from '../auth/useSession';
import { defaultNoShowFee, noShowFee, type NoShowFee, type NoShowFeeValue } from './noShowFee';

export function NoShowFeeFields({
  currency,
  defaultMinor,
  value,
  onChange,
  error,
  size = 'xs',
  autoFocus = false,
}: {
  currency: string;
  defaultMinor: number;
  value: NoShowFeeValue;
  onChange: (value: NoShowFeeValue) => void;
  error: 'amount' | 'reason' | null;
  size?: 'xs' | 'sm';
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useMoneyLocale();
  return (
    <Stack gap={6} data-testid="no-show-fee">
      <Checkbox
        size={size}
        label={t('calendar.popover.noShowFee', {
          amount: defaultMinor > 0 ? formatMoney(defaultMinor, currency, locale) : currency,
        })}
        checked={value.charge}
        onChange={(event) => onChange({ ...value, charge: event.currentTarget.checked })}
        data-autofocus={autoFocus || undefined}
      />
      {value.charge ? (
        <TextInput
          size={size}
          label={t('calendar.popover.noShowAmount', { currency })}
          value={value.amount}
          inputMode="decimal"
          onChange={(event) => onChange({ ...value, amount: event.currentTarget.value })}
          error={error === 'amount' ? t('calendar.popover.noShowAmountError') : undefined}
        />
      ) : (
        <TextInput
          size={size}
          label={t('calendar.popover.noShowWaiveReason')}
          required
          value={value.reason}
          maxLength={500}
          onChange={(event) => onChange({ ...value, reason: event.currentTarget.value })}
          error={error === 'reason' ? t('calendar.popover.noShowWaiveReasonError') : undefined}
        />
      )}
      {/* What happens to a fee: said only when one is charged. */}
      {value.charge ? (
        <Text size="xs" c="dimmed">
          {t('calendar.popover.noShowFeeHint')}
        </Text>
      ) : null}
    </Stack>
  );
}

/** What a clinician sees instead of the fee fields: the practice's fee applies (prices are the front desk's). */
export function PracticeNoShowFee({ currency, defaultMinor }: { currency: string; defaultMinor: number }) {
  const { t } = useTranslation();
  const locale = useMoneyLocale();
  return (
    <Text size="xs" c="dimmed" data-testid="no-show-fee">
      {defaultMinor > 0
        ? t('calendar.popover.noShowFeeApplies', { amount: formatMoney(defaultMinor, currency, locale) })
        : t('calendar.popover.noShowNoFee', { currency })}
    </Text>
  );
}

/** The currency of a session's no-show fee (its own, else the practice's) and the practice's fee in it. */
export function useNoShowDefault(entry: Pick<CalendarEntry, 'currency'>): { currency: string; defaultMinor: number } {
  const practice = usePractice();
  const currency = entry.currency ?? practice.data?.default_currency ?? 'PEN';
  return { currency, defaultMinor: practice.data?.no_show_fees?.[currency] ?? 0 };
}

/**
 * What a recorded no-show costs the client, from the fields sent: the amount typed, else the practice's fee;
 * 'waived' when a reason for no fee went along; 0 when nothing is charged at all.
 */
export function chargedNoShowFee(fields: NoShowFee, defaultMinor: number): number | 'waived' {
  if (fields.waive_fee_reason) return 'waived';
  return fields.fee_minor ?? defaultMinor;
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
  const { t } = useTranslation();
  const mayPrice = useMayMoveMoney();
  const { currency, defaultMinor } = useNoShowDefault(entry);
  const [value, setValue] = useState(() => defaultNoShowFee(defaultMinor, currency));
  const [error, setError] = useState<'amount' | 'reason' | null>(null);

  function confirm() {
    if (!mayPrice) {
      onConfirm({}); // the practice's fee, as the API applies it
      return;
    }
    const result = noShowFee(value, currency, defaultMinor);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onConfirm(result.fields);
  }

  return (
    <Stack gap={6} data-testid="no-show-step">
      {mayPrice ? (
        <NoShowFeeFields
          currency={currency}
          defaultMinor={defaultMinor}
          value={value}
          onChange={(next) => {
            if (next.charge !== value.charge) setError(null);
            setValue(next);
          }}
          error={error}
          autoFocus
        />
      ) : (
        <PracticeNoShowFee currency={currency} defaultMinor={defaultMinor} />
      )}
      <Group gap={6}>
        <Button size={size} variant="default" onClick={onBack} data-autofocus={mayPrice ? undefined : true}>
          {t('calendar.popover.back')}
        </Button>
        <Button size={size} color="red" loading={pending} onClick={confirm}>
          {t('calendar.popover.noShowConfirm')}
        </Button>
      </Group>
    </Stack>
  );
}
