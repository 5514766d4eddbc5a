/** What a row action (deactivate, delete, revoke) says when it fails: 409s in the conflict dialog, the rest as a toast. */
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import { problemText } from '../i18n/problemText';
import { ConflictDialog } from './ConflictDialog';

interface ConflictState {
  error: ApiError;
  action?: { label: string; onClick: () => void };
}

export function useActionFeedback() {
  const { t } = useTranslation();
  const [conflict, setConflict] = useState<ConflictState | null>(null);

  /** `nextStep` is a button offered in the conflict dialog, e.g. "Deactivate instead". */
  function report(error: unknown, nextStep?: { label: string; onClick: () => void }) {
    if (error instanceof ApiError && error.status === 409) {
      setConflict({ error, action: nextStep });
      return;
    }
    notifications.show({
      color: 'red',
      title: t('common.actionFailed'),
      message: problemText(error, t).message,
    });
  }

  function done(message: string) {
    notifications.show({ color: 'tend', message });
  }

  const close = () => setConflict(null);
  // Mounted only while open, so it stacks above a drawer or dialog the action came from.
  const dialog = conflict ? (
    <ConflictDialog
      error={conflict.error}
      onClose={close}
      action={
        conflict.action
          ? {
              label: conflict.action.label,
              onClick: () => {
                close();
                conflict.action?.onClick();
              },
            }
          : undefined
      }
    />
  ) : null;
  return { report, done, dialog };
}
