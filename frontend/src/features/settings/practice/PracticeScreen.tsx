/** Practice settings: name, zone, currencies and fees, reminders and surveys. One form, saved as a PATCH of what changed. */
import {
  Button,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  TagsInput,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type PracticeSettings, type PracticeUpdate } from '../../../api/types';
import { useMoneyErrorMessage } from '../../../components/MoneyInput';
import { useMoneyLocale } from '../../../components/useMoneyLocale';
import {
  parsePriceList,
  PriceListInput,
  priceTextsFromList,
  type PriceTexts,
} from '../../../components/PriceListInput';
import { ConflictDialog } from '../../../components/ConflictDialog';
import { usePractice, useUpdatePractice } from '../../../api/queries/practice';
import { errorsUnder, firstErrorAt, useApiErrorFeedback } from '../../../components/apiErrors';
import { FormActions } from '../../../components/FormActions';
import { changesFrom } from '../ui/sameValue';
import { LoadError } from '../../../components/LoadError';
import { SectionHeader } from '../ui/SectionHeader';
import { ignoreAccents } from '../../../components/ignoreAccents';
import { zoneLabel } from '../../../lib/zones';
import type { Language } from '../../../i18n';
import {
  COMMON_CURRENCIES,
  HOURS,
  SLOT_MINUTES,
  WEEK_STARTS,
  countryOptions,
  normalizeCurrency,
  timeZoneOptions,
  weekdayName,
  zoneFilter,
} from './options';

interface PracticeFormValues {
  name: string;
  client_labels: Record<Language, string>;
  slot_minutes: string;
  week_starts_on: string;
  country: string | null;
  default_locale: string;
  time_zone: string;
  currencies: string[];
  default_currency: string;
  no_show_fees: PriceTexts;
  late_cancel_fees: PriceTexts;
  late_cancel_window_hours: number | string;
  fees_count_toward_commission: boolean;
  reminder_send_hour: string;
  monthly_survey_enabled: boolean;
  monthly_survey_day: number | string;
  rating_anonymity_floor: number | string;
}

const FIELDS = [
  'name',
  'client_labels',
  'client_label',
  'slot_minutes',
  'week_starts_on',
  'country',
  'default_locale',
  'time_zone',
  'currencies',
  'default_currency',
  'no_show_fees',
  'late_cancel_fees',
  'late_cancel_window_hours',
  'fees_count_toward_commission',
  'reminder_send_hour',
  'monthly_survey_enabled',
  'monthly_survey_day',
  'rating_anonymity_floor',
] as const;

function initialValues(practice: PracticeSettings): PracticeFormValues {
  return {
    name: practice.name,
    client_labels: Object.fromEntries(LOCALES.map((language) => [language, practice.client_labels[language] ?? ''])) as Record<
      Language,
      string
    >,
    slot_minutes: String(practice.slot_minutes),
    week_starts_on: practice.week_starts_on,
    country: practice.country,
    default_locale: practice.default_locale,
    time_zone: practice.time_zone,
    currencies: practice.currencies,
    default_currency: practice.default_currency,
    no_show_fees: priceTextsFromList(practice.no_show_fees, practice.currencies),
    late_cancel_fees: priceTextsFromList(practice.late_cancel_fees, practice.currencies),
    late_cancel_window_hours: practice.late_cancel_window_hours,
    fees_count_toward_commission: practice.fees_count_toward_commission,
    reminder_send_hour: String(practice.reminder_send_hour),
    monthly_survey_enabled: practice.monthly_survey_enabled,
    monthly_survey_day: practice.monthly_survey_day,
    rating_anonymity_floor: practice.rating_anonymity_floor,
  };
}

function isWhole(value: number | string, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper p="lg">
      <Stack gap="md">
        <Title order={3} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function PracticeForm({ practice }: { practice: PracticeSettings }) {
  const { t, i18n } = useTranslation();
  const update = useUpdatePractice();
  const feedback = useApiErrorFeedback();
  const moneyMessage = useMoneyErrorMessage();
  const moneyLocale = useMoneyLocale();
  // ~400 zones, each labelled with its offset today: worked out once, not on every keystroke.
  const zones = useMemo(
    () => timeZoneOptions(practice.time_zone).map((zone) => ({ value: zone, label: zoneLabel(zone) })),
    [practice.time_zone],
  );

  const form = useForm<PracticeFormValues>({
    initialValues: initialValues(practice),
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (values.name.trim() === '') errors.name = t('common.required');
      if (values.time_zone === '') errors.time_zone = t('common.required');
      if (values.currencies.length === 0) errors.currencies = t('settings.practice.currenciesRequired');
      if (!values.currencies.includes(values.default_currency)) {
        errors.default_currency = t('settings.practice.defaultCurrencyInvalid');
      }
      for (const field of ['no_show_fees', 'late_cancel_fees'] as const) {
        const parsed = parsePriceList(values[field], values.currencies);
        if (!parsed.ok) {
          for (const [currency, error] of Object.entries(parsed.errors)) {
            errors[`${field}.${currency}`] = moneyMessage(error, currency);
          }
        }
      }
      if (!isWhole(values.late_cancel_window_hours, 0, 336)) {
        errors.late_cancel_window_hours = t('common.wholeBetween', { min: 0, max: 336 });
      }
      if (!isWhole(values.monthly_survey_day, 1, 28)) {
        errors.monthly_survey_day = t('common.wholeBetween', { min: 1, max: 28 });
      }
      if (!isWhole(values.rating_anonymity_floor, 1, 50)) {
        errors.rating_anonymity_floor = t('common.wholeBetween', { min: 1, max: 50 });
      }
      return errors;
    },
  });

  const handleSubmit = form.onSubmit((values) => {
    feedback.reset();
    const fees = (field: 'no_show_fees' | 'late_cancel_fees') => {
      const parsed = parsePriceList(values[field], values.currencies);
      return parsed.ok ? parsed.prices : {};
    };
    const changes: PracticeUpdate = changesFrom(practice, {
      name: values.name.trim(),
      client_labels: Object.fromEntries(
        Object.entries(values.client_labels)
          .map(([language, word]) => [language, word.trim()])
          .filter(([, word]) => word !== ''),
      ),
      slot_minutes: Number(values.slot_minutes),
      week_starts_on: values.week_starts_on as PracticeSettings['week_starts_on'],
      country: values.country,
      default_locale: values.default_locale as PracticeSettings['default_locale'],
      time_zone: values.time_zone,
      currencies: values.currencies,
      default_currency: values.default_currency,
      no_show_fees: fees('no_show_fees'),
      late_cancel_fees: fees('late_cancel_fees'),
      late_cancel_window_hours: Number(values.late_cancel_window_hours),
      fees_count_toward_commission: values.fees_count_toward_commission,
      reminder_send_hour: Number(values.reminder_send_hour),
      monthly_survey_enabled: values.monthly_survey_enabled,
      monthly_survey_day: Number(values.monthly_survey_day),
      rating_anonymity_floor: Number(values.rating_anonymity_floor),
    });
    if (Object.keys(changes).length === 0) {
      notifications.show({ message: t('common.noChanges') });
      return;
    }
    update.mutate({ body: changes }, {
      onSuccess: () => notifications.show({ color: 'tend', message: t('settings.practice.saved') }),
      onError: (error) => feedback.handle(error, FIELDS, form.setErrors),
    });
  });

  const setCurrencies = (codes: string[]) => {
    const unique = [...new Set(codes.map(normalizeCurrency).filter((code) => code !== ''))];
    form.setFieldValue('currencies', unique);
    if (unique.length > 0 && !unique.includes(form.values.default_currency)) {
      form.setFieldValue('default_currency', unique[0] ?? '');
    }
  };

  const feeInput = (field: 'no_show_fees' | 'late_cancel_fees', legend: string) => (
    <PriceListInput
      legend={legend}
      currencies={form.values.currencies}
      locale={moneyLocale}
      value={form.values[field]}
      onChange={(texts) => form.setFieldValue(field, texts)}
      errors={errorsUnder(form.errors, field)}
      emptyMessage={t('settings.practice.enableCurrencyFirst')}
    />
  );

  return (
    <form id="practice-form" onSubmit={handleSubmit} noValidate>
      <Stack gap="lg">
        <SectionHeader
          title={t('settings.practice.title')}
          description={t('settings.practice.description')}
          actions={
            <Button type="submit" loading={update.isPending}>
              {t('common.saveChanges')}
            </Button>
          }
        />

        <FormSection title={t('settings.practice.general')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput size="sm" label={t('settings.practice.name')} withAsterisk {...form.getInputProps('name')} />
            <Select
              label={t('settings.practice.defaultLocale')}
              description={t('settings.practice.defaultLocaleHint')}
              data={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
              allowDeselect={false}
              {...form.getInputProps('default_locale')}
            />
            {LOCALES.map((language) => (
              <TextInput
                key={language}
                size="sm"
                label={t('settings.practice.clientLabelIn', { language: t(`settings.practice.languageNames.${language}`) })}
                description={t('settings.practice.clientLabelHint')}
                placeholder={t(`settings.practice.clientLabelDefault.${language}`)}
                {...form.getInputProps(`client_labels.${language}`)}
              />
            ))}
            <Select
              label={t('settings.practice.timeZone')}
              description={t('settings.practice.timeZoneHint')}
              data={zones}
              searchable
              filter={zoneFilter}
              allowDeselect={false}
              nothingFoundMessage={t('common.nothingFound')}
              withAsterisk
              {...form.getInputProps('time_zone')}
            />
            <Select
              label={t('settings.practice.country')}
              description={t('settings.practice.countryHint')}
              data={countryOptions(i18n.resolvedLanguage ?? 'en', practice.country)}
              searchable
              filter={ignoreAccents}
              allowDeselect={false}
              nothingFoundMessage={t('common.nothingFound')}
              {...form.getInputProps('country')}
            />
          </SimpleGrid>
        </FormSection>

        <FormSection title={t('settings.practice.calendar')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('settings.practice.slotMinutes')}
              description={t('settings.practice.slotMinutesHint')}
              data={SLOT_MINUTES.map((minutes) => ({ value: String(minutes), label: t('settings.practice.minutes', { count: minutes }) }))}
              allowDeselect={false}
              {...form.getInputProps('slot_minutes')}
            />
            <Select
              label={t('settings.practice.weekStartsOn')}
              data={WEEK_STARTS.map((day) => ({ value: day, label: weekdayName(day, i18n.resolvedLanguage ?? 'en') }))}
              allowDeselect={false}
              {...form.getInputProps('week_starts_on')}
            />
          </SimpleGrid>
        </FormSection>

        <FormSection title={t('settings.practice.money')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TagsInput
              label={t('settings.practice.currencies')}
              description={t('settings.practice.currenciesHint')}
              data={[...COMMON_CURRENCIES]}
              value={form.values.currencies}
              onChange={setCurrencies}
              maxTags={10}
              splitChars={[',', ' ']}
              acceptValueOnBlur
              withAsterisk
              error={firstErrorAt(form.errors, 'currencies')}
            />
            <Select
              label={t('settings.practice.defaultCurrency')}
              data={form.values.currencies}
              allowDeselect={false}
              withAsterisk
              {...form.getInputProps('default_currency')}
            />
          </SimpleGrid>
          {feeInput('no_show_fees', t('settings.practice.noShowFees'))}
          {feeInput('late_cancel_fees', t('settings.practice.lateCancelFees'))}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput
              label={t('settings.practice.lateCancelWindow')}
              description={t('settings.practice.lateCancelWindowHint')}
              min={0}
              max={336}
              allowDecimal={false}
              allowNegative={false}
              suffix={` ${t('settings.practice.hoursSuffix')}`}
              {...form.getInputProps('late_cancel_window_hours')}
            />
            <Switch
              mt="xl"
              label={t('settings.practice.feesCountTowardCommission')}
              {...form.getInputProps('fees_count_toward_commission', { type: 'checkbox' })}
            />
          </SimpleGrid>
        </FormSection>

        <FormSection title={t('settings.practice.automations')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('settings.practice.reminderHour')}
              description={t('settings.practice.reminderHourHint')}
              data={HOURS}
              allowDeselect={false}
              {...form.getInputProps('reminder_send_hour')}
            />
            <NumberInput
              label={t('settings.practice.ratingFloor')}
              description={t('settings.practice.ratingFloorHint')}
              min={1}
              max={50}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('rating_anonymity_floor')}
            />
            <Switch
              mt="md"
              label={t('settings.practice.surveyEnabled')}
              {...form.getInputProps('monthly_survey_enabled', { type: 'checkbox' })}
            />
            <NumberInput
              label={t('settings.practice.surveyDay')}
              description={t('settings.practice.surveyDayHint')}
              min={1}
              max={28}
              allowDecimal={false}
              allowNegative={false}
              disabled={!form.values.monthly_survey_enabled}
              {...form.getInputProps('monthly_survey_day')}
            />
          </SimpleGrid>
        </FormSection>

        <FormActions
          messages={feedback.messages}
          loading={update.isPending}
          onCancel={() => {
            form.reset();
            feedback.reset();
          }}
          submitLabel={t('common.saveChanges')}
          cancelLabel={t('common.discardChanges')}
        />
      </Stack>
      {feedback.conflict ? <ConflictDialog error={feedback.conflict} onClose={feedback.closeConflict} /> : null}
    </form>
  );
}

export default function PracticeScreen() {
  const { t } = useTranslation();
  const practice = usePractice();

  if (practice.data) return <PracticeForm key={practice.data.updated_at} practice={practice.data} />;
  if (practice.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label={t('app.loading')}>
        <Skeleton height={32} width="35%" />
        <Skeleton height={180} />
        <Skeleton height={260} />
      </Stack>
    );
  }
  return <LoadError error={practice.error} onRetry={() => void practice.refetch()} />;
}
