import { Paper, Stack, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, type MouseEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Client } from '../../api/types';
import { DataTable, type DataTableNavigation } from '../../components/DataTable';
import { TruncatedText } from '../../components/TruncatedText';
import { formatPhone } from '../../lib/phones';
import { BalanceChips } from './BalanceChips';
import { ClientStatusBadge } from './ClientStatusBadge';
import { clientDisplayName, clientLegalName } from './format';
import { PractitionerList } from './PractitionerList';

const SKELETON_ROWS = 8;
// Past these widths long names, e-mails and program lists are cut (the tooltip shows them whole). They leave the
// balance its room at 1280 px: money is never cut, and a table wider than the screen hides it off to the right.
const NAME_WIDTH = 200;
const EMAIL_WIDTH = 140;
const PROGRAMS_WIDTH = 110;

interface ClientTableProps {
  clients: Client[];
  /** First load: skeleton rows. */
  loading: boolean;
  /** Showing the previous results while a new search loads. */
  stale: boolean;
  /** Enter on a row focused with the arrow keys. */
  onOpen?: (client: Client) => void;
  /** ↑ from the first row or Escape: back to the search box. */
  onExit?: () => void;
  navigationRef?: Ref<DataTableNavigation>;
}

const column = createColumnHelper<Client>();

/** Clients as table rows; the name is a link (keyboard), and a click anywhere on the row opens the client. */
export function ClientTable({ clients, loading, stale, onOpen, onExit, navigationRef }: ClientTableProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  const columns = useMemo(
    () => [
      column.accessor((client) => clientDisplayName(client), {
        id: 'name',
        header: t('clients.list.columns.name'),
        enableHiding: false,
        cell: ({ row: { original: client }, getValue }) => {
          const legalName = clientLegalName(client);
          return (
            <Stack gap={0}>
              <TruncatedText text={getValue()} to={`/clients/${client.id}`} fw={600} maxWidth={NAME_WIDTH} />
              {legalName ? <TruncatedText text={legalName} size="xs" c="dimmed" maxWidth={NAME_WIDTH} /> : null}
              {client.status !== 'active' ? <ClientStatusBadge status={client.status} size="xs" /> : null}
            </Stack>
          );
        },
      }),
      column.accessor((client) => formatPhone(client.phone), {
        id: 'phone',
        header: t('clients.list.columns.phone'),
        cell: ({ getValue }) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {getValue()}
          </Text>
        ),
      }),
      column.accessor((client) => client.email ?? '', {
        id: 'email',
        header: t('clients.list.columns.email'),
        cell: ({ getValue }) => (getValue() ? <TruncatedText text={getValue()} maxWidth={EMAIL_WIDTH} /> : null),
      }),
      column.accessor((client) => client.practitioners.map((practitioner) => practitioner.name).join(', '), {
        id: 'practitioners',
        header: t('clients.list.columns.practitioners'),
        cell: ({ row }) => <PractitionerList practitioners={row.original.practitioners} size="xs" />,
      }),
      column.accessor((client) => client.current_programs.map((program) => program.name).join(', '), {
        id: 'programs',
        header: t('clients.list.columns.programs'),
        cell: ({ getValue }) => (getValue() ? <TruncatedText text={getValue()} size="xs" maxWidth={PROGRAMS_WIDTH} /> : null),
      }),
      column.accessor('sessions_attended', {
        header: t('clients.list.columns.sessions'),
        meta: { align: 'right' },
        cell: ({ getValue }) => <Text size="sm">{getValue()}</Text>,
      }),
      column.display({
        id: 'balance',
        header: t('clients.list.columns.balance'),
        cell: ({ row }) =>
          row.original.balances.length > 0 ? <BalanceChips balances={row.original.balances} size="sm" /> : null,
      }),
    ],
    [t],
  );

  function openRow(event: MouseEvent<HTMLTableRowElement>, clientId: string) {
    // The name link navigates by itself (and supports opening in a new tab).
    if ((event.target as HTMLElement).closest('a, button')) return;
    navigate(`/clients/${clientId}`);
  }

  return (
    <Paper p={0}>
      <DataTable
        data={clients}
        columns={columns}
        getRowId={(client) => client.id}
        loadingRows={loading ? SKELETON_ROWS : 0}
        stale={stale}
        minWidth={960}
        testId="clients-table"
        onRowOpen={onOpen}
        onExit={onExit}
        navigationRef={navigationRef}
        rowProps={(client) => ({ onClick: (event) => openRow(event, client.id), style: { cursor: 'pointer' } })}
      />
    </Paper>
  );
}
