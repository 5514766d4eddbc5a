/**
 * The practice's entries between two days (by effective date), a page at a time, and the same as CSV. Kind,
 * payment method, currency and name narrow the rows; sorting and those filters see the pages loaded so far
 * (the screen says so while the server has more), while the CSV holds every matching entry of the range.
 */
import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadEntries, useLedgerEntries } from '../../api/queries/ledger';
import { usePractice } from '../../api/queries/practice';
import type { PracticeEntry } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { DateField, useDateCheck } from '../../components/DateField';
import { ListFrame } from '../../components/ListFrame';
import { isIsoDate } from '../../lib/dates';
import { useClientWords } from '../clients/clientWords';
import { clientDisplayName } from '../clients/format';
import { useToday } from '../clients/useToday';
import { useFormatDate, useFormatMoney } from './ledgerForms';
import { useDescribeEntry } from './ledgerWords';
import { EntryFilterInputs } from './LedgerFilterInputs';
import { NO_ENTRY_FILTERS, byCurrencyThenAmount, byFoldedText, entriesCsvQuery, filterEntries, type EntryFilters } from './tableFilters';
import { NoMatch, TableToolbar } from './TableToolbar';

const column = createColumnHelper<PracticeEntry>();

export function EntriesSection() {
  const { t } = useTranslation();
  const words = useClientWords();
  const today = useToday();
  const [from, setFrom] = useState<string | null>(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState<string | null>(today);
  const [filters, setFilters] = useState<EntryFilters>(NO_ENTRY_FILTERS);
  const [sorting, setSorting] = useState<SortingState>([]);
  const practice = usePractice();
  const checkDate = useDateCheck();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const readable = isIsoDate(from) && isIsoDate(to);
  const badRange = readable && to < from;
  const ready = readable && !badRange;
  const { query, items } = useLedgerEntries(ready ? from : today, ready ? to : today, ready);
  const describe = useDescribeEntry(items);
  const shown = filterEntries(items, filters);
  const filtered = filters.q.trim() !== '' || filters.kind !== null || filters.method !== null || filters.currency !== null;
  const byAmount = byCurrencyThenAmount<PracticeEntry>(sorting[0]?.desc ?? false);

  const columns = [
    column.accessor('effective_date', {
      header: t('ledger.entries.columns.date'),
      meta: { nowrap: true },
      cell: ({ getValue }) => formatDate(getValue()),
    }),
    column.accessor((entry) => clientDisplayName({ first_name: entry.client_first_name, last_name: entry.client_last_name, preferred_name: null }), {
      id: 'client',
      header: t('ledger.entries.columns.client', words),
      sortingFn: byFoldedText,
      cell: ({ row: { original: entry }, getValue }) => (
        <Anchor component={Link} to={`/clients/${entry.client_id}/ledger`} size="sm">
          {getValue()}
        </Anchor>
      ),
    }),
    column.accessor((entry) => describe(entry).title, {
      id: 'description',
      header: t('ledger.entries.columns.description'),
      cell: ({ row: { original: entry } }) => {
        const { title, detail } = describe(entry);
        return (
          <Stack gap={0}>
            <Text size="sm">{title}</Text>
            {detail ? (
              <Text size="xs" c="dimmed">
                {detail}
              </Text>
            ) : null}
          </Stack>
        );
      },
    }),
    column.accessor((entry) => entry.reference ?? '', {
      id: 'reference',
      header: t('ledger.entries.columns.reference'),
    }),
    column.accessor((entry) => Math.max(0, entry.delta_minor), {
      id: 'charges',
      header: t('ledger.entries.columns.charges'),
      sortingFn: byAmount,
      meta: { align: 'right', nowrap: true },
      cell: ({ row: { original: entry } }) => (entry.delta_minor > 0 ? formatMoney(entry.delta_minor, entry.currency) : null),
    }),
    column.accessor((entry) => Math.max(0, -entry.delta_minor), {
      id: 'credits',
      header: t('ledger.entries.columns.credits'),
      sortingFn: byAmount,
      meta: { align: 'right', nowrap: true },
      cell: ({ row: { original: entry } }) => (entry.delta_minor < 0 ? formatMoney(-entry.delta_minor, entry.currency) : null),
    }),
  ];

  return (
    <Stack gap="md">
      <Group align="flex-start" gap="sm">
        <DateField label={t('ledger.entries.from')} value={from} onChange={setFrom} maxDate={today} error={checkDate(from)} w={250} />
        <DateField label={t('ledger.entries.to')} value={to} onChange={setTo} maxDate={today} error={checkDate(to)} w={250} />
      </Group>
      {badRange ? (
        <Alert color="yellow" variant="light" role="status">
          {t('ledger.entries.badRange')}
        </Alert>
      ) : (
        <ListFrame
          query={query}
          isEmpty={items.length === 0}
          loadFailed={t('ledger.entries.loadFailed')}
          emptyTitle={t('ledger.entries.empty')}
        >
          <Stack gap="sm" p="sm">
            <TableToolbar
              onExport={() => downloadEntries(entriesCsvQuery(from ?? today, to ?? today, filters))}
              exportDisabled={!ready}
              shown={shown.length}
              total={items.length}
              loadedOnly={query.hasNextPage ? items.length : null}
              onClear={filtered ? () => setFilters(NO_ENTRY_FILTERS) : null}
            >
              <EntryFilterInputs filters={filters} onChange={setFilters} currencies={practice.data?.currencies ?? []} rows={items} />
            </TableToolbar>
            {shown.length === 0 ? (
              <NoMatch />
            ) : (
              <DataTable
                data={shown}
                columns={columns}
                getRowId={(entry) => entry.id}
                sorting={sorting}
                onSortingChange={setSorting}
                testId="ledger-entries"
                minWidth={720}
              />
            )}
          </Stack>
        </ListFrame>
      )}
    </Stack>
  );
}
