/** Creating an API key: name and scopes, then the secret, shown this once with a copy button. */
import { Alert, Button, Checkbox, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/FormFields';
import { API_KEY_SCOPES, type ApiKeyScope } from '../../../api/types';
import { ConflictDialog } from '../../../components/ConflictDialog';
import { useCreateApiKey } from '../../../api/queries/apiKeys';
import { firstErrorAt, useApiErrorFeedback } from '../../../components/apiErrors';
import { FormActions } from '../../../components/FormActions';

export function NewApiKeyModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateApiKey();
  const feedback = useApiErrorFeedback();
  const form = useForm<{ name: string; scopes: ApiKeyScope[] }>({
    initialValues: { name: '', scopes: ['read'] },
    validate: {
      name: (value) => (value.trim() === '' ? t('common.required') : null),
      scopes: (value) => (value.length === 0 ? t('settings.apiKeys.scopesRequired') : null),
    },
  });
  const created = create.data;

  const handleSubmit = form.onSubmit((values) => {
    feedback.reset();
    create.mutate(
      { body: { name: values.name.trim(), scopes: values.scopes } },
      { onError: (error) => feedback.handle(error, ['name', 'scopes'], form.setErrors) },
    );
  });

  // Closing forgets the secret: it lives only in this dialog's memory.
  const close = () => {
    create.reset();
    onClose();
  };

  return (
    <Modal
      opened
      onClose={close}
      size="lg"
      title={created ? t('settings.apiKeys.createdTitle', { name: created.name }) : t('settings.apiKeys.new')}
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light" title={t('settings.apiKeys.storeNowTitle')}>
            {t('settings.apiKeys.storeNowBody')}
          </Alert>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('settings.apiKeys.secret')}
            </Text>
            <Group gap="sm" wrap="nowrap" align="stretch">
              <Code
                block
                data-testid="api-key-secret"
                style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap', userSelect: 'all' }}
              >
                {created.secret}
              </Code>
              <CopyButton value={created.secret}>
                {({ copied, copy }) => (
                  <Button variant={copied ? 'light' : 'filled'} onClick={copy} style={{ alignSelf: 'center' }}>
                    {copied ? t('settings.apiKeys.copied') : t('settings.apiKeys.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
          <Group justify="flex-end">
            <Button onClick={close}>{t('settings.apiKeys.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={handleSubmit} noValidate>
          <Stack gap="md">
            <TextField
              form={form}
              path="name"
              label={t('settings.apiKeys.name')}
              description={t('settings.apiKeys.nameHint')}
              withAsterisk
              first
            />
            <Checkbox.Group
              label={t('settings.apiKeys.scopes')}
              withAsterisk
              value={form.values.scopes}
              onChange={(value) => form.setFieldValue('scopes', value as ApiKeyScope[])}
              error={firstErrorAt(form.errors, 'scopes')}
            >
              <Stack gap="xs" mt="xs">
                {API_KEY_SCOPES.map((scope) => (
                  <Checkbox
                    key={scope}
                    value={scope}
                    label={t(`settings.apiKeys.scope.${scope}`)}
                    description={t(`settings.apiKeys.scopeHint.${scope}`)}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <FormActions
              messages={feedback.messages}
              loading={create.isPending}
              onCancel={close}
              submitLabel={t('settings.apiKeys.create')}
            />
          </Stack>
        </form>
      )}
      {feedback.conflict ? <ConflictDialog error={feedback.conflict} onClose={feedback.closeConflict} /> : null}
    </Modal>
  );
}
