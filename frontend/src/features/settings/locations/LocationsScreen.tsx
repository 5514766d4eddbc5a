/** Locations (with place-of-service code: virtual or on-site) and their rooms. */
import { Badge, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocationRecord } from '../../../api/types';
import { useDeleteLocation, useLocations, useUpdateLocation } from '../../../api/queries/locations';
import { ListScreen } from '../ui/ListScreen';
import { RowActions } from '../ui/RowActions';
import { useRecordActions } from '../ui/useRecordActions';
import { LocationForm } from './LocationForm';
import { RoomsDrawer } from './RoomsDrawer';
import { usePosLabel } from './usePosLabel';
import { TruncatedText } from '../../../components/TruncatedText';

export default function LocationsScreen() {
  const { t } = useTranslation();
  const posLabel = usePosLabel();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<LocationRecord | 'new' | null>(null);
  const [roomsOf, setRoomsOf] = useState<LocationRecord | null>(null);
  const { query, items } = useLocations({ includeInactive: showInactive });
  const actions = useRecordActions({
    pathOf: (location: LocationRecord) => ({ record_id: location.id }),
    name: (location) => location.name,
    update: useUpdateLocation(),
    remove: useDeleteLocation(),
    deactivateBody: t('settings.locations.deactivateBody'),
    deleteBody: t('settings.locations.deleteBody'),
  });

  return (
    <ListScreen
      section="locations"
      onNew={() => setEditing('new')}
      showInactive={showInactive}
      onShowInactiveChange={setShowInactive}
      query={query}
      items={items}
      isActive={(location) => location.active}
      columns={[
        {
          id: 'name',
          sortValue: (location) => location.name,
          header: t('settings.locations.name'),
          cell: (location) => (
            <>
              <TruncatedText text={location.name} fw={600} />
              {location.address ? (
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {location.address}
                </Text>
              ) : null}
            </>
          ),
        },
        {
          id: 'pos',
          sortValue: (location) => location.pos_code,
          header: t('settings.locations.pos'),
          cell: (location) => (
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {location.pos_code} · {posLabel(location.pos_code)}
              </Text>
              <Badge variant="light" color={location.virtual ? 'indigo' : 'gray'} style={{ minWidth: 'max-content' }}>
                {location.virtual ? t('settings.locations.virtual') : t('settings.locations.onSite')}
              </Badge>
            </Group>
          ),
        },
      ]}
      actions={(location) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => setRoomsOf(location)}
            aria-label={t('settings.locations.roomsOf', { name: location.name })}
          >
            {t('settings.locations.rooms')}
          </Button>
          <RowActions name={location.name} onEdit={() => setEditing(location)} actions={actions.rowActions(location)} />
        </Group>
      )}
    >
      {editing !== null ? (
        <LocationForm
          key={editing === 'new' ? 'new' : editing.id}
          location={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <RoomsDrawer location={roomsOf} onClose={() => setRoomsOf(null)} />
      {actions.dialogs}
    </ListScreen>
  );
}
