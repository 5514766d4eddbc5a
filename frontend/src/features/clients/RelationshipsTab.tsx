/** The client's relationships (as stored for this client's side), with add, edit and remove. */
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { ApiError } from '../../api/problem';
import type { Client, Relationship } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useProblemText } from '../../i18n/problemText';
import { DataTable } from '../../components/DataTable';
import { TruncatedText } from '../../components/TruncatedText';
import { ConflictDialog } from '../../components/ConflictDialog';
import { ListFrame } from '../../components/ListFrame';
import { useRelationships, useRemoveRelationship } from '../../api/queries/relationships';
import { formatPhone } from '../../lib/phones';
import { clientDisplayName } from './format';
import { RelationshipDialog } from './RelationshipDialog';
import { useClientWords } from './clientWords';
import { readRegistered } from './registered';
import { activeFlags, sortRelationships } from './relationships';

const column = createColumnHelper<Relationship>();

type Editing = { mode: 'add'; guardian?: boolean } | { mode: 'edit'; relationship: Relationship } | null;

export function RelationshipsTab({ client }: { client: Client }) {
  const { t } = useTranslation();
  const words = useClientWords();
  const relationships = useRelationships(client.id);
  const remove = useRemoveRelationship();
  const describe = useProblemText();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Relationship | null>(null);
  const [conflict, setConflict] = useState<{ error: ApiError; existing: Relationship | null } | null>(null);
  // A minor just registered: offer to add the guardian (parent/guardian, legal guardian) right away.
  const location = useLocation();
  const [guardianPrompt, setGuardianPrompt] = useState(() => readRegistered(location.state)?.promptGuardian === true);

  const rows = sortRelationships(relationships.data ?? [], (r) => clientDisplayName(r.related_client));
  const clientName = clientDisplayName(client);

  const columns = [
    column.accessor((relationship) => clientDisplayName(relationship.related_client), {
      id: 'client',
      header: t('clients.relationships.columns.client', words),
      enableHiding: false,
      cell: ({ row, getValue }) => (
        <TruncatedText
          text={getValue()}
          // Someone outside a clinician's caseload is shown by name only: no record to open.
          to={row.original.related_client.readable ? `/clients/${row.original.related_client.id}/relationships` : undefined}
          fw={600}
        />
      ),
    }),
    column.accessor((relationship) => t(`clients.relationships.types.${relationship.relationship_type}`), {
      id: 'type',
      header: t('clients.relationships.columns.type'),
      cell: ({ getValue }) => <Text size="sm">{getValue()}</Text>,
    }),
    column.display({
      id: 'flags',
      header: t('clients.relationships.columns.flags'),
      cell: ({ row }) => (
        <Group gap={4}>
          {activeFlags(row.original).map((flag) => (
            <Badge key={flag} variant="light" size="sm" tt="none">
              {t(`clients.relationships.flags.${flag}`)}
            </Badge>
          ))}
        </Group>
      ),
    }),
    column.accessor((relationship) => [formatPhone(relationship.related_client.phone), relationship.related_client.email].filter(Boolean).join(' · '), {
      id: 'contact',
      header: t('clients.relationships.columns.contact'),
      cell: ({ getValue }) => (getValue() ? <TruncatedText text={getValue()} /> : null),
    }),
    column.display({
      id: 'actions',
      header: t('clients.relationships.columns.actions'),
      enableHiding: false,
      meta: { align: 'right', fit: true },
      cell: ({ row: { original: relationship } }) => {
        const relatedName = clientDisplayName(relationship.related_client);
        return (
          <Group gap="xs" justify="flex-end" wrap="nowrap">
            <Button
              size="xs"
              variant="default"
              aria-label={t('clients.relationships.editAria', { related: relatedName })}
              onClick={() => setEditing({ mode: 'edit', relationship })}
            >
              {t('clients.relationships.edit')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              aria-label={t('clients.relationships.removeAria', { related: relatedName })}
              onClick={() => {
                remove.reset();
                setRemoving(relationship);
              }}
            >
              {t('clients.relationships.remove')}
            </Button>
          </Group>
        );
      },
    }),
  ];

  function confirmRemove() {
    if (!removing) return;
    remove.mutate({ params: { path: { client_id: client.id, relationship_id: removing.id } } }, {
      onSuccess: () => {
        setRemoving(null);
        notifications.show({ color: 'tend', message: t('clients.relationships.removed') });
      },
    });
  }

  return (
    <Stack gap="md">
      {guardianPrompt && rows.length === 0 ? (
        <Alert color="blue" variant="light" title={t('clients.detail.guardianTitle', { name: clientName })} data-testid="guardian-prompt">
          <Text size="sm" mb="xs">
            {t('clients.detail.guardianBody')}
          </Text>
          <Group gap="xs">
            <Button
              size="xs"
              autoFocus
              onClick={() => {
                setGuardianPrompt(false);
                setEditing({ mode: 'add', guardian: true });
              }}
            >
              {t('clients.detail.addGuardian')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setGuardianPrompt(false)}>
              {t('clients.detail.later')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button onClick={() => setEditing({ mode: 'add' })}>{t('clients.relationships.add')}</Button>
      </Group>

      <ListFrame
        query={relationships}
        isEmpty={rows.length === 0}
        loadFailed={t('clients.relationships.loadFailed')}
        emptyTitle={t('clients.relationships.empty')}
        skeletonRows={2}
      >
        <DataTable data={rows} columns={columns} getRowId={(row) => row.id} testId="relationships-table" />
      </ListFrame>

      {editing ? (
        <RelationshipDialog
          client={client}
          relationship={editing.mode === 'edit' ? editing.relationship : null}
          guardian={editing.mode === 'add' && editing.guardian === true}
          relatedIds={rows.map((relationship) => relationship.related_client.id)}
          onClose={() => setEditing(null)}
          onConflict={(error, relatedClientId) => {
            setEditing(null);
            setConflict({ error, existing: rows.find((r) => r.related_client.id === relatedClientId) ?? null });
          }}
        />
      ) : null}

      <ConflictDialog
        error={conflict?.error ?? null}
        onClose={() => setConflict(null)}
        action={
          conflict?.existing
            ? {
                label: t('clients.relationships.editExisting'),
                onClick: () => {
                  const existing = conflict.existing;
                  setConflict(null);
                  if (existing) setEditing({ mode: 'edit', relationship: existing });
                },
              }
            : undefined
        }
      />

      <ConfirmDialog
        request={
          removing
            ? {
                title: t('clients.relationships.removeTitle'),
                message: t('clients.relationships.removeBody', {
                  client: clientName,
                  related: clientDisplayName(removing.related_client),
                }),
                confirmLabel: t('clients.relationships.confirmRemove'),
                danger: true,
                onConfirm: confirmRemove,
              }
            : null
        }
        loading={remove.isPending}
        error={remove.isError ? describe(remove.error).message : null}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}
