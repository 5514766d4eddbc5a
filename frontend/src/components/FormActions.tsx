import { Alert, Button, Group, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What went wrong (not tied to a field), one line per problem. */
export function FormProblems({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {messages.length === 1 ? (
        messages[0]
      ) : (
        <List size="sm">
          {messages.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** The foot of a form: what went wrong (not tied to a field), Cancel and Save. */
export function FormActions({
  messages,
  loading,
  onCancel,
  submitLabel,
  cancelLabel,
  danger,
}: {
  messages: readonly string[];
  loading: boolean;
  onCancel: () => void;
  submitLabel?: string;
  cancelLabel?: string;
  /** A red submit: ending, deleting. */
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormProblems messages={messages} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel}>
          {cancelLabel ?? t('common.cancel')}
        </Button>
        <Button type="submit" color={danger ? 'red' : undefined} loading={loading}>
          {submitLabel ?? t('common.save')}
        </Button>
      </Group>
    </>
  );
}
