/** A form in a modal: its fields, then what went wrong, Cancel and Save; a 409 opens the conflict dialog. */
import { Modal, Stack } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import type { ApiErrorFeedback } from './apiErrors';
import { ConflictDialog } from './ConflictDialog';
import { FormActions } from './FormActions';

export function FormModal({
  title,
  size,
  centered,
  danger,
  onClose,
  onSubmit,
  feedback,
  loading,
  submitLabel,
  onCancel,
  cancelLabel,
  children,
}: {
  title: string;
  size?: string;
  centered?: boolean;
  danger?: boolean;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  feedback: Pick<ApiErrorFeedback, 'messages' | 'conflict' | 'closeConflict'>;
  loading: boolean;
  submitLabel: string;
  /** What the Cancel button does, when it is not closing the dialog (e.g. back to the previous step). */
  onCancel?: () => void;
  cancelLabel?: string;
  children: ReactNode;
}) {
  return (
    <Modal opened onClose={onClose} size={size} centered={centered} title={title}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {children}
          <FormActions
            messages={feedback.messages}
            loading={loading}
            onCancel={onCancel ?? onClose}
            cancelLabel={cancelLabel}
            submitLabel={submitLabel}
            danger={danger}
          />
        </Stack>
      </form>
      {feedback.conflict ? <ConflictDialog error={feedback.conflict} onClose={feedback.closeConflict} /> : null}
    </Modal>
  );
}
