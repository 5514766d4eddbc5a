/** The client's relationships (as stored for this client's side), with add, edit and remove. */
import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiError } from '../../api/problem';
import type { Client, Relationship } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ConflictDialog } from '../../components/ConflictDialog';
import { ListFrame } from '../../components/ListFrame';
import { useRelationships, useRemoveRelationship } from '../../api/queries/relationships';
import { clientDisplayName } from './format';
import { RelationshipDialog } from './RelationshipDialog';
import { activeFlags, sortRelationships } from './relationships';

type Editing = { mode: 'add' } | { mode: 'edit'; relationship: Relationship } | null;

export function RelationshipsTab({ client }: { client: Client }) {
  const { t } = useTranslation();
  const relationships = useRelationships(client.id);
  const remove = useRemoveRelationship();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Relationship | null>(null);
  const [conflict, setConflict] = useState<{ error: ApiError; existing: Relationship | null } | null>(null);

  const rows = sortRelationships(relationships.data ?? [], (r) => clientDisplayName(r.related_client));
  const clientName = clientDisplayName(client);

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
        <Table verticalSpacing="sm" data-testid="relationships-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clients.relationships.columns.client')}</Table.Th>
              <Table.Th>{t('clients.relationships.columns.type')}</Table.Th>
              <Table.Th>{t('clients.relationships.columns.flags')}</Table.Th>
              <Table.Th>{t('clients.relationships.columns.contact')}</Table.Th>
              <Table.Th ta="right">{t('clients.relationships.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
        {rows.map((relationship) => {
          const related = relationship.related_client;
          const relatedName = clientDisplayName(related);
          return (
            <Table.Tr key={relationship.id}>
              <Table.Td>
                <Anchor component={Link} to={`/clients/${related.id}/relationships`} fw={600} size="sm">
                  {relatedName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`clients.relationships.types.${relationship.relationship_type}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {activeFlags(relationship).map((flag) => (
                    <Badge key={flag} variant="light" size="sm" tt="none">
                      {t(`clients.relationships.flags.${flag}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{[related.phone, related.email].filter(Boolean).join(' · ')}</Text>
              </Table.Td>
              <Table.Td>
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
              </Table.Td>
            </Table.Tr>
          );
        })}
          </Table.Tbody>
        </Table>
      </ListFrame>

      {editing ? (
        <RelationshipDialog
          client={client}
          relationship={editing.mode === 'edit' ? editing.relationship : null}
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
        error={remove.isError ? (remove.error instanceof Error ? remove.error.message : t('errors.generic')) : null}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}
