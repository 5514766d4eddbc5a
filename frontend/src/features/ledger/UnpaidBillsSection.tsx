/**
 * Unpaid bills of the whole practice, oldest first: whose, issued when, total, paid, owed (the API names each
 * bill's client).
 */
import { Anchor, Group, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnpaidBills } from '../../api/queries/ledger';
import type { UnpaidBill } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { ListFrame } from '../../components/ListFrame';
import { useClientWords } from '../clients/clientWords';
import { clientDisplayName } from '../clients/format';
import { BillStatusBadge, useBillTitle } from './ClientBillsTab';
import { useFormatDate, useFormatMoney } from './ledgerForms';
import { owedOf } from './ledgerMath';

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

  const columns = [
    column.accessor((bill) => nameOf(bill), {
      id: 'client',
      header: t('ledger.unpaid.columns.client', words),
      enableHiding: false,
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
      meta: { align: 'right', nowrap: true },
      cell: ({ row: { original: bill } }) => formatMoney(bill.total_minor, bill.currency),
    }),
    column.accessor('paid_minor', {
      header: t('ledger.unpaid.columns.paid'),
      meta: { align: 'right', nowrap: true },
      cell: ({ row: { original: bill } }) => formatMoney(bill.paid_minor, bill.currency),
    }),
    column.accessor((bill) => owedOf(bill), {
      id: 'owed',
      header: t('ledger.unpaid.columns.owed'),
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
      <DataTable data={items} columns={columns} getRowId={(bill) => bill.id} testId="unpaid-bills" minWidth={640} />
    </ListFrame>
  );
}
