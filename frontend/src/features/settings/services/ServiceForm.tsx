/** New / edit service: billing code, name, default duration and price per currency. */
import { NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/FormFields';
import type { Service, ServiceCreate } from '../../../api/types';
import { useMoneyErrorMessage } from '../../../components/MoneyInput';
import { useMoneyLocale } from '../../../components/useMoneyLocale';
import {
  parsePriceList,
  PriceListInput,
  priceTextsFromList,
  type PriceTexts,
} from '../../../components/PriceListInput';
import { useCreateService, useUpdateService } from '../../../api/queries/services';
import { errorsUnder } from '../../../components/apiErrors';
import { RecordFormModal } from '../ui/RecordFormModal';
import { useSaveRecord } from '../ui/useSaveRecord';

interface ServiceFormValues {
  code: string;
  name: string;
  default_duration_minutes: number | string;
  prices: PriceTexts;
}

const FIELDS = ['code', 'name', 'default_duration_minutes', 'prices'] as const;

export function ServiceForm({
  service,
  currencies,
  onClose,
}: {
  service: Service | null;
  currencies: readonly string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const moneyMessage = useMoneyErrorMessage();
  const moneyLocale = useMoneyLocale();

  const form = useForm<ServiceFormValues>({
    initialValues: {
      code: service?.code ?? '',
      name: service?.name ?? '',
      default_duration_minutes: service?.default_duration_minutes ?? 50,
      prices: priceTextsFromList(service?.prices, currencies),
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (values.code.trim() === '') errors.code = t('common.required');
      if (values.name.trim() === '') errors.name = t('common.required');
      const minutes = values.default_duration_minutes;
      if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
        errors.default_duration_minutes = t('common.wholeBetween', { min: 1, max: 1440 });
      }
      const prices = parsePriceList(values.prices, currencies);
      if (!prices.ok) {
        for (const [currency, error] of Object.entries(prices.errors)) {
          errors[`prices.${currency}`] = moneyMessage(error, currency);
        }
      }
      return errors;
    },
  });

  const saver = useSaveRecord({
    record: service,
    pathOf: (record) => ({ record_id: record.id }),
    create: useCreateService(),
    update: useUpdateService(),
    fields: FIELDS,
    setFieldErrors: form.setErrors,
    onClose,
  });

  const handleSubmit = form.onSubmit((values) => {
    const prices = parsePriceList(values.prices, currencies);
    if (!prices.ok) return;
    const body: ServiceCreate = {
      code: values.code.trim(),
      name: values.name.trim(),
      default_duration_minutes: Number(values.default_duration_minutes),
      prices: prices.prices,
    };
    saver.save(body.name, () => body, () => body);
  });

  return (
    <RecordFormModal
      section="services"
      editing={service ? service.name : null}
      saving={saver}
      onClose={onClose}
      onSubmit={handleSubmit}
    >
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <TextField
          form={form}
          path="code"
          label={t('settings.services.code')}
          description={t('settings.services.codeHint')}
          withAsterisk
          first
        />
        <NumberInput
          label={t('settings.services.duration')}
          description={t('settings.services.durationHint')}
          min={1}
          max={1440}
          allowDecimal={false}
          allowNegative={false}
          withAsterisk
          {...form.getInputProps('default_duration_minutes')}
        />
      </SimpleGrid>
      <TextInput size="sm" label={t('settings.services.name')} withAsterisk {...form.getInputProps('name')} />
      <PriceListInput
        legend={t('settings.services.prices')}
        description={t('settings.services.pricesHint')}
        currencies={currencies}
        locale={moneyLocale}
        value={form.values.prices}
        onChange={(texts) => form.setFieldValue('prices', texts)}
        errors={errorsUnder(form.errors, 'prices')}
        emptyMessage={t('settings.practice.enableCurrencyFirst')}
      />
    </RecordFormModal>
  );
}
