/** The daily close's totals: payments and refunds by method within each currency, each currency's total, and
 * what was received net per currency (never added across currencies). */
import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePractice } from '../../api/queries/practice';
import type { DailyClose, MethodTotal } from '../../api/types';
import { FIT } from '../../components/tableStyles';
import { useFormatMoney } from './ledgerForms';
import { groupByCurrency, totalsByCurrency } from './ledgerMath';
import { methodWord } from './ledgerWords';

function MethodTable({ title, rows, empty, testId }: { title: string; rows: readonly MethodTotal[]; empty: string; testId: string }) {
  const { t } = useTranslation();
  const practice = usePractice();
  const formatMoney = useFormatMoney();
  const groups = groupByCurrency(rows, practice.data?.currencies ?? []);
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

/** Received minus refunded, per currency, in the practice's currency order. */
export function netByCurrency(close: Pick<DailyClose, 'payments' | 'refunds'>, preferred: readonly string[]) {
  const received = totalsByCurrency(close.payments, preferred);
  const refunded = totalsByCurrency(close.refunds, preferred);
  const net = received.map(({ currency, totalMinor }) => ({
    currency,
    netMinor: totalMinor - (refunded.find((row) => row.currency === currency)?.totalMinor ?? 0),
  }));
  for (const { currency, totalMinor } of refunded) {
    if (!net.some((row) => row.currency === currency)) net.push({ currency, netMinor: -totalMinor });
  }
  return net;
}

export function DailyCloseTotals({ close }: { close: DailyClose }) {
  const { t } = useTranslation();
  const practice = usePractice();
  const formatMoney = useFormatMoney();
  const net = netByCurrency(close, practice.data?.currencies ?? []);
  return (
    <>
      <MethodTable title={t('ledger.close.payments')} rows={close.payments} empty={t('ledger.close.noPayments')} testId="close-payments" />
      <MethodTable title={t('ledger.close.refunds')} rows={close.refunds} empty={t('ledger.close.noRefunds')} testId="close-refunds" />
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
    </>
  );
}
