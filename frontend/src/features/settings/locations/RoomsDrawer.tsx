/** The rooms of one location: add, rename, deactivate / reactivate, delete while unused. */
import { Button, Drawer, Group, Skeleton, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocationRecord, Room } from '../../../api/types';
import { ConflictDialog } from '../../../components/ConflictDialog';
import { activeFirst } from '../ui/activeFirst';
import { useCreateRoom, useDeleteRoom, useRooms, useUpdateRoom } from '../../../api/queries/locations';
import { useApiErrorFeedback } from '../../../components/apiErrors';
import { LoadError } from '../../../components/LoadError';
import { RowActions } from '../ui/RowActions';
import { StatusBadge } from '../ui/StatusBadge';
import { FIT } from '../../../components/tableStyles';
import { useRecordActions } from '../ui/useRecordActions';

function RoomNameForm({
  initial,
  submitLabel,
  loading,
  error,
  onSubmit,
  onCancel,
  autoFocus,
}: {
  initial: string;
  submitLabel: string;
  loading: boolean;
  error: string | null;
  onSubmit: (name: string) => void;
  onCancel?: () => void;
  /** Focus the name box on mount: the add form is remounted empty after each room, ready for the next. */
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  const [localError, setLocalError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() === '') {
          setLocalError(t('common.required'));
          return;
        }
        setLocalError(null);
        onSubmit(name.trim());
      }}
    >
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          size="sm"
          aria-label={t('settings.locations.roomName')}
          placeholder={t('settings.locations.roomNamePlaceholder')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={localError ?? error}
          data-autofocus
          autoFocus={autoFocus}
        />
        <Button type="submit" size="sm" loading={loading}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button size="sm" variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </Group>
    </form>
  );
}

export function RoomsDrawer({ location, onClose }: { location: LocationRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const rooms = useRooms(location?.id ?? null);
  const create = useCreateRoom();
  const update = useUpdateRoom();
  const remove = useDeleteRoom();
  const addFeedback = useApiErrorFeedback();
  const renameFeedback = useApiErrorFeedback();
  const lifecycle = useRecordActions({
    pathOf: (room: Room) => ({ record_id: room.id }),
    name: (room) => room.name,
    update,
    remove,
    deactivateBody: t('settings.locations.deactivateRoomBody'),
    deleteBody: t('settings.locations.deleteRoomBody'),
  });
  const actions = lifecycle.feedback;
  const [renaming, setRenaming] = useState<string | null>(null);
  const [addKey, setAddKey] = useState(0);
  const [addError, setAddError] = useState<string | null>(null);
  const [renameError, setRenameError] = useState<string | null>(null);

  return (
    <Drawer
      opened={location !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={location ? t('settings.locations.roomsTitle', { name: location.name }) : ''}
    >
      {location ? (
        <Stack gap="md">
          <RoomNameForm
            key={addKey}
            autoFocus={addKey > 0}
            initial=""
            submitLabel={t('settings.locations.addRoom')}
            loading={create.isPending}
            error={addError ?? addFeedback.general}
            onSubmit={(name) => {
              addFeedback.reset();
              setAddError(null);
              create.mutate(
                { body: { location_id: location.id, name } },
                {
                  onSuccess: () => {
                    actions.done(t('common.savedNamed', { name }));
                    setAddKey((key) => key + 1);
                  },
                  onError: (error) => addFeedback.handle(error, ['name'], (errors) => setAddError(errors.name ?? null)),
                },
              );
            }}
          />
          {rooms.isPending ? (
            <Stack gap="xs" aria-busy="true">
              <Skeleton height={28} />
              <Skeleton height={28} />
            </Stack>
          ) : rooms.error ? (
            <LoadError error={rooms.error} onRetry={() => void rooms.refetch()} />
          ) : rooms.data.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="empty-state">
              {t('settings.locations.noRooms')}
            </Text>
          ) : (
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.locations.roomName')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {activeFirst(rooms.data).map((room) =>
                  renaming === room.id ? (
                    <Table.Tr key={room.id}>
                      <Table.Td colSpan={3}>
                        <RoomNameForm
                          autoFocus
                          initial={room.name}
                          submitLabel={t('common.save')}
                          loading={update.isPending}
                          error={renameError ?? renameFeedback.general}
                          onCancel={() => setRenaming(null)}
                          onSubmit={(name) => {
                            renameFeedback.reset();
                            setRenameError(null);
                            update.mutate(
                              { params: { path: { record_id: room.id } }, body: { name } },
                              {
                                onSuccess: () => setRenaming(null),
                                onError: (error) =>
                                  renameFeedback.handle(error, ['name'], (errors) => setRenameError(errors.name ?? null)),
                              },
                            );
                          }}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ) : (
                    <Table.Tr key={room.id} c={room.active ? undefined : 'dimmed'}>
                      <Table.Td>{room.name}</Table.Td>
                      <Table.Td style={FIT}>
                        <StatusBadge active={room.active} />
                      </Table.Td>
                      <Table.Td style={FIT}>
                        <RowActions
                          name={room.name}
                          onEdit={() => {
                            renameFeedback.reset();
                            setRenameError(null);
                            setRenaming(room.id);
                          }}
                          actions={lifecycle.rowActions(room)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ),
                )}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      ) : null}
      {addFeedback.conflict ? <ConflictDialog error={addFeedback.conflict} onClose={addFeedback.closeConflict} /> : null}
      {renameFeedback.conflict ? <ConflictDialog error={renameFeedback.conflict} onClose={renameFeedback.closeConflict} /> : null}
      {lifecycle.dialogs}
    </Drawer>
  );
}
