/**
 * Aging: who owes, split by how old the unpaid charges are (0–30, 31–60, 61–90, over 90 days). One table a
 * person can sort (any column), narrow (name, currency, "over N days") and export as shown, with a total per
 * currency underneath (never added across currencies). The whole report is one answer, so sorting and filters
 * see every row; the CSV is the server's, with the same filters and order.
 */
import { Anchor, Select, Stack, Table, Text } from '@mantine/core';
import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadAging, useAging } from '../../api/queries/ledger';
import { usePractice } from '../../api/queries/practice';
import { OVER_DAYS, type AgingRow, type OverDays } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { ListFrame } from '../../components/ListFrame';
import { FIT } from '../../components/tableStyles';
import { useClientWords } from '../clients/clientWords';
import { clientDisplayName } from '../clients/format';
import { CurrencyFilter, NameFilter } from './LedgerFilterInputs';
import { useFormatMoney } from './ledgerForms';
import {
  NO_AGING_FILTERS,
  agingCsvQuery,
  agingTotals,
  byCurrencyThenAmount,
  byFoldedText,
  filterAging,
  type AgingFilters,
} from './tableFilters';
import { NoMatch, TableToolbar } from './TableToolbar';

const BUCKETS = ['days0', 'days31', 'days61', 'days90'] as const;
const column = createColumnHelper<AgingRow>();
const nameOf = (row: AgingRow) => clientDisplayName({ first_name: row.first_name, last_name: row.last_name, preferred_name: null });

export function AgingSection() {
  const { t } = useTranslation();
  const words = useClientWords();
  const practice = usePractice();
  const aging = useAging();
  const formatMoney = useFormatMoney();
  const [filters, setFilters] = useState<AgingFilters>(NO_AGING_FILTERS);
  const [sorting, setSorting] = useState<SortingState>([]);
  const preferred = practice.data?.currencies ?? [];
  const rows = aging.data ?? [];
  const shown = filterAging(rows, filters);
  const filtered = filters.q.trim() !== '' || filters.currency !== null || filters.overDays !== null;
  const byAmount = byCurrencyThenAmount<AgingRow>(sorting[0]?.desc ?? false);
  const money = { align: 'right', nowrap: true } as const;
  const set = (change: Partial<AgingFilters>) => setFilters((previous) => ({ ...previous, ...change }));

  const columns = [
    column.accessor(nameOf, {
      id: 'client',
      header: t('ledger.aging.columns.client', words),
      enableHiding: false,
      sortingFn: byFoldedText,
      cell: ({ row: { original: row }, getValue }) => (
        <Anchor component={Link} to={`/clients/${row.client_id}/ledger`} size="sm">
          {getValue()}
        </Anchor>
      ),
    }),
    column.accessor('currency', { header: t('ledger.tables.currency'), enableHiding: false, meta: { fit: true } }),
    column.accessor('balance_minor', {
      id: 'balance',
      header: t('ledger.aging.columns.balance'),
      enableHiding: false,
      sortingFn: byAmount,
      meta: money,
      cell: ({ row: { original: row } }) => (
        <Text size="sm" fw={600} span>
          {formatMoney(row.balance_minor, row.currency)}
        </Text>
      ),
    }),
    ...BUCKETS.map((bucket, index) =>
      column.accessor((row) => row.buckets[index] ?? 0, {
        id: bucket,
        header: t(`ledger.aging.columns.${bucket}`),
        enableHiding: false,
        sortingFn: byAmount,
        meta: money,
        cell: ({ row: { original: row }, getValue }) => (getValue() ? formatMoney(getValue(), row.currency) : '—'),
      }),
    ),
  ];

  const footer = agingTotals(shown, preferred).map((total) => (
    <Table.Tr key={total.currency} fw={700} data-testid={`aging-total-${total.currency}`}>
      <Table.Th scope="row">{t('ledger.tables.totalIn', { currency: total.currency })}</Table.Th>
      <Table.Td style={FIT}>{total.currency}</Table.Td>
      {[total.balanceMinor, ...total.buckets].map((amount, index) => (
        <Table.Td key={index} ta="right" style={FIT}>
          {formatMoney(amount, total.currency)}
        </Table.Td>
      ))}
    </Table.Tr>
  ));

  return (
    <ListFrame query={aging} isEmpty={rows.length === 0} loadFailed={t('ledger.aging.loadFailed')} emptyTitle={t('ledger.aging.empty')} skeletonRows={3}>
      <Stack gap="sm" p="sm">
        <TableToolbar
          onExport={() => downloadAging(agingCsvQuery(filters, sorting))}
          shown={shown.length}
          total={rows.length}
          onClear={filtered ? () => setFilters(NO_AGING_FILTERS) : null}
        >
          <NameFilter value={filters.q} onChange={(q) => set({ q })} />
          <CurrencyFilter value={filters.currency} onChange={(currency) => set({ currency })} currencies={preferred} rows={rows} />
          <Select
            w={200}
            label={t('ledger.tables.overDays')}
            placeholder={t('ledger.tables.anyAge')}
            data={OVER_DAYS.map((days) => ({ value: days, label: t(`ledger.tables.over.${days}`) }))}
            value={filters.overDays}
            onChange={(overDays) => set({ overDays: overDays as OverDays | null })}
            clearable
          />
        </TableToolbar>
        {shown.length === 0 ? (
          <NoMatch />
        ) : (
          <DataTable
            data={shown}
            columns={columns}
            getRowId={(row) => `${row.client_id}-${row.currency}`}
            sorting={sorting}
            onSortingChange={setSorting}
            footer={footer}
            cardsBelow={false}
            minWidth={820}
            testId="aging"
          />
        )}
      </Stack>
    </ListFrame>
  );
}
