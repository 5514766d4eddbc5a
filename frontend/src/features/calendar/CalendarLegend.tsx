/** Whose colour is whose: the practitioners shown (those chosen in the filter, else every active one), each with
 * their calendar colour and name, so a block's colour can be read without opening it. */
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PractitionerRecord } from '../../api/types';
import { PractitionerSwatch } from './PractitionerSwatch';
import type { SchedulingReference } from './useSchedulingReference';

/** The practitioners the calendar shows: the chosen ones in the filter's order, or every active one. */
export function shownPractitioners(reference: SchedulingReference, practitionerIds: readonly string[]): PractitionerRecord[] {
  if (practitionerIds.length === 0) return reference.activePractitioners;
  return practitionerIds.flatMap((id) => {
    const practitioner = reference.practitioners.get(id);
    return practitioner ? [practitioner] : [];
  });
}

export function CalendarLegend({ practitioners }: { practitioners: readonly PractitionerRecord[] }) {
  const { t } = useTranslation();
  if (practitioners.length === 0) return null;
  return (
    <Group gap="md" wrap="wrap" component="ul" aria-label={t('calendar.board.legend')} data-testid="calendar-legend" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {practitioners.map((practitioner) => (
        <Group key={practitioner.id} gap={6} wrap="nowrap" component="li">
          <PractitionerSwatch color={practitioner.color} />
          <Text size="sm">{practitioner.name}</Text>
        </Group>
      ))}
    </Group>
  );
}
