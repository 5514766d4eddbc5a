/**
 * The amount and currency of a money form (payment, charge, adjustment): the amount in major units next to the
 * currency's sign, read exactly; the currency chosen among the practice's (no choice when it takes one).
 */
import { Select } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { usePractice } from '../../api/queries/practice';
import { MoneyInput } from '../../components/MoneyInput';
import { useMoneyLocale } from '../../components/useMoneyLocale';
import { useAmountCheck } from './ledgerForms';

export interface MoneyValues {
  amount: string;
  currency: string;
}

/** The practice's currencies, the one a form starts with (`wanted` when the practice takes it) and the amount's rule. */
export function useMoneyForm(wanted?: string) {
  const { t } = useTranslation();
  const practice = usePractice();
  const checkAmount = useAmountCheck();
  const currencies = practice.data?.currencies ?? [];
  const fallback = practice.data?.default_currency ?? currencies[0] ?? 'PEN';
  const check = (text: string, currency: string) => checkAmount(text, currency, t('ledger.payment.amountRequired'));
  return {
    currencies,
    initialCurrency: wanted && (currencies.length === 0 || currencies.includes(wanted)) ? wanted : fallback,
    /** The amount as minor units, or what to say. */
    check,
    /** The form's validation rule for `amount`. */
    validateAmount: (value: string, values: { currency: string }) => {
      const checked = check(value, values.currency);
      return checked.ok ? null : checked.message;
    },
  };
}

export function AmountField<V extends MoneyValues>({
  form,
  label,
  autoFocus = false,
}: {
  form: UseFormReturnType<V>;
  label: string;
  autoFocus?: boolean;
}) {
  const locale = useMoneyLocale();
  const { amount, currency } = form.getValues();
  return (
    <MoneyInput
      label={label}
      withAsterisk
      data-autofocus={autoFocus || undefined}
      currency={currency}
      locale={locale}
      {...form.getInputProps('amount')}
      value={amount}
      // V's amount is a string: the cast only tells the generic form so.
      onChange={(text) => form.setFieldValue('amount', text as never)}
    />
  );
}

/** Nothing when the practice takes one currency. */
export function CurrencyField<V extends MoneyValues>({ form, currencies }: { form: UseFormReturnType<V>; currencies: string[] }) {
  const { t } = useTranslation();
  if (currencies.length <= 1) return null;
  return (
    <Select
      label={t('ledger.payment.currency')}
      withAsterisk
      data={currencies}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      {...form.getInputProps('currency')}
    />
  );
}
