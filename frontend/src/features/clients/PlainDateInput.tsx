import '@mantine/dates/styles.css';
import 'dayjs/locale/es';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/** A calendar-date input (value `YYYY-MM-DD`), typed or picked, with month names in the UI language. */
export function PlainDateInput(props: DateInputProps) {
  const { t, i18n } = useTranslation();
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      placeholder={t('clients.form.datePlaceholder')}
      locale={i18n.language}
      clearable
      popoverProps={{ withinPortal: true }}
      {...props}
    />
  );
}
