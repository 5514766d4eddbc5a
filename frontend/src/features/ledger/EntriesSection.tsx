/** The practice's entries between two days (by effective date), a page at a time, and the same as CSV. */
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadEntries, useLedgerEntries } from '../../api/queries/ledger';
import type { PracticeEntry } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { DateField, useDateCheck } from '../../components/DateField';
import { ListFrame } from '../../components/ListFrame';
import { useProblemText } from '../../i18n/problemText';
import { isIsoDate } from '../../lib/dates';
import { useClientWords } from '../clients/clientWords';
import { clientDisplayName } from '../clients/format';
import { useToday } from '../clients/useToday';
import { useFormatDate, useFormatMoney } from './ledgerForms';
import { useDescribeEntry } from './ledgerWords';

const column = createColumnHelper<PracticeEntry>();

export function EntriesSection() {
  const { t } = useTranslation();
  const words = useClientWords();
  const today = useToday();
  const [from, setFrom] = useState<string | null>(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState<string | null>(today);
  const [downloading, setDownloading] = useState(false);
  const describeProblem = useProblemText();
  const checkDate = useDateCheck();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const readable = isIsoDate(from) && isIsoDate(to);
  const badRange = readable && to < from;
  const ready = readable && !badRange;
  const { query, items } = useLedgerEntries(ready ? from : today, ready ? to : today, ready);
  const describe = useDescribeEntry(items);

  async function download() {
    if (!ready) return;
    setDownloading(true);
    try {
      await downloadEntries(from, to);
    } catch (error) {
      notifications.show({ color: 'red', title: t('ledger.statement.downloadFailed'), message: describeProblem(error).message });
    } finally {
      setDownloading(false);
    }
  }

  const columns = [
    column.accessor('effective_date', {
      header: t('ledger.entries.columns.date'),
      meta: { nowrap: true },
      cell: ({ getValue }) => formatDate(getValue()),
    }),
    column.accessor((entry) => clientDisplayName({ first_name: entry.client_first_name, last_name: entry.client_last_name, preferred_name: null }), {
      id: 'client',
      header: t('ledger.entries.columns.client', words),
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
      meta: { align: 'right', nowrap: true },
      cell: ({ row: { original: entry } }) => (entry.delta_minor > 0 ? formatMoney(entry.delta_minor, entry.currency) : null),
    }),
    column.accessor((entry) => Math.max(0, -entry.delta_minor), {
      id: 'credits',
      header: t('ledger.entries.columns.credits'),
      meta: { align: 'right', nowrap: true },
      cell: ({ row: { original: entry } }) => (entry.delta_minor < 0 ? formatMoney(-entry.delta_minor, entry.currency) : null),
    }),
  ];

  return (
    <Stack gap="md">
      <Group align="flex-end" justify="space-between" gap="sm">
        <Group align="flex-start" gap="sm">
          <DateField label={t('ledger.entries.from')} value={from} onChange={setFrom} maxDate={today} error={checkDate(from)} w={250} />
          <DateField label={t('ledger.entries.to')} value={to} onChange={setTo} maxDate={today} error={checkDate(to)} w={250} />
        </Group>
        <Button variant="default" onClick={() => void download()} loading={downloading} disabled={!ready}>
          {t('ledger.entries.download')}
        </Button>
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
          <DataTable data={items} columns={columns} getRowId={(entry) => entry.id} testId="ledger-entries" minWidth={720} />
        </ListFrame>
      )}
    </Stack>
  );
}
