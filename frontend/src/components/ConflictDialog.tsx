import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/problem';

interface ConflictDialogProps {
  /** The failed call; the dialog is open while this is a 409. */
  error: ApiError | null;
  onClose: () => void;
  /** A button that does the next step for the user (e.g. "Cancel the bill first"), when one exists. */
  action?: { label: string; onClick: () => void };
}

/** Shows a 409 from the API: what clashed (`detail`) and what to do next (`next_step`). Esc closes it. */
export function ConflictDialog({ error, onClose, action }: ConflictDialogProps) {
  const { t } = useTranslation();
  const open = error !== null && error.status === 409;
  return (
    <Modal opened={open} onClose={onClose} title={t('conflict.title')} centered>
      <Stack gap="sm">
        <Text>{error?.problem.detail ?? t('errors.generic')}</Text>
        {error?.problem.nextStep ? (
          <Text fw={600} data-testid="conflict-next-step">
            {t('conflict.nextStep')}: {error.problem.nextStep}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('conflict.close')}
          </Button>
          {action ? <Button onClick={action.onClick}>{action.label}</Button> : null}
        </Group>
      </Stack>
    </Modal>
  );
}
