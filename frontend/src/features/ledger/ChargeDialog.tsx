/**
 * Recording by hand what the ledger does not post by itself: a charge (what it is for), or an adjustment with
 * its reason, a credit (lowers the balance: a discount, a write-off) or a debit (raises it).
 */
import { Radio, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey, useRecordAdjustment, useRecordCharge } from '../../api/queries/ledger';
import { useApiErrorFeedback } from '../../components/apiErrors';
import { FormModal } from '../../components/FormModal';
import { useClientWords } from '../clients/clientWords';
import { renamedFields, useFormatMoney } from './ledgerForms';
import { AmountField, CurrencyField, useMoneyForm } from './MoneyFields';

const WHAT = ['charge', 'credit', 'debit'] as const;
type What = (typeof WHAT)[number];

interface ChargeValues {
  what: What;
  amount: string;
  currency: string;
  text: string;
}

const API_FIELDS = renamedFields({
  amount_minor: 'amount',
  currency: 'currency',
  memo: 'text',
  reason: 'text',
  direction: 'what',
  charge_type: 'what',
});

export function ChargeDialog({ clientId, currency, onClose }: { clientId: string; currency?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const words = useClientWords();
  const formatMoney = useFormatMoney();
  const money = useMoneyForm(currency);
  const charge = useRecordCharge();
  const adjustment = useRecordAdjustment();
  const idempotency = useIdempotencyKey();
  const feedback = useApiErrorFeedback();

  const form = useForm<ChargeValues>({
    initialValues: { what: 'charge', amount: '', currency: money.initialCurrency, text: '' },
    validate: {
      amount: money.validateAmount,
      text: (value, values) =>
        value.trim() ? null : values.what === 'charge' ? t('ledger.charge.memoRequired') : t('ledger.charge.reasonRequired'),
    },
  });
  const values = form.getValues();

  const submit = form.onSubmit(async (valid) => {
    feedback.reset();
    const amount = money.check(valid.amount, valid.currency);
    if (!amount.ok) return;
    const written = formatMoney(amount.amountMinor, valid.currency);
    try {
      if (valid.what === 'charge') {
        await charge.mutateAsync({
          params: { path: { client_id: clientId }, header: idempotency },
          body: { amount_minor: amount.amountMinor, currency: valid.currency, charge_type: 'other', memo: valid.text.trim() },
        });
        notifications.show({ color: 'tend', message: t('ledger.charge.savedCharge', { amount: written }) });
      } else {
        await adjustment.mutateAsync({
          params: { path: { client_id: clientId }, header: idempotency },
          body: { direction: valid.what, amount_minor: amount.amountMinor, currency: valid.currency, reason: valid.text.trim() },
        });
        notifications.show({ color: 'tend', message: t('ledger.charge.savedAdjustment', { amount: written }) });
      }
      onClose();
    } catch (error) {
      feedback.handle(error, API_FIELDS, form.setErrors);
    }
  });

  return (
    <FormModal
      size="lg"
      title={t('ledger.charge.title')}
      onClose={onClose}
      onSubmit={submit}
      feedback={feedback}
      loading={charge.isPending || adjustment.isPending}
      submitLabel={t('ledger.charge.submit')}
    >
      <Radio.Group label={t('ledger.charge.what')} withAsterisk {...form.getInputProps('what')}>
        <Stack gap="xs" mt={6}>
          {WHAT.map((what) => (
            <Radio
              key={what}
              value={what}
              label={t(`ledger.charge.${what}`)}
              description={t(`ledger.charge.${what}Hint`, words)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, xs: money.currencies.length > 1 ? 2 : 1 }} spacing="sm">
        <AmountField form={form} label={t('ledger.charge.amount')} />
        <CurrencyField form={form} currencies={money.currencies} />
      </SimpleGrid>
      <Textarea
        label={values.what === 'charge' ? t('ledger.charge.memo') : t('ledger.charge.reason')}
        withAsterisk
        rows={2}
        maxLength={500}
        {...form.getInputProps('text')}
      />
    </FormModal>
  );
}
