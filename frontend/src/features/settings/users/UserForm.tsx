/** Invite / edit a staff user: name, role (clinicians are linked to their practitioner), language, first password. */
import { PasswordInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/FormFields';
import { LOCALES, ROLES, type Locale, type PractitionerRecord, type Role, type StaffUser, type StaffUserCreate, type StaffUserUpdate } from '../../../api/types';
import { useCreateUser, useUpdateUser } from '../../../api/queries/users';
import { RecordFormModal } from '../ui/RecordFormModal';
import { useSaveRecord } from '../ui/useSaveRecord';
import { ignoreAccents } from '../../../components/ignoreAccents';
import { looksLikeEmail } from '../../../lib/text';
import { MIN_PASSWORD_LENGTH } from './roles';

interface UserFormValues {
  name: string;
  email: string;
  role: Role;
  practitioner_id: string | null;
  locale: string;
  password: string;
}

const FIELDS = ['name', 'email', 'role', 'practitioner_id', 'locale', 'password'] as const;
const PRACTICE_DEFAULT = 'practice';

export function UserForm({
  user,
  practitioners,
  onClose,
}: {
  user: StaffUser | null;
  practitioners: readonly PractitionerRecord[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<UserFormValues>({
    initialValues: {
      name: user?.name ?? '',
      email: user?.email ?? '',
      role: user?.role ?? 'front_desk',
      practitioner_id: user?.practitioner_id ?? null,
      locale: user?.locale ?? PRACTICE_DEFAULT,
      password: '',
    },
    validate: {
      name: (value) => (value.trim() === '' ? t('common.required') : null),
      email: (value) => (user !== null || looksLikeEmail(value) ? null : t('auth.emailInvalid')),
      practitioner_id: (value, values) =>
        values.role === 'clinician' && !value ? t('settings.users.practitionerRequired') : null,
      password: (value) =>
        user === null && value.length < MIN_PASSWORD_LENGTH
          ? t('settings.users.passwordTooShort', { count: MIN_PASSWORD_LENGTH })
          : null,
    },
  });

  const saver = useSaveRecord({
    record: user,
    pathOf: (record) => ({ user_id: record.id }),
    create: useCreateUser(),
    update: useUpdateUser(),
    fields: FIELDS,
    setFieldErrors: form.setErrors,
    onClose,
  });

  const handleSubmit = form.onSubmit((values) => {
    const locale = values.locale === PRACTICE_DEFAULT ? null : (values.locale as Locale);
    const practitionerId = values.role === 'clinician' ? values.practitioner_id : null;
    const edited: StaffUserUpdate = { name: values.name.trim(), role: values.role, practitioner_id: practitionerId, locale };
    // Only what changed is sent: the API re-checks the practitioner link whenever role or link are sent.
    saver.save(
      values.name.trim(),
      (): StaffUserCreate => ({ ...edited, name: values.name.trim(), role: values.role, email: values.email.trim(), password: values.password }),
      () => edited,
    );
  });

  const practitionerOptions = practitioners.map((practitioner) => ({ value: practitioner.id, label: practitioner.name }));
  if (user?.practitioner_id && !practitionerOptions.some((option) => option.value === user.practitioner_id)) {
    practitionerOptions.push({ value: user.practitioner_id, label: t('settings.users.inactivePractitioner') });
  }

  return (
    <RecordFormModal
      section="users"
      editing={user ? user.name : null}
      saving={saver}
      onClose={onClose}
      onSubmit={handleSubmit}
    >
      <SimpleGrid cols={2} spacing="md">
        <TextField form={form} path="name" label={t('settings.users.name')} withAsterisk first />
        <TextInput size="sm"
          label={t('settings.users.email')}
          type="email"
          withAsterisk={user === null}
          disabled={user !== null}
          description={user ? t('settings.users.emailFixed') : undefined}
          {...form.getInputProps('email')}
        />
        <Select
          label={t('settings.users.role')}
          description={t(`settings.users.roleHint.${form.values.role}`)}
          data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          allowDeselect={false}
          withAsterisk
          {...form.getInputProps('role')}
        />
        {form.values.role === 'clinician' ? (
          <Select
            label={t('settings.users.practitioner')}
            description={t('settings.users.practitionerHint')}
            data={practitionerOptions}
            searchable
            filter={ignoreAccents}
            withAsterisk
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('practitioner_id')}
          />
        ) : null}
        <Select
          label={t('settings.users.language')}
          data={[
            { value: PRACTICE_DEFAULT, label: t('settings.users.practiceLanguage') },
            ...LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) })),
          ]}
          allowDeselect={false}
          {...form.getInputProps('locale')}
        />
        {user === null ? (
          <PasswordInput size="sm"
            label={t('settings.users.password')}
            description={t('settings.users.passwordHint', { count: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            withAsterisk
            {...form.getInputProps('password')}
          />
        ) : null}
      </SimpleGrid>
    </RecordFormModal>
  );
}
