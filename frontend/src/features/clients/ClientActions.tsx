/**
 * What can be done to a whole record: delete one registered by mistake (a 409 when anything is attached, with
 * its next steps as buttons: set inactive, merge), and merge it with another record of the same person.
 */
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/problem';
import { useDeleteClient, useUpdateClient } from '../../api/queries/clients';
import type { Client } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ConflictDialog } from '../../components/ConflictDialog';
import { useProblemText } from '../../i18n/problemText';
import { useSession } from '../auth/useSession';
import type { PickedClient } from './ClientPicker';
import { useClientWords } from './clientWords';
import { clientDisplayName } from './format';
import { MergeDialog } from './MergeDialog';

interface ClientActionsProps {
  client: Client;
  /** Set from outside to open the merge flow (e.g. with a possible duplicate already picked). */
  mergeWith: { other: PickedClient | null } | null;
  onMergeWith: (request: { other: PickedClient | null } | null) => void;
}

export function ClientActions({ client, mergeWith, onMergeWith }: ClientActionsProps) {
  const { t } = useTranslation();
  const words = useClientWords();
  const navigate = useNavigate();
  const describe = useProblemText();
  const session = useSession();
  const remove = useDeleteClient();
  const update = useUpdateClient();
  const [confirming, setConfirming] = useState(false);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const name = clientDisplayName(client);
  // Clinicians may not delete records (the API answers 403): the action is not offered.
  const mayDelete = session.status === 'signed_in' && session.user.role !== 'clinician';

  function confirmDelete() {
    remove.mutate(
      { params: { path: { client_id: client.id } } },
      {
        onSuccess: () => {
          setConfirming(false);
          notifications.show({ color: 'tend', message: t('clients.detail.deleted', { name }) });
          navigate('/clients', { replace: true });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) {
            setConfirming(false);
            setConflict(error);
          }
        },
      },
    );
  }

  function setInactive() {
    setConflict(null);
    update.mutate(
      { params: { path: { client_id: client.id } }, body: { status: 'inactive' } },
      { onSuccess: () => notifications.show({ color: 'tend', message: t('clients.detail.nowInactive', { name }) }) },
    );
  }

  const hasRecords = conflict?.problem.code === 'conflict.client_has_records';

  return (
    <>
      <Group gap="xs" justify="flex-end">
        <Button variant="default" size="xs" onClick={() => onMergeWith({ other: null })}>
          {t('clients.detail.mergeWith')}
        </Button>
        {mayDelete ? (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            onClick={() => {
              remove.reset();
              setConfirming(true);
            }}
          >
            {t('clients.detail.delete')}
          </Button>
        ) : null}
      </Group>

      <ConfirmDialog
        request={
          confirming
            ? {
                title: t('clients.detail.deleteTitle', { name }),
                message: t('clients.detail.deleteBody', words),
                confirmLabel: t('clients.detail.confirmDelete'),
                danger: true,
                focusCancel: true,
                onConfirm: confirmDelete,
              }
            : null
        }
        loading={remove.isPending}
        error={remove.isError && !(remove.error instanceof ApiError && remove.error.status === 409) ? describe(remove.error).message : null}
        onClose={() => setConfirming(false)}
      />

      <ConflictDialog
        error={conflict}
        onClose={() => setConflict(null)}
        actions={
          hasRecords
            ? [
                ...(client.status === 'active' ? [{ label: t('clients.detail.setInactive'), onClick: setInactive }] : []),
                {
                  label: t('clients.detail.mergeWith'),
                  onClick: () => {
                    setConflict(null);
                    onMergeWith({ other: null });
                  },
                },
              ]
            : []
        }
      />

      {mergeWith ? <MergeDialog client={client} other={mergeWith.other} onClose={() => onMergeWith(null)} /> : null}
    </>
  );
}
