/**
 * Unpaid bills of the whole practice, oldest first: whose, issued when, total, paid, owed (the API names each
 * bill's client). Name and currency narrow the rows; sorting and filters see the pages loaded so far (the screen
 * says so while the server has more), while the CSV holds every matching unpaid bill.
 */
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadUnpaidBills, useUnpaidBills } from '../../api/queries/ledger';
import { usePractice } from '../../api/queries/practice';
import type { UnpaidBill } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { ListFrame } from '../../components/ListFrame';
import { useClientWords } from '../clients/clientWords';
import { clientDisplayName } from '../clients/format';
import { BillStatusBadge, useBillTitle } from './ClientBillsTab';
import { useFormatDate, useFormatMoney } from './ledgerForms';
import { BillFilterInputs } from './LedgerFilterInputs';
import { owedOf } from './ledgerMath';
import { NO_BILL_FILTERS, byCurrencyThenAmount, byFoldedText, filterBills, unpaidBillsCsvQuery, type BillFilters } from './tableFilters';
import { NoMatch, TableToolbar } from './TableToolbar';

const column = createColumnHelper<UnpaidBill>();
function nameOf(bill: UnpaidBill): string {
  return clientDisplayName({ first_name: bill.client_first_name, last_name: bill.client_last_name, preferred_name: null });
}

export function UnpaidBillsSection() {
  const { t } = useTranslation();
  const words = useClientWords();
  const { query, items } = useUnpaidBills();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const billTitle = useBillTitle();
  const practice = usePractice();
  const [filters, setFilters] = useState<BillFilters>(NO_BILL_FILTERS);
  const [sorting, setSorting] = useState<SortingState>([]);
  const shown = filterBills(items, filters);
  const filtered = filters.q.trim() !== '' || filters.currency !== null;
  const byAmount = byCurrencyThenAmount<UnpaidBill>(sorting[0]?.desc ?? false);

  const columns = [
    column.accessor((bill) => nameOf(bill), {
      id: 'client',
      header: t('ledger.unpaid.columns.client', words),
      enableHiding: false,
      sortingFn: byFoldedText,
      // Read from `names` itself: the table caches accessor values per row, and names arrive after the rows.
      cell: ({ row: { original: bill } }) => (
        <Anchor component={Link} to={`/clients/${bill.client_id}/bills`} size="sm" fw={600}>
          {nameOf(bill)}
        </Anchor>
      ),
    }),
    column.accessor('issued_on', {
      header: t('ledger.unpaid.columns.issued'),
      meta: { nowrap: true },
      cell: ({ getValue }) => formatDate(getValue()),
    }),
    column.accessor((bill) => billTitle(bill), {
      id: 'bill',
      header: t('ledger.unpaid.columns.bill'),
      // Side by side, not the badge inside the text: a Badge is a <div>, which a <p> may not contain.
      cell: ({ row: { original: bill } }) => (
        <Group gap={6} wrap="wrap">
          <Text size="sm">{billTitle(bill)}</Text>
          <BillStatusBadge status={bill.status} />
        </Group>
      ),
    }),
    column.accessor('total_minor', {
      header: t('ledger.unpaid.columns.total'),
      sortingFn: byAmount,
      meta: { align: 'right', nowrap: true },
      cell: ({ row: { original: bill } }) => formatMoney(bill.total_minor, bill.currency),
    }),
    column.accessor('paid_minor', {
      header: t('ledger.unpaid.columns.paid'),
      sortingFn: byAmount,
      meta: { align: 'right', nowrap: true },
      cell: ({ row: { original: bill } }) => formatMoney(bill.paid_minor, bill.currency),
    }),
    column.accessor((bill) => owedOf(bill), {
      id: 'owed',
      header: t('ledger.unpaid.columns.owed'),
      sortingFn: byAmount,
      meta: { align: 'right', nowrap: true },
      cell: ({ row: { original: bill } }) => (
        <Text size="sm" fw={600}>
          {formatMoney(owedOf(bill), bill.currency)}
        </Text>
      ),
    }),
  ];

  return (
    <ListFrame query={query} isEmpty={items.length === 0} loadFailed={t('ledger.unpaid.loadFailed')} emptyTitle={t('ledger.unpaid.empty')}>
      <Stack gap="sm" p="sm">
        <TableToolbar
          onExport={() => downloadUnpaidBills(unpaidBillsCsvQuery(filters))}
          shown={shown.length}
          total={items.length}
          loadedOnly={query.hasNextPage ? items.length : null}
          onClear={filtered ? () => setFilters(NO_BILL_FILTERS) : null}
        >
          <BillFilterInputs filters={filters} onChange={setFilters} currencies={practice.data?.currencies ?? []} rows={items} />
        </TableToolbar>
        {shown.length === 0 ? (
          <NoMatch />
        ) : (
          <DataTable
            data={shown}
            columns={columns}
            getRowId={(bill) => bill.id}
            sorting={sorting}
            onSortingChange={setSorting}
            testId="unpaid-bills"
            minWidth={640}
          />
        )}
      </Stack>
    </ListFrame>
  );
}
