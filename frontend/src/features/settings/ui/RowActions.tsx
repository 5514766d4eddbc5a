/** A row's actions: "Edit" as a button, the rest (deactivate, delete, ...) in a menu. */
import { ActionIcon, Button, Group, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface RowAction {
  label: string;
  onClick: () => void;
  danger?: boolean;
  disabled?: boolean;
}

export function RowActions({ name, onEdit, actions }: { name: string; onEdit?: () => void; actions: RowAction[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {onEdit ? (
        <Button size="compact-sm" variant="subtle" onClick={onEdit} aria-label={t('common.editNamed', { name })}>
          {t('common.edit')}
        </Button>
      ) : null}
      {actions.length > 0 ? (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('common.moreActions', { name })}>
              <span aria-hidden="true">⋯</span>
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {actions.map((action) => (
              <Menu.Item
                key={action.label}
                color={action.danger ? 'red' : undefined}
                disabled={action.disabled}
                onClick={action.onClick}
              >
                {action.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      ) : null}
    </Group>
  );
}
