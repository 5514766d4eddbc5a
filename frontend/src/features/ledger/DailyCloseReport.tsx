/**
 * The daily close as it prints: the practice's name, the day in full, whether and by whom it was closed, each
 * payment and refund, the totals per method and currency, and a line to sign. A day whose totals changed after
 * it was closed says so, with what the totals were at closing.
 */
import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePractice } from '../../api/queries/practice';
import type { DailyClose } from '../../api/types';
import classes from './DailyClose.module.css';
import { DailyCloseEntries } from './DailyCloseEntries';
import { DailyCloseTotals } from './DailyCloseTotals';
import { localDay, useCloseFormat, type CloseFormat } from './dailyCloseFormat';
import ledgerClasses from './LedgerPage.module.css';
import { useFormatDate, useFormatMoney } from './ledgerForms';
import { totalsByCurrency } from './ledgerMath';

/** "Closed by Rosa Caja at 18:05" (with the date when it was closed on a later day), or "Not closed yet". */
export function useClosedText(): (close: Pick<DailyClose, 'day' | 'closed_at' | 'closed_by_name'>, format: CloseFormat) => string {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (close, format) => {
    if (!close.closed_at) return t('ledger.close.notClosed');
    const name = close.closed_by_name ?? t('ledger.close.someone');
    const time = format.time(close.closed_at);
    const day = localDay(close.closed_at, format.timeZone);
    return day === close.day ? t('ledger.close.closedBy', { name, time }) : t('ledger.close.closedOn', { name, time, date: formatDate(day) });
  };
}

function ChangedSinceClose({ close }: { close: DailyClose }) {
  const { t } = useTranslation();
  const practice = usePractice();
  const formatMoney = useFormatMoney();
  const atClosing = totalsByCurrency(close.closed_payments ?? [], practice.data?.currencies ?? []);
  const totals = atClosing.map(({ currency, totalMinor }) => formatMoney(totalMinor, currency)).join(' · ');
  return (
    <Alert color="orange" variant="light" data-testid="close-changed">
      <Stack gap={4}>
        <Text size="sm">{t('ledger.close.changed')}</Text>
        <Text size="sm" fw={600}>
          {t('ledger.close.atClosing', { totals: totals || t('ledger.close.nothingAtClosing') })}
        </Text>
      </Stack>
    </Alert>
  );
}

export function DailyCloseReport({ close, busy }: { close: DailyClose; busy: boolean }) {
  const { t } = useTranslation();
  const format = useCloseFormat();
  const closedText = useClosedText();
  return (
    <Paper p="md" className={`${ledgerClasses.report} ${classes.paper}`} data-testid="daily-close" aria-busy={busy}>
      <Stack gap="lg">
        <Stack gap={2}>
          <Text fw={700} size="lg" data-testid="close-practice">
            {close.practice_name}
          </Text>
          <Title order={2} size="h4">
            {t('ledger.close.heading', { date: format.longDate(close.day) })}
          </Title>
          <Text role="status" fw={close.closed_at ? 600 : undefined} c={close.closed_at ? undefined : 'dimmed'} data-testid="close-status">
            {closedText(close, format)}
          </Text>
        </Stack>
        {close.changed_since_close ? <ChangedSinceClose close={close} /> : null}
        <Stack gap={4}>
          <DailyCloseEntries close={close} format={format} />
        </Stack>
        <DailyCloseTotals close={close} />
        <Group className={classes.signature} gap="xl" wrap="nowrap" data-testid="close-signature">
          <Text className={classes.blank}>{t('ledger.close.signature')}:</Text>
          <Text className={classes.blank}>{t('ledger.close.signatureName')}:</Text>
        </Group>
      </Stack>
    </Paper>
  );
}
