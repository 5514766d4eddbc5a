/**
 * The dialogs of one statement line or bill: reversing an entry or cancelling a bill (a required reason, then
 * confirm), refunding a payment (up to what is left of it), applying what is left of a payment to open bills.
 */
import { Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAllocatePayment,
  useCancelBill,
  useIdempotencyKey,
  useRefundPayment,
  useReverseEntry,
  useUnallocatePayment,
} from '../../api/queries/ledger';
import { PAYMENT_METHODS, type Bill, type PaymentMethod, type StatementLine } from '../../api/types';
import { useApiErrorFeedback } from '../../components/apiErrors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useProblemText } from '../../i18n/problemText';
import { FormModal } from '../../components/FormModal';
import { MoneyInput } from '../../components/MoneyInput';
import { useMoneyLocale } from '../../components/useMoneyLocale';
import { minorToInput } from '../../lib/money';
import { AllocationFields, useAllocations } from './Allocations';
import { renamedFields, useAmountCheck, useFormatDate, useFormatMoney } from './ledgerForms';
import { openBillsIn } from './ledgerMath';

const REASON_FIELDS = renamedFields({ reason: 'reason' });

/** A required reason, then the action; the dialog stays open with what went wrong (a 409 with its next step). */
function ReasonDialog({
  title,
  intro,
  submitLabel,
  required,
  onClose,
  onSubmit,
  loading,
}: {
  title: string;
  intro: ReactNode;
  submitLabel: string;
  required: string;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<unknown>;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const feedback = useApiErrorFeedback();
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : required) },
  });
  const submit = form.onSubmit(async ({ reason }) => {
    feedback.reset();
    try {
      await onSubmit(reason.trim());
      onClose();
    } catch (error) {
      feedback.handle(error, REASON_FIELDS, form.setErrors);
    }
  });
  return (
    <FormModal title={title} onClose={onClose} onSubmit={submit} feedback={feedback} loading={loading} submitLabel={submitLabel} danger>
      <Text size="sm">{intro}</Text>
      <Textarea
        label={t('ledger.reverse.reason')}
        withAsterisk
        rows={2}
        maxLength={500}
        data-autofocus
        {...form.getInputProps('reason')}
      />
    </FormModal>
  );
}

export function ReverseDialog({ line, title, onClose }: { line: StatementLine; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const reverse = useReverseEntry();
  const idempotency = useIdempotencyKey();
  return (
    <ReasonDialog
      title={t('ledger.reverse.title')}
      intro={
        <>
          {t('ledger.reverse.intro', {
            what: title,
            amount: formatMoney(line.amount_minor, line.currency),
            date: formatDate(line.effective_date),
          })}
          {line.kind === 'charge' && line.bill_id ? ` ${t('ledger.reverse.billNote')}` : null}
        </>
      }
      submitLabel={t('ledger.reverse.submit')}
      required={t('ledger.reverse.reasonRequired')}
      loading={reverse.isPending}
      onClose={onClose}
      onSubmit={async (reason) => {
        await reverse.mutateAsync({ params: { path: { entry_id: line.id }, header: idempotency }, body: { reason } });
        notifications.show({ color: 'tend', message: t('ledger.reverse.saved') });
      }}
    />
  );
}

export function CancelBillDialog({ bill, onClose }: { bill: Bill; onClose: () => void }) {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const cancel = useCancelBill();
  return (
    <ReasonDialog
      title={t('ledger.bills.cancelTitle', { date: formatDate(bill.issued_on) })}
      intro={t('ledger.bills.cancelBody', { amount: formatMoney(bill.total_minor, bill.currency) })}
      submitLabel={t('ledger.bills.cancelSubmit')}
      required={t('ledger.bills.reasonRequired')}
      loading={cancel.isPending}
      onClose={onClose}
      onSubmit={async (reason) => {
        await cancel.mutateAsync({ params: { path: { bill_id: bill.id } }, body: { reason } });
        notifications.show({ color: 'tend', message: t('ledger.bills.cancelled') });
      }}
    />
  );
}

interface RefundValues {
  amount: string;
  method: PaymentMethod;
  reference: string;
  memo: string;
}

const REFUND_FIELDS = renamedFields({ amount_minor: 'amount', payment_method: 'method', reference: 'reference', memo: 'memo' });

/** Gives back (part of) a payment: at most what is neither refunded yet nor applied to a bill. */
export function RefundDialog({ payment, refundableMinor, onClose }: { payment: StatementLine; refundableMinor: number; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useMoneyLocale();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const checkAmount = useAmountCheck();
  const refund = useRefundPayment();
  const idempotency = useIdempotencyKey();
  const feedback = useApiErrorFeedback();
  const { currency } = payment;
  const form = useForm<RefundValues>({
    initialValues: {
      amount: minorToInput(refundableMinor, currency),
      method: payment.payment_method ?? 'cash',
      reference: '',
      memo: '',
    },
    validate: {
      amount: (value) => {
        const checked = checkAmount(value, currency, t('ledger.payment.amountRequired'));
        if (!checked.ok) return checked.message;
        return checked.amountMinor > refundableMinor ? t('ledger.refund.tooMuch', { amount: formatMoney(refundableMinor, currency) }) : null;
      },
    },
  });

  const submit = form.onSubmit(async (values) => {
    feedback.reset();
    const amount = checkAmount(values.amount, currency, t('ledger.payment.amountRequired'));
    if (!amount.ok) return;
    try {
      await refund.mutateAsync({
        params: { path: { entry_id: payment.id }, header: idempotency },
        body: {
          amount_minor: amount.amountMinor,
          payment_method: values.method,
          reference: values.reference.trim() || null,
          memo: values.memo.trim() || null,
        },
      });
      notifications.show({ color: 'tend', message: t('ledger.refund.saved', { amount: formatMoney(amount.amountMinor, currency) }) });
      onClose();
    } catch (error) {
      feedback.handle(error, REFUND_FIELDS, form.setErrors);
    }
  });

  return (
    <FormModal
      title={t('ledger.refund.title')}
      onClose={onClose}
      onSubmit={submit}
      feedback={feedback}
      loading={refund.isPending}
      submitLabel={t('ledger.refund.submit')}
    >
      <Text size="sm">
        {t('ledger.refund.intro', {
          amount: formatMoney(payment.amount_minor, currency),
          date: formatDate(payment.effective_date),
          method: t(`ledger.methods.${payment.payment_method ?? 'other'}`),
          refundable: formatMoney(refundableMinor, currency),
        })}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <MoneyInput
          label={t('ledger.refund.amount')}
          withAsterisk
          data-autofocus
          currency={currency}
          locale={locale}
          {...form.getInputProps('amount')}
          value={form.values.amount}
          onChange={(text) => form.setFieldValue('amount', text)}
        />
        <Select
          label={t('ledger.refund.method')}
          data={PAYMENT_METHODS.map((method) => ({ value: method, label: t(`ledger.methods.${method}`) }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('method')}
        />
        <TextInput label={t('ledger.refund.reference')} maxLength={100} {...form.getInputProps('reference')} />
        <TextInput label={t('ledger.refund.memo')} maxLength={500} {...form.getInputProps('memo')} />
      </SimpleGrid>
    </FormModal>
  );
}

/** Applies what is left of a payment (credit) to the client's open bills in its currency. */
export function ApplyDialog({
  payment,
  leftMinor,
  bills,
  onClose,
}: {
  payment: StatementLine;
  leftMinor: number;
  bills: readonly Bill[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useMoneyLocale();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const allocate = useAllocatePayment();
  const idempotency = useIdempotencyKey();
  const feedback = useApiErrorFeedback();
  const { currency } = payment;
  const allocations = useAllocations(openBillsIn(bills, currency), currency, leftMinor);
  const nothing = allocations.allocations.length === 0;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.reset();
    if (allocations.invalid || nothing) return;
    try {
      await allocate.mutateAsync({
        params: { path: { entry_id: payment.id }, header: idempotency },
        body: { allocations: allocations.allocations },
      });
      notifications.show({ color: 'tend', message: t('ledger.allocate.saved', { amount: formatMoney(allocations.appliedMinor, currency) }) });
      onClose();
    } catch (error) {
      feedback.handle(error);
    }
  }

  return (
    <FormModal
      size="lg"
      title={t('ledger.allocate.dialogTitle')}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      feedback={feedback}
      loading={allocate.isPending}
      submitLabel={t('ledger.allocate.submit')}
    >
      <Text size="sm">
        {t('ledger.allocate.intro', {
          amount: formatMoney(payment.amount_minor, currency),
          date: formatDate(payment.effective_date),
          left: formatMoney(leftMinor, currency),
        })}
      </Text>
      <AllocationFields value={allocations} currency={currency} locale={locale} />
      {nothing && allocations.rows.length > 0 ? (
        <Text size="sm" c="dimmed">
          {t('ledger.allocate.nothing')}
        </Text>
      ) : null}
    </FormModal>
  );
}

/**
 * Takes a payment off every bill it pays (they are unpaid again by that much); the money stays as the client's
 * credit, which can then be refunded, reversed or applied elsewhere.
 */
export function UnapplyPaymentDialog({
  payment,
  appliedMinor,
  bills,
  onClose,
}: {
  payment: StatementLine;
  appliedMinor: number;
  bills: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const describeProblem = useProblemText();
  const unapply = useUnallocatePayment();
  const [problem, setProblem] = useState<string | null>(null);
  const amount = formatMoney(appliedMinor, payment.currency);
  return (
    <ConfirmDialog
      request={{
        title: t('ledger.unapplyPayment.title'),
        message: t('ledger.unapplyPayment.body', { count: bills, amount, date: formatDate(payment.effective_date) }),
        confirmLabel: t('ledger.unapplyPayment.submit'),
        onConfirm: () => {
          setProblem(null);
          unapply.mutate(
            { params: { path: { entry_id: payment.id } } },
            {
              onSuccess: () => {
                notifications.show({ color: 'tend', message: t('ledger.unapplyPayment.saved', { amount }) });
                onClose();
              },
              onError: (error) => setProblem(describeProblem(error).message),
            },
          );
        },
      }}
      loading={unapply.isPending}
      error={problem}
      onClose={onClose}
    />
  );
}
