/**
 * Closing the day: asks first (the totals are kept as they are now, under the user's name), then closes. When
 * someone closed it a moment earlier, the dialog says so and the report behind it shows who and when.
 */
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCloseDay } from '../../api/queries/ledger';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { problemText } from '../../i18n/problemText';

export function CloseDayButton({ day, dayText }: { day: string; dayText: string }) {
  const { t } = useTranslation();
  const closeDay = useCloseDay();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function stop() {
    setAsking(false);
    setError(null);
  }

  function confirm() {
    setError(null);
    closeDay.mutate({ params: { path: { day } } }, { onSuccess: stop, onError: (problem) => setError(problemText(problem, t).message) });
  }

  return (
    <>
      <Button onClick={() => setAsking(true)}>{t('ledger.close.closeDay')}</Button>
      <ConfirmDialog
        request={
          asking
            ? {
                title: t('ledger.close.confirmTitle', { date: dayText }),
                message: t('ledger.close.confirmBody'),
                confirmLabel: t('ledger.close.confirm'),
                onConfirm: confirm,
              }
            : null
        }
        loading={closeDay.isPending}
        error={error}
        onClose={stop}
      />
    </>
  );
}
