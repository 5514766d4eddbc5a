import { Anchor, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Client } from '../../api/types';
import { BalanceChips } from './BalanceChips';
import { ClientStatusBadge } from './ClientStatusBadge';
import { clientDisplayName, clientLegalName } from './format';
import { PractitionerList } from './PractitionerList';

const SKELETON_ROWS = 8;
const COLUMNS = ['name', 'phone', 'email', 'practitioners', 'programs', 'sessions', 'balance'] as const;

interface ClientTableProps {
  clients: Client[];
  /** First load: skeleton rows. */
  loading: boolean;
  /** Showing the previous results while a new search loads. */
  stale: boolean;
}

/** Clients as table rows; the name is a link (keyboard), and a click anywhere on the row opens the client. */
export function ClientTable({ clients, loading, stale }: ClientTableProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  function openRow(event: MouseEvent<HTMLTableRowElement>, clientId: string) {
    // The name link navigates by itself (and supports opening in a new tab).
    if ((event.target as HTMLElement).closest('a, button')) return;
    navigate(`/clients/${clientId}`);
  }

  return (
    <Paper p={0}>
      <Table.ScrollContainer minWidth={960}>
        <Table
          highlightOnHover={!loading}
          verticalSpacing="xs"
          aria-busy={loading || stale}
          opacity={stale ? 0.6 : 1}
          data-testid="clients-table"
        >
          <Table.Thead>
            <Table.Tr>
              {COLUMNS.map((column) => (
                <Table.Th key={column} ta={column === 'sessions' ? 'right' : undefined}>
                  {t(`clients.list.columns.${column}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loading
              ? Array.from({ length: SKELETON_ROWS }, (_, row) => (
                  <Table.Tr key={row}>
                    {COLUMNS.map((column) => (
                      <Table.Td key={column}>
                        <Skeleton height={14} radius="sm" width={column === 'name' ? '80%' : '60%'} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))
              : clients.map((client) => {
                  const legalName = clientLegalName(client);
                  return (
                    <Table.Tr key={client.id} onClick={(event) => openRow(event, client.id)} style={{ cursor: 'pointer' }}>
                      <Table.Td>
                        <Stack gap={0}>
                          <Anchor component={Link} to={`/clients/${client.id}`} fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {clientDisplayName(client)}
                          </Anchor>
                          {legalName ? (
                            <Text size="xs" c="dimmed">
                              {legalName}
                            </Text>
                          ) : null}
                          {client.status !== 'active' ? <ClientStatusBadge status={client.status} size="xs" /> : null}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {client.phone}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" truncate="end" maw={200} title={client.email ?? undefined}>
                          {client.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <PractitionerList practitioners={client.practitioners} size="xs" />
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{client.current_programs.map((program) => program.name).join(', ')}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm">{client.sessions_attended}</Text>
                      </Table.Td>
                      <Table.Td>
                        {client.balances.length > 0 ? <BalanceChips balances={client.balances} size="sm" /> : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
