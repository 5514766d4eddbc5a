/** Whose calendar and which room: practitioners (each with their colour; none chosen is everyone), a room, and
 * whether cancelled appointments show. */
import { Group, MultiSelect, Select, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PractitionerSwatch } from './PractitionerSwatch';
import type { SchedulingReference } from './useSchedulingReference';

interface CalendarFiltersProps {
  reference: SchedulingReference;
  practitionerIds: string[];
  roomId: string | null;
  showCancelled: boolean;
  onPractitioners: (ids: string[]) => void;
  onRoom: (roomId: string | null) => void;
  onShowCancelled: (show: boolean) => void;
}

export function CalendarFilters({
  reference,
  practitionerIds,
  roomId,
  showCancelled,
  onPractitioners,
  onRoom,
  onShowCancelled,
}: CalendarFiltersProps) {
  const { t } = useTranslation();
  const colorOf = (id: string) => reference.practitioners.get(id)?.color;
  const rooms = reference.activeRooms.map((room) => ({
    value: room.id,
    label: t('calendar.filters.roomOption', { room: room.name, location: reference.locations.get(room.location_id)?.name ?? '' }),
  }));
  return (
    <Group gap="sm" wrap="wrap" align="center">
      <MultiSelect
        aria-label={t('calendar.filters.practitioners')}
        placeholder={practitionerIds.length === 0 ? t('calendar.filters.allPractitioners') : undefined}
        data={reference.activePractitioners.map((item) => ({ value: item.id, label: item.name }))}
        value={practitionerIds}
        onChange={onPractitioners}
        searchable
        clearable
        w={420}
        maxValues={12}
        renderOption={({ option }) => (
          <Group gap="xs" wrap="nowrap">
            <PractitionerSwatch color={colorOf(option.value)} />
            <span>{option.label}</span>
          </Group>
        )}
        comboboxProps={{ withinPortal: true }}
        data-testid="practitioner-filter"
      />
      {rooms.length > 0 ? (
        <Select
          aria-label={t('calendar.filters.room')}
          placeholder={t('calendar.filters.allRooms')}
          data={rooms}
          value={roomId}
          onChange={onRoom}
          clearable
          w={260}
          comboboxProps={{ withinPortal: true }}
        />
      ) : null}
      <Switch
        label={t('calendar.filters.showCancelled')}
        checked={showCancelled}
        onChange={(event) => onShowCancelled(event.currentTarget.checked)}
      />
    </Group>
  );
}
