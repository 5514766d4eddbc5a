/** New / edit practitioner: contact, calendar colour, commission (as a percentage) and default session prices. */
import { ColorInput, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/FormFields';
import type { PractitionerCreate, PractitionerRecord } from '../../../api/types';
import { useMoneyErrorMessage } from '../../../components/MoneyInput';
import { useMoneyLocale } from '../../../components/useMoneyLocale';
import {
  parsePriceList,
  PriceListInput,
  priceTextsFromList,
  type PriceTexts,
} from '../../../components/PriceListInput';
import { useCreatePractitioner, useUpdatePractitioner } from '../../../api/queries/practitioners';
import { bpToPercentText, percentToBp } from '../commission';
import { errorsUnder } from '../../../components/apiErrors';
import { RecordFormModal } from '../ui/RecordFormModal';
import { useSaveRecord } from '../ui/useSaveRecord';
import { looksLikeEmail } from '../../../lib/text';
import { usePercentErrorMessage } from './percentMessages';

const DEFAULT_COLOR = '#1e88e5';
const COLOR = /^#[0-9a-f]{6}$/i;
const PRACTITIONER_SWATCHES = [
  '#1e88e5',
  '#0e947a',
  '#43a047',
  '#f4511e',
  '#e53935',
  '#d81b60',
  '#8e24aa',
  '#5e35b1',
  '#fb8c00',
  '#6d4c41',
  '#546e7a',
  '#00acc1',
];

interface PractitionerFormValues {
  name: string;
  credentials: string;
  email: string;
  phone: string;
  color: string;
  commission_rate_bp: string;
  default_prices: PriceTexts;
}

const FIELDS = ['name', 'credentials', 'email', 'phone', 'color', 'commission_rate_bp', 'default_prices'] as const;

const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());

export interface PractitionerFormProps {
  /** null: a new practitioner. */
  practitioner: PractitionerRecord | null;
  currencies: readonly string[];
  onClose: () => void;
}

export function PractitionerForm({ practitioner, currencies, onClose }: PractitionerFormProps) {
  const { t } = useTranslation();
  const moneyMessage = useMoneyErrorMessage();
  const moneyLocale = useMoneyLocale();
  const percentMessage = usePercentErrorMessage();

  const form = useForm<PractitionerFormValues>({
    initialValues: {
      name: practitioner?.name ?? '',
      credentials: practitioner?.credentials ?? '',
      email: practitioner?.email ?? '',
      phone: practitioner?.phone ?? '',
      color: practitioner?.color ?? DEFAULT_COLOR,
      // Null only for clinicians (who see colleagues by name and colour); this form is an admin's.
      commission_rate_bp: practitioner?.commission_rate_bp != null ? bpToPercentText(practitioner.commission_rate_bp) : '',
      default_prices: priceTextsFromList(practitioner?.default_prices ?? undefined, currencies),
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (values.name.trim() === '') errors.name = t('common.required');
      if (values.email.trim() !== '' && !looksLikeEmail(values.email)) errors.email = t('checks.email');
      if (!COLOR.test(values.color)) errors.color = t('settings.practitioners.colorInvalid');
      const commission = percentToBp(values.commission_rate_bp);
      if (!commission.ok) errors.commission_rate_bp = percentMessage(commission.error);
      const prices = parsePriceList(values.default_prices, currencies);
      if (!prices.ok) {
        for (const [currency, error] of Object.entries(prices.errors)) {
          errors[`default_prices.${currency}`] = moneyMessage(error, currency);
        }
      }
      return errors;
    },
  });

  const saver = useSaveRecord({
    record: practitioner,
    pathOf: (record) => ({ record_id: record.id }),
    create: useCreatePractitioner(),
    update: useUpdatePractitioner(),
    fields: FIELDS,
    setFieldErrors: form.setErrors,
    onClose,
  });

  const handleSubmit = form.onSubmit((values) => {
    const commission = percentToBp(values.commission_rate_bp);
    const prices = parsePriceList(values.default_prices, currencies);
    if (!commission.ok || !prices.ok) return; // validate() has already said why
    const body: PractitionerCreate = {
      name: values.name.trim(),
      credentials: blankToNull(values.credentials),
      email: blankToNull(values.email),
      phone: blankToNull(values.phone),
      color: values.color.toLowerCase(),
      commission_rate_bp: commission.bp,
      default_prices: prices.prices,
    };
    saver.save(body.name, () => body, () => body);
  });

  return (
    <RecordFormModal
      section="practitioners"
      editing={practitioner ? practitioner.name : null}
      saving={saver}
      onClose={onClose}
      onSubmit={handleSubmit}
    >
      <SimpleGrid cols={2} spacing="md">
        <TextField form={form} path="name" label={t('settings.practitioners.name')} withAsterisk first />
        <TextField
          form={form}
          path="credentials"
          label={t('settings.practitioners.credentials')}
          placeholder={t('settings.practitioners.credentialsPlaceholder')}
        />
        <TextField form={form} path="email" label={t('settings.practitioners.email')} type="email" />
        <TextField form={form} path="phone" label={t('settings.practitioners.phone')} type="tel" />
        <ColorInput
          label={t('settings.practitioners.color')}
          description={t('settings.practitioners.colorHint')}
          format="hex"
          swatches={PRACTITIONER_SWATCHES}
          swatchesPerRow={6}
          withAsterisk
          {...form.getInputProps('color')}
        />
        <TextInput size="sm"
          label={t('settings.practitioners.commission')}
          description={t('settings.practitioners.commissionHint')}
          inputMode="decimal"
          rightSection={<span aria-hidden="true">%</span>}
          withAsterisk
          {...form.getInputProps('commission_rate_bp')}
        />
      </SimpleGrid>
      <PriceListInput
        legend={t('settings.practitioners.defaultPrices')}
        description={t('settings.practitioners.defaultPricesHint')}
        currencies={currencies}
        locale={moneyLocale}
        value={form.values.default_prices}
        onChange={(texts) => form.setFieldValue('default_prices', texts)}
        errors={errorsUnder(form.errors, 'default_prices')}
        emptyMessage={t('settings.practice.enableCurrencyFirst')}
      />
    </RecordFormModal>
  );
}
