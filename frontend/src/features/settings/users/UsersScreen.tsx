/** Staff users: who can sign in, with which role; invite, edit, reset a password, deactivate. */
import { Badge, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../../../api/types';
import { usePractitioners } from '../../../api/queries/practitioners';
import { useUpdateUser, useUsers } from '../../../api/queries/users';
import { useSession } from '../../auth/useSession';
import { ListScreen } from '../ui/ListScreen';
import { RowActions } from '../ui/RowActions';
import { useRecordActions } from '../ui/useRecordActions';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserForm } from './UserForm';
import { TruncatedText } from '../../../components/TruncatedText';

export default function UsersScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const myId = session.status === 'signed_in' ? session.user.id : null;
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<StaffUser | 'new' | null>(null);
  const [resetting, setResetting] = useState<StaffUser | null>(null);
  const { query, items } = useUsers({ includeInactive: showInactive });
  const practitioners = usePractitioners({ includeInactive: true, readAll: true });
  const actions = useRecordActions({
    pathOf: (user: StaffUser) => ({ user_id: user.id }),
    name: (user) => user.name,
    update: useUpdateUser(),
    deactivateBody: t('settings.users.deactivateBody'),
  });
  const practitionerName = (id: string | null) => practitioners.items.find((p) => p.id === id)?.name ?? null;

  return (
    <ListScreen
      section="users"
      onNew={() => setEditing('new')}
      showInactive={showInactive}
      onShowInactiveChange={setShowInactive}
      query={query}
      items={items}
      isActive={(user) => user.active}
      columns={[
        {
          id: 'name',
          sortValue: (user) => user.name,
          header: t('settings.users.name'),
          cell: (user) => (
            <>
              <Group gap="xs" wrap="nowrap">
                <TruncatedText text={user.name} fw={600} />
                {user.id === myId ? (
                  <Badge size="xs" variant="outline" style={{ minWidth: 'max-content' }}>
                    {t('settings.users.you')}
                  </Badge>
                ) : null}
              </Group>
              <TruncatedText text={user.email} size="xs" c="dimmed" />
            </>
          ),
        },
        {
          id: 'role',
          sortValue: (user) => t(`roles.${user.role}`),
          header: t('settings.users.role'),
          cell: (user) => (
            <>
              <Text size="sm">{t(`roles.${user.role}`)}</Text>
              {user.role === 'clinician' && user.practitioner_id ? (
                <Text size="xs" c="dimmed">
                  {practitionerName(user.practitioner_id) ?? '—'}
                </Text>
              ) : null}
            </>
          ),
        },
        {
          id: 'language',
          header: t('settings.users.language'),
          cell: (user) => (user.locale ? t(`language.${user.locale}`) : t('settings.users.practiceLanguage')),
        },
      ]}
      actions={(user) => (
        <RowActions
          name={user.name}
          onEdit={() => setEditing(user)}
          actions={[
            { label: t('settings.users.resetPassword'), onClick: () => setResetting(user) },
            ...actions.rowActions(user, { deactivateDisabled: user.id === myId }),
          ]}
        />
      )}
    >
      {editing !== null ? (
        <UserForm
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? null : editing}
          practitioners={practitioners.items.filter((p) => p.active)}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {resetting ? <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} /> : null}
      {actions.dialogs}
    </ListScreen>
  );
}
