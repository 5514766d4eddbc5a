/** Aging: who owes, per currency, split by how old the unpaid charges are (0–30, 31–60, 61–90, over 90 days). */
import { Anchor, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAging } from '../../api/queries/ledger';
import { usePractice } from '../../api/queries/practice';
import { ListFrame } from '../../components/ListFrame';
import { FIT } from '../../components/tableStyles';
import { useClientWords } from '../clients/clientWords';
import { clientDisplayName } from '../clients/format';
import { useFormatMoney } from './ledgerForms';
import { groupByCurrency } from './ledgerMath';

const BUCKETS = ['days0', 'days31', 'days61', 'days90'] as const;

export function AgingSection() {
  const { t } = useTranslation();
  const words = useClientWords();
  const practice = usePractice();
  const aging = useAging();
  const formatMoney = useFormatMoney();
  const rows = aging.data ?? [];
  const groups = groupByCurrency(rows, practice.data?.currencies ?? []);

  return (
    <ListFrame query={aging} isEmpty={rows.length === 0} loadFailed={t('ledger.aging.loadFailed')} emptyTitle={t('ledger.aging.empty')} skeletonRows={3}>
      <Stack gap="lg" py="sm">
        {groups.map(({ currency, rows: owing }) => {
          const total = (pick: (row: (typeof owing)[number]) => number) => owing.reduce((sum, row) => sum + pick(row), 0);
          return (
            <section key={currency} aria-label={t('ledger.aging.inCurrency', { currency })}>
              <Title order={2} size="h5" px="sm" pb={4}>
                {t('ledger.aging.inCurrency', { currency })}
              </Title>
              <Table verticalSpacing={6} horizontalSpacing={8} miw={620} data-testid={`aging-${currency}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('ledger.aging.columns.client', words)}</Table.Th>
                    <Table.Th ta="right" style={FIT}>
                      {t('ledger.aging.columns.balance')}
                    </Table.Th>
                    {BUCKETS.map((bucket) => (
                      <Table.Th key={bucket} ta="right" style={FIT}>
                        {t(`ledger.aging.columns.${bucket}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {owing.map((row) => (
                    <Table.Tr key={row.client_id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/clients/${row.client_id}/ledger`} size="sm">
                          {clientDisplayName({ first_name: row.first_name, last_name: row.last_name, preferred_name: null })}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ta="right" style={FIT} fw={600}>
                        {formatMoney(row.balance_minor, currency)}
                      </Table.Td>
                      {BUCKETS.map((bucket, index) => (
                        <Table.Td key={bucket} ta="right" style={FIT}>
                          {row.buckets[index] ? formatMoney(row.buckets[index], currency) : '—'}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr fw={700}>
                    <Table.Th scope="row">{t('ledger.aging.total')}</Table.Th>
                    <Table.Td ta="right" style={FIT}>
                      {formatMoney(total((row) => row.balance_minor), currency)}
                    </Table.Td>
                    {BUCKETS.map((bucket, index) => (
                      <Table.Td key={bucket} ta="right" style={FIT}>
                        {formatMoney(total((row) => row.buckets[index] ?? 0), currency)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </section>
          );
        })}
      </Stack>
    </ListFrame>
  );
}
