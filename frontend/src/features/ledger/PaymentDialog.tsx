/**
 * Recording a payment: how it was paid, the amount in major units next to the currency's sign (read exactly),
 * the currency (one of the practice's), a reference, the day it was received and a note; and the client's open
 * bills in that currency to apply it to, oldest first up to the amount. What is not applied stays as credit.
 */
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey, useRecordPayment } from '../../api/queries/ledger';
import { PAYMENT_METHODS, type Bill, type PaymentCreate, type PaymentMethod } from '../../api/types';
import { useApiErrorFeedback } from '../../components/apiErrors';
import { DateField, useDateCheck } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';
import { useMoneyLocale } from '../../components/useMoneyLocale';
import { parseMoney } from '../../lib/money';
import { useToday } from '../clients/useToday';
import { AllocationFields, useAllocations } from './Allocations';
import { renamedFields, useFormatMoney } from './ledgerForms';
import { AmountField, CurrencyField, useMoneyForm } from './MoneyFields';
import { openBillsIn } from './ledgerMath';

interface PaymentValues {
  method: PaymentMethod;
  amount: string;
  currency: string;
  reference: string;
  date: string | null;
  memo: string;
}

const API_FIELDS = renamedFields({
  amount_minor: 'amount',
  currency: 'currency',
  payment_method: 'method',
  reference: 'reference',
  effective_date: 'date',
  memo: 'memo',
});

export function PaymentDialog({
  clientId,
  bills,
  currency: initialCurrency,
  onClose,
}: {
  clientId: string;
  /** The client's bills (any currency, any status): the open ones of the chosen currency are offered. */
  bills: readonly Bill[];
  /** The currency to start with (e.g. the one the client owes in). */
  currency?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useMoneyLocale();
  const today = useToday();
  const formatMoney = useFormatMoney();
  const money = useMoneyForm(initialCurrency);
  const checkDate = useDateCheck();
  const record = useRecordPayment();
  const idempotency = useIdempotencyKey();
  const feedback = useApiErrorFeedback();

  const form = useForm<PaymentValues>({
    initialValues: { method: 'cash', amount: '', currency: money.initialCurrency, reference: '', date: today, memo: '' },
    validate: {
      amount: money.validateAmount,
      date: (value) => (value ? checkDate(value, { max: today }) : t('ledger.payment.dateRequired')),
    },
  });
  const values = form.getValues();
  const parsed = parseMoney(values.amount, values.currency);
  const available = values.amount.trim() !== '' && parsed.ok ? parsed.amountMinor : null;
  const allocations = useAllocations(openBillsIn(bills, values.currency), values.currency, available);

  const submit = form.onSubmit(async (valid) => {
    feedback.reset();
    const amount = money.check(valid.amount, valid.currency);
    if (!amount.ok || allocations.invalid || !valid.date) return;
    const body: PaymentCreate = {
      amount_minor: amount.amountMinor,
      currency: valid.currency,
      payment_method: valid.method,
      reference: valid.reference.trim() || null,
      memo: valid.memo.trim() || null,
      effective_date: valid.date,
      allocations: allocations.allocations,
    };
    try {
      await record.mutateAsync({ params: { path: { client_id: clientId }, header: idempotency }, body });
      notifications.show({ color: 'tend', message: t('ledger.payment.saved', { amount: formatMoney(amount.amountMinor, valid.currency) }) });
      onClose();
    } catch (error) {
      feedback.handle(error, API_FIELDS, form.setErrors);
    }
  });

  return (
    <FormModal
      size="lg"
      title={t('ledger.payment.title')}
      onClose={onClose}
      onSubmit={submit}
      feedback={feedback}
      loading={record.isPending}
      submitLabel={t('ledger.payment.submit')}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t('ledger.payment.method')}
          withAsterisk
          data={PAYMENT_METHODS.map((method) => ({ value: method, label: t(`ledger.methods.${method}`) }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('method')}
        />
        <CurrencyField form={form} currencies={money.currencies} />
        <AmountField form={form} label={t('ledger.payment.amount')} autoFocus />
        <DateField label={t('ledger.payment.date')} withAsterisk maxDate={today} {...form.getInputProps('date')} />
        <TextInput
          label={t('ledger.payment.reference')}
          placeholder={t('ledger.payment.referenceHint')}
          maxLength={100}
          {...form.getInputProps('reference')}
        />
        <TextInput label={t('ledger.payment.memo')} maxLength={500} {...form.getInputProps('memo')} />
      </SimpleGrid>
      <AllocationFields value={allocations} currency={values.currency} locale={locale} />
    </FormModal>
  );
}
