/** Locations (with place-of-service code: virtual or on-site) and their rooms. */
import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocationRecord } from '../../../api/types';
import { activeFirst } from '../api/cursorList';
import { useDeleteLocation, useLocations, useUpdateLocation } from '../api/locations';
import { ConfirmDialog, type ConfirmRequest } from '../ui/ConfirmDialog';
import { ListBody } from '../ui/ListBody';
import { RowActions } from '../ui/RowActions';
import { SectionHeader } from '../ui/SectionHeader';
import { ShowInactiveSwitch } from '../ui/ShowInactiveSwitch';
import { StatusBadge } from '../ui/StatusBadge';
import { FIT } from '../ui/tableStyles';
import { useActionFeedback } from '../ui/useActionFeedback';
import { LocationForm } from './LocationForm';
import { RoomsDrawer } from './RoomsDrawer';
import { usePosLabel } from './usePosLabel';

export default function LocationsScreen() {
  const { t } = useTranslation();
  const posLabel = usePosLabel();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<LocationRecord | 'new' | null>(null);
  const [roomsOf, setRoomsOf] = useState<LocationRecord | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const { query, items } = useLocations(showInactive);
  const update = useUpdateLocation();
  const remove = useDeleteLocation();
  const feedback = useActionFeedback();

  const setActive = (location: LocationRecord, active: boolean) =>
    update.mutate(
      { id: location.id, changes: { active } },
      {
        onSuccess: () =>
          feedback.done(
            t(active ? 'settings.common.reactivatedNamed' : 'settings.common.deactivatedNamed', { name: location.name }),
          ),
        onError: (error) => feedback.report(error),
        onSettled: () => setConfirm(null),
      },
    );

  const askDelete = (location: LocationRecord) =>
    setConfirm({
      title: t('settings.common.deleteTitle', { name: location.name }),
      message: t('settings.locations.deleteBody'),
      confirmLabel: t('settings.common.delete'),
      danger: true,
      onConfirm: () =>
        remove.mutate(location.id, {
          onSuccess: () => feedback.done(t('settings.common.deletedNamed', { name: location.name })),
          onError: (error) =>
            feedback.report(error, {
              label: t('settings.common.deactivateInstead'),
              onClick: () => setActive(location, false),
            }),
          onSettled: () => setConfirm(null),
        }),
    });

  const newButton = <Button onClick={() => setEditing('new')}>{t('settings.locations.new')}</Button>;

  return (
    <Stack gap="md">
      <SectionHeader
        title={t('settings.locations.title')}
        description={t('settings.locations.description')}
        actions={
          <>
            <ShowInactiveSwitch checked={showInactive} onChange={setShowInactive} />
            {newButton}
          </>
        }
      />
      <ListBody
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        isEmpty={items.length === 0}
        emptyTitle={t('settings.locations.emptyTitle')}
        emptyHint={t('settings.locations.emptyHint')}
        emptyAction={newButton}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
      >
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.locations.name')}</Table.Th>
              <Table.Th>{t('settings.locations.pos')}</Table.Th>
              <Table.Th>{t('settings.common.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('settings.common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {activeFirst(items).map((location) => (
              <Table.Tr key={location.id} c={location.active ? undefined : 'dimmed'}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {location.name}
                  </Text>
                  {location.address ? (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {location.address}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {location.pos_code} · {posLabel(location.pos_code)}
                    </Text>
                    <Badge variant="light" color={location.virtual ? 'indigo' : 'gray'} style={{ minWidth: 'max-content' }}>
                      {location.virtual ? t('settings.locations.virtual') : t('settings.locations.onSite')}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td style={FIT}>
                  <StatusBadge active={location.active} />
                </Table.Td>
                <Table.Td style={FIT}>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => setRoomsOf(location)}
                      aria-label={t('settings.locations.roomsOf', { name: location.name })}
                    >
                      {t('settings.locations.rooms')}
                    </Button>
                    <RowActions
                      name={location.name}
                      onEdit={() => setEditing(location)}
                      actions={[
                        location.active
                          ? {
                              label: t('settings.common.deactivate'),
                              onClick: () =>
                                setConfirm({
                                  title: t('settings.common.deactivateTitle', { name: location.name }),
                                  message: t('settings.locations.deactivateBody'),
                                  confirmLabel: t('settings.common.deactivate'),
                                  danger: true,
                                  onConfirm: () => setActive(location, false),
                                }),
                            }
                          : { label: t('settings.common.reactivate'), onClick: () => setActive(location, true) },
                        { label: t('settings.common.delete'), danger: true, onClick: () => askDelete(location) },
                      ]}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ListBody>

      {editing !== null ? (
        <LocationForm
          key={editing === 'new' ? 'new' : editing.id}
          location={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <RoomsDrawer location={roomsOf} onClose={() => setRoomsOf(null)} />
      <ConfirmDialog request={confirm} loading={update.isPending || remove.isPending} onClose={() => setConfirm(null)} />
      {feedback.dialog}
    </Stack>
  );
}
