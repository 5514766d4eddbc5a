import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Active / Inactive (or a custom inactive word, e.g. "Revoked"). */
export function StatusBadge({ active, inactiveLabel }: { active: boolean; inactiveLabel?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={active ? 'tend' : 'gray'} style={{ minWidth: 'max-content' }}>
      {active ? t('common.active') : (inactiveLabel ?? t('common.inactive'))}
    </Badge>
  );
}
