/**
 * The daily close: payments and refunds of one day by method and currency, with the totals of each currency
 * and what was received net. Printable: the app's frame and the controls stay off the paper.
 */
import { Alert, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDailyClose } from '../../api/queries/ledger';
import { usePractice } from '../../api/queries/practice';
import type { MethodTotal } from '../../api/types';
import { DateField } from '../../components/DateField';
import { FIT } from '../../components/tableStyles';
import { isIsoDate } from '../../lib/dates';
import { useToday } from '../clients/useToday';
import classes from './LedgerPage.module.css';
import { useFormatDate, useFormatMoney } from './ledgerForms';
import { groupByCurrency, totalsByCurrency } from './ledgerMath';
import { methodWord } from './ledgerWords';

function MethodTable({ title, rows, empty, testId }: { title: string; rows: readonly MethodTotal[]; empty: string; testId: string }) {
  const { t } = useTranslation();
  const practice = usePractice();
  const formatMoney = useFormatMoney();
  const preferred = practice.data?.currencies ?? [];
  const groups = groupByCurrency(rows, preferred);
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table verticalSpacing={6} horizontalSpacing={8} data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ledger.close.method')}</Table.Th>
              <Table.Th style={FIT}>{t('ledger.close.currency')}</Table.Th>
              <Table.Th ta="right" style={FIT}>
                {t('ledger.close.count')}
              </Table.Th>
              <Table.Th ta="right" style={FIT}>
                {t('ledger.close.total')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.flatMap(({ currency, rows: methods }) => [
              ...methods.map((row) => (
                <Table.Tr key={`${currency}-${row.payment_method}`}>
                  <Table.Td>{methodWord(t, row.payment_method)}</Table.Td>
                  <Table.Td style={FIT}>{currency}</Table.Td>
                  <Table.Td ta="right" style={FIT}>
                    {row.count}
                  </Table.Td>
                  <Table.Td ta="right" style={FIT}>
                    {formatMoney(row.total_minor, currency)}
                  </Table.Td>
                </Table.Tr>
              )),
              ...totalsByCurrency(methods).map((total) => (
                <Table.Tr key={`${currency}-total`} fw={700} data-testid={`${testId}-total-${currency}`}>
                  <Table.Td>{t('ledger.close.totalIn', { currency })}</Table.Td>
                  <Table.Td style={FIT}>{currency}</Table.Td>
                  <Table.Td ta="right" style={FIT}>
                    {total.count}
                  </Table.Td>
                  <Table.Td ta="right" style={FIT}>
                    {formatMoney(total.totalMinor, currency)}
                  </Table.Td>
                </Table.Tr>
              )),
            ])}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function DailyCloseSection() {
  const { t } = useTranslation();
  const today = useToday();
  const practice = usePractice();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const [typed, setTyped] = useState<string | null>(today);
  const day = isIsoDate(typed) && typed <= today ? typed : null;
  const close = useDailyClose(day ?? today);
  const data = close.data;
  const preferred = practice.data?.currencies ?? [];
  const received = totalsByCurrency(data?.payments ?? [], preferred);
  const refunded = totalsByCurrency(data?.refunds ?? [], preferred);
  const net = received.map(({ currency, totalMinor }) => ({
    currency,
    netMinor: totalMinor - (refunded.find((row) => row.currency === currency)?.totalMinor ?? 0),
  }));
  for (const { currency, totalMinor } of refunded) {
    if (!net.some((row) => row.currency === currency)) net.push({ currency, netMinor: -totalMinor });
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" className={classes.noPrint}>
        <DateField label={t('ledger.close.day')} value={typed} onChange={setTyped} maxDate={today} w={260} />
        <Button variant="default" onClick={() => window.print()} disabled={!data}>
          {t('ledger.close.print')}
        </Button>
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
        <Paper p="md" className={classes.report} data-testid="daily-close" aria-busy={close.isFetching}>
          <Stack gap="lg">
            <Title order={2} size="h4">
              {t('ledger.close.heading', { date: formatDate(data.day) })}
            </Title>
            <MethodTable title={t('ledger.close.payments')} rows={data.payments} empty={t('ledger.close.noPayments')} testId="close-payments" />
            <MethodTable title={t('ledger.close.refunds')} rows={data.refunds} empty={t('ledger.close.noRefunds')} testId="close-refunds" />
            {net.length > 0 ? (
              <Stack gap={4}>
                <Title order={3} size="h5">
                  {t('ledger.close.net')}
                </Title>
                <Group gap="lg">
                  {net.map(({ currency, netMinor }) => (
                    <Text key={currency} fw={700} data-testid={`close-net-${currency}`}>
                      {currency}: {formatMoney(netMinor, currency)}
                    </Text>
                  ))}
                </Group>
              </Stack>
            ) : null}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
