/** An admin sets a new password for someone who forgot theirs; their sessions end. */
import { Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../../../api/types';
import { useResetPassword } from '../../../api/queries/users';
import { useApiErrorFeedback } from '../../../components/apiErrors';
import { FormActions } from '../../../components/FormActions';
import { MIN_PASSWORD_LENGTH } from './roles';

export function ResetPasswordModal({ user, onClose }: { user: StaffUser; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const feedback = useApiErrorFeedback();
  const form = useForm({
    initialValues: { new_password: '' },
    validate: {
      new_password: (value) =>
        value.length < MIN_PASSWORD_LENGTH ? t('settings.users.passwordTooShort', { count: MIN_PASSWORD_LENGTH }) : null,
    },
  });

  const handleSubmit = form.onSubmit((values) => {
    feedback.reset();
    reset.mutate(
      { params: { path: { user_id: user.id } }, body: { new_password: values.new_password } },
      {
        onSuccess: () => {
          notifications.show({ color: 'tend', message: t('settings.users.passwordReset', { name: user.name }) });
          onClose();
        },
        onError: (error) =>
          feedback.handle(error, ['new_password', 'password'], (errors) =>
            form.setErrors({ new_password: errors.new_password ?? errors.password }),
          ),
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={t('settings.users.resetTitle', { name: user.name })}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('settings.users.resetBody')}
          </Text>
          <PasswordInput size="sm"
            label={t('settings.users.newPassword')}
            description={t('settings.users.passwordHint', { count: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            withAsterisk
            data-autofocus
            {...form.getInputProps('new_password')}
          />
          <FormActions
            messages={feedback.messages}
            loading={reset.isPending}
            onCancel={onClose}
            submitLabel={t('settings.users.resetSubmit')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
