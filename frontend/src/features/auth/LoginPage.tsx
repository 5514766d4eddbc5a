import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../api/problem';
import { problemText } from '../../i18n/problemText';
import type { LoginRequest } from '../../api/types';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { PageSkeleton } from '../../components/PageSkeleton';
import { loginErrorMessage } from './loginErrorMessage';
import type { LoginLocationState } from './RequireAuth';
import { useLogin } from './useLogin';
import { useSession } from './useSession';

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const login = useLogin();
  const form = useForm<LoginRequest>({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) =>
        value.trim() === '' ? t('auth.emailRequired') : EMAIL_SHAPE.test(value.trim()) ? null : t('auth.emailInvalid'),
      password: (value) => (value === '' ? t('auth.passwordRequired') : null),
    },
  });

  if (session.status === 'restoring') return <PageSkeleton />;
  if (session.status === 'signed_in') {
    const from = (location.state as LoginLocationState | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }

  const handleSubmit = form.onSubmit((values) => {
    login.mutate(
      { body: { email: values.email.trim(), password: values.password } },
      {
        onError: (error) => {
          if (error instanceof ApiError) form.setErrors(problemText(error, t).fieldErrors);
        },
      },
    );
  });

  const errorMessage = loginErrorMessage(login.error, t);
  const notice =
    !login.isError && session.reason === 'expired'
      ? t('auth.sessionExpired')
      : !login.isError && session.reason === 'logged_out'
        ? t('auth.signedOut')
        : null;

  return (
    <Center component="main" mih="100dvh" bg="gray.0" p="md">
      <Stack w="100%" maw={400} gap="lg">
        <Group justify="space-between" align="center">
          <Stack gap={0}>
            <Title order={1} c="tend.8">
              {t('app.name')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('app.tagline')}
            </Text>
          </Stack>
          <LanguageSwitcher />
        </Group>

        <Paper p="xl" shadow="sm">
          <form onSubmit={handleSubmit} noValidate>
            <Stack gap="md">
              <Title order={2} size="h3">
                {t('auth.signInTitle')}
              </Title>
              {notice && (
                <Alert color="blue" variant="light">
                  {notice}
                </Alert>
              )}
              {errorMessage && (
                <Alert color="red" variant="light" role="alert">
                  {errorMessage}
                </Alert>
              )}
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="username"
                data-autofocus
                autoFocus
                withAsterisk
                key={form.key('email')}
                {...form.getInputProps('email')}
              />
              <PasswordInput
                label={t('auth.password')}
                autoComplete="current-password"
                withAsterisk
                key={form.key('password')}
                {...form.getInputProps('password')}
              />
              <Button type="submit" size="md" fullWidth loading={login.isPending}>
                {t('auth.signIn')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Center>
  );
}
