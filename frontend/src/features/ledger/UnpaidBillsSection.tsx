/**
 * Unpaid bills of the whole practice, oldest first: whose, issued when, total, paid, owed. The API's bills carry
 * the client's id only; names come from the aging (everyone who owes) and, for the few it lacks, the client.
 */
import { Anchor, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAging, useUnpaidBills } from '../../api/queries/ledger';
import { $api } from '../../api/query';
import type { Bill } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { ListFrame } from '../../components/ListFrame';
import { useClientWords } from '../clients/clientWords';
import { clientDisplayName } from '../clients/format';
import { BillStatusBadge, useBillTitle } from './ClientBillsTab';
import { useFormatDate, useFormatMoney } from './ledgerForms';
import { owedOf } from './ledgerMath';

const column = createColumnHelper<Bill>();
const NAME_STALE_MS = 5 * 60_000;

/** Client id → display name, for the clients of `ids`. */
function useClientNames(ids: readonly string[]): Map<string, string> {
  const aging = useAging();
  const names = new Map<string, string>();
  for (const row of aging.data ?? []) {
    names.set(row.client_id, clientDisplayName({ first_name: row.first_name, last_name: row.last_name, preferred_name: null }));
  }
  const missing = aging.isPending ? [] : [...new Set(ids)].filter((id) => !names.has(id));
  const clients = useQueries({
    queries: missing.map((id) =>
      $api.queryOptions('get', '/api/v1/clients/{client_id}', { params: { path: { client_id: id } } }, { staleTime: NAME_STALE_MS }),
    ),
  });
  for (const result of clients) if (result.data) names.set(result.data.id, clientDisplayName(result.data));
  return names;
}

export function UnpaidBillsSection() {
  const { t } = useTranslation();
  const words = useClientWords();
  const { query, items } = useUnpaidBills();
  const names = useClientNames(items.map((bill) => bill.client_id));
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const billTitle = useBillTitle();

  const columns = [
    column.accessor((bill) => names.get(bill.client_id) ?? '', {
      id: 'client',
      header: t('ledger.unpaid.columns.client', words),
      enableHiding: false,
      // Read from `names` itself: the table caches accessor values per row, and names arrive after the rows.
      cell: ({ row: { original: bill } }) => (
        <Anchor component={Link} to={`/clients/${bill.client_id}/bills`} size="sm" fw={600}>
          {names.get(bill.client_id) ?? '…'}
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
      cell: ({ row: { original: bill } }) => (
        <Text size="sm">
          {billTitle(bill)} <BillStatusBadge status={bill.status} />
        </Text>
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
