/** A settings form in a modal: its fields, then what went wrong, Cancel and Save; a 409 opens the conflict dialog. */
import { Modal, Stack } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import type { ApiError } from '../../../api/problem';
import { ConflictDialog } from '../../../components/ConflictDialog';
import { FormActions } from './FormActions';

export function FormModal({
  title,
  size,
  onClose,
  onSubmit,
  feedback,
  loading,
  submitLabel,
  children,
}: {
  title: string;
  size?: string;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** From useApiErrorFeedback. */
  feedback: { general: string | null; conflict: ApiError | null; closeConflict: () => void };
  loading: boolean;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <Modal opened onClose={onClose} size={size} title={title}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {children}
          <FormActions general={feedback.general} loading={loading} onCancel={onClose} submitLabel={submitLabel} />
        </Stack>
      </form>
      {feedback.conflict ? <ConflictDialog error={feedback.conflict} onClose={feedback.closeConflict} /> : null}
    </Modal>
  );
}
