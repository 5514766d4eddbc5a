/**
 * The daily close: a day's payments and refunds one by one and by method and currency, closing the day (once,
 * under the user's name), and printing it. On paper only the report shows (DailyCloseReport), never the app's
 * frame or these controls.
 */
import { Alert, Button, Group, Skeleton, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDailyClose } from '../../api/queries/ledger';
import { DateField } from '../../components/DateField';
import { isIsoDate } from '../../lib/dates';
import { useToday } from '../clients/useToday';
import { CloseDayButton } from './CloseDayButton';
import { DailyCloseReport } from './DailyCloseReport';
import { useCloseFormat } from './dailyCloseFormat';
import classes from './LedgerPage.module.css';

export function DailyCloseSection() {
  const { t } = useTranslation();
  const today = useToday();
  const format = useCloseFormat();
  const [typed, setTyped] = useState<string | null>(today);
  const day = isIsoDate(typed) && typed <= today ? typed : null;
  const close = useDailyClose(day ?? today);
  const data = close.data;
  // The report on screen may still be the previous day's while the chosen one loads.
  const current = data && data.day === (day ?? today) ? data : null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" className={classes.noPrint}>
        <DateField label={t('ledger.close.day')} value={typed} onChange={setTyped} maxDate={today} w={260} />
        <Group gap="sm">
          {current && !current.closed_at ? <CloseDayButton day={current.day} dayText={format.longDate(current.day)} /> : null}
          <Button variant="default" onClick={() => window.print()} disabled={!data}>
            {t('ledger.close.print')}
          </Button>
        </Group>
      </Group>
      {close.isError ? (
        <Alert color="red" variant="light" role="alert">
          {t('ledger.close.loadFailed')}
        </Alert>
      ) : !data ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('app.loading')}>
          <Skeleton height={28} />
          <Skeleton height={28} />
        </Stack>
      ) : (
        <DailyCloseReport close={data} busy={close.isFetching} />
      )}
    </Stack>
  );
}
