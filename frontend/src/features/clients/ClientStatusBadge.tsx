import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClientStatus } from '../../api/types';

const COLORS: Record<ClientStatus, string> = { active: 'tend', inactive: 'gray', discharged: 'indigo' };

export function ClientStatusBadge({ status, size = 'sm' }: { status: ClientStatus; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" size={size}>
      {t(`clients.status.${status}`)}
    </Badge>
  );
}
