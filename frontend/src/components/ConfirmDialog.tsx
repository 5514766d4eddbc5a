import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { FormProblems } from './FormActions';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmRequest {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** Red confirm button: deletes, revocations, deactivations. */
  danger?: boolean;
  /** Start on the button that backs out (where a stray Enter must not lose work). */
  focusCancel?: boolean;
  onConfirm: () => void;
}

/** Asks before a destructive action; the confirm button shows progress until the caller closes it. */
export function ConfirmDialog({
  request,
  loading,
  error,
  onClose,
  cancelLabel,
  children,
}: {
  request: ConfirmRequest | null;
  loading?: boolean;
  /** Why the action failed, when the dialog stays open to say so. */
  error?: string | null;
  onClose: () => void;
  /** The button that backs out, when "Cancel" would be ambiguous (e.g. "Keep editing"). */
  cancelLabel?: string;
  /** More to read or choose before confirming (e.g. the records it is about). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  // Mounted only while asking, so its portal comes after (above) any drawer or dialog it is opened from.
  if (request === null) return null;
  return (
    <Modal opened onClose={onClose} title={request.title} centered>
      <Stack gap="md">
        <Text>{request.message}</Text>
        {children}
        <FormProblems messages={error ? [error] : []} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus={request.focusCancel || undefined}>
            {cancelLabel ?? t('common.cancel')}
          </Button>
          <Button
            color={request.danger ? 'red' : undefined}
            loading={loading}
            onClick={request.onConfirm}
            data-autofocus={request.focusCancel ? undefined : true}
          >
            {request.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
