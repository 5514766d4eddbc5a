/**
 * The daily close's list: each payment and refund of the day in the order recorded, with its time, client (last
 * name first, as on a cash sheet), method, reference, amount and who recorded it. What was recorded for the day
 * after it was closed is marked, so a changed total is never a mystery.
 */
import { Badge, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DailyClose } from '../../api/types';
import { FIT } from '../../components/tableStyles';
import { useClientWords } from '../clients/clientWords';
import type { CloseFormat } from './dailyCloseFormat';
import { useFormatMoney } from './ledgerForms';
import { methodWord } from './ledgerWords';

export function DailyCloseEntries({ close, format }: { close: DailyClose; format: CloseFormat }) {
  const { t } = useTranslation();
  const words = useClientWords();
  const formatMoney = useFormatMoney();
  return (
    <>
      <Title order={3} size="h5">
        {t('ledger.close.entries')}
      </Title>
      {close.entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ledger.close.noEntries')}
        </Text>
      ) : (
        <Table verticalSpacing={4} horizontalSpacing={8} data-testid="close-entries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={FIT}>{t('ledger.close.columns.time')}</Table.Th>
              <Table.Th>{t('ledger.close.columns.client', words)}</Table.Th>
              <Table.Th>{t('ledger.close.columns.method')}</Table.Th>
              <Table.Th>{t('ledger.close.columns.reference')}</Table.Th>
              <Table.Th ta="right" style={FIT}>
                {t('ledger.close.columns.amount')}
              </Table.Th>
              <Table.Th>{t('ledger.close.columns.recordedBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {close.entries.map((entry) => {
              const refund = entry.kind === 'refund';
              const amount = formatMoney(entry.amount_minor, entry.currency);
              return (
                <Table.Tr key={entry.id} data-after-close={entry.after_close || undefined}>
                  <Table.Td style={FIT}>{format.time(entry.recorded_at, close.day)}</Table.Td>
                  <Table.Td>
                    {entry.client_last_name}, {entry.client_first_name}
                  </Table.Td>
                  <Table.Td>
                    {refund ? `${t('ledger.close.refund')} · ` : ''}
                    {entry.payment_method ? methodWord(t, entry.payment_method) : ''}
                    {entry.after_close ? (
                      <Badge ml={6} size="sm" color="orange" variant="light">
                        {t('ledger.close.afterClose')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{entry.reference ?? ''}</Table.Td>
                  <Table.Td ta="right" style={FIT}>
                    {refund ? `−${amount}` : amount}
                  </Table.Td>
                  <Table.Td>{entry.recorded_by_name ?? t('ledger.close.nobody')}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
