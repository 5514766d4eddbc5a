import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The foot of a settings form: what went wrong (not tied to a field), Cancel and Save. */
export function FormActions({
  general,
  loading,
  onCancel,
  submitLabel,
  cancelLabel,
}: {
  general: string | null;
  loading: boolean;
  onCancel: () => void;
  submitLabel?: string;
  cancelLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {general ? (
        <Alert color="red" variant="light" role="alert">
          {general}
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel}>
          {cancelLabel ?? t('settings.common.cancel')}
        </Button>
        <Button type="submit" loading={loading}>
          {submitLabel ?? t('settings.common.save')}
        </Button>
      </Group>
    </>
  );
}
