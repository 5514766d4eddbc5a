import { Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ShowInactiveSwitch({
  checked,
  onChange,
  label,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <Switch
      checked={checked}
      onChange={(event) => onChange(event.currentTarget.checked)}
      label={label ?? t('common.showInactive')}
    />
  );
}
