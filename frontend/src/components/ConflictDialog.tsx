import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/problem';
import { useProblemText } from '../i18n/problemText';

interface ConflictDialogProps {
  /** The failed call; the dialog is open while this is a 409. */
  error: ApiError | null;
  onClose: () => void;
  /** A button that does the next step for the user (e.g. "Cancel the bill first"), when one exists. */
  action?: ConflictAction;
  /** Several next steps to choose from (e.g. "Set inactive" or "Merge with…"). */
  actions?: readonly ConflictAction[];
}

export interface ConflictAction {
  label: string;
  onClick: () => void;
}

/** Shows a 409 from the API: what clashed and what to do next, in the UI language by its code. Esc closes it. */
export function ConflictDialog({ error, onClose, action, actions = [] }: ConflictDialogProps) {
  const { t } = useTranslation();
  const describe = useProblemText();
  const open = error !== null && error.status === 409;
  const text = error ? describe(error) : null;
  return (
    <Modal opened={open} onClose={onClose} title={t('conflict.title')} centered>
      <Stack gap="sm">
        <Text>{text?.message ?? t('errors.generic')}</Text>
        {text?.nextStep ? (
          <Text fw={600} data-testid="conflict-next-step">
            {t('conflict.nextStep')}: {text.nextStep}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('conflict.close')}
          </Button>
          {[...actions, ...(action ? [action] : [])].map((next, index, all) => (
            <Button key={next.label} variant={index === all.length - 1 ? 'filled' : 'light'} onClick={next.onClick}>
              {next.label}
            </Button>
          ))}
        </Group>
      </Stack>
    </Modal>
  );
}
