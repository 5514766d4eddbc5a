import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppointmentStatus } from '../../api/types';

const COLORS: Record<AppointmentStatus, string> = {
  scheduled: 'blue',
  attended: 'tend',
  no_show: 'red',
  late_cancelled: 'orange',
  cancelled: 'gray',
};

/** How an appointment ended (or that it is still to come), as a coloured word; "needs attendance" when owed. */
export function AppointmentStatusBadge({
  status,
  needsAttendance = false,
  size = 'sm',
}: {
  status: AppointmentStatus;
  needsAttendance?: boolean;
  size?: 'xs' | 'sm' | 'md';
}) {
  const { t } = useTranslation();
  if (needsAttendance) {
    return (
      <Badge color="yellow" variant="light" size={size} tt="none">
        {t('calendar.needsAttendance')}
      </Badge>
    );
  }
  return (
    <Badge color={COLORS[status]} variant="light" size={size} tt="none">
      {t(`calendar.statuses.${status}`)}
    </Badge>
  );
}
