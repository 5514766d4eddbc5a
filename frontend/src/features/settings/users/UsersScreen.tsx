/** Staff users: who can sign in, with which role; invite, edit, reset a password, deactivate. */
import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../../../api/types';
import { activeFirst } from '../api/cursorList';
import { usePractitioners } from '../api/practitioners';
import { useUpdateUser, useUsers } from '../api/users';
import { useSession } from '../../auth/useSession';
import { ConfirmDialog, type ConfirmRequest } from '../ui/ConfirmDialog';
import { ListBody } from '../ui/ListBody';
import { RowActions } from '../ui/RowActions';
import { SectionHeader } from '../ui/SectionHeader';
import { ShowInactiveSwitch } from '../ui/ShowInactiveSwitch';
import { StatusBadge } from '../ui/StatusBadge';
import { FIT } from '../ui/tableStyles';
import { useActionFeedback } from '../ui/useActionFeedback';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserForm } from './UserForm';

export default function UsersScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const myId = session.status === 'signed_in' ? session.user.id : null;
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<StaffUser | 'new' | null>(null);
  const [resetting, setResetting] = useState<StaffUser | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const { query, items } = useUsers(showInactive);
  const practitioners = usePractitioners(true);
  const update = useUpdateUser();
  const feedback = useActionFeedback();
  const practitionerName = (id: string | null) => practitioners.items.find((p) => p.id === id)?.name ?? null;

  const setActive = (user: StaffUser, active: boolean) =>
    update.mutate(
      { id: user.id, changes: { active } },
      {
        onSuccess: () =>
          feedback.done(t(active ? 'settings.common.reactivatedNamed' : 'settings.common.deactivatedNamed', { name: user.name })),
        onError: (error) => feedback.report(error),
        onSettled: () => setConfirm(null),
      },
    );

  const newButton = <Button onClick={() => setEditing('new')}>{t('settings.users.new')}</Button>;

  return (
    <Stack gap="md">
      <SectionHeader
        title={t('settings.users.title')}
        description={t('settings.users.description')}
        actions={
          <>
            <ShowInactiveSwitch checked={showInactive} onChange={setShowInactive} />
            {newButton}
          </>
        }
      />
      <ListBody
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        isEmpty={items.length === 0}
        emptyTitle={t('settings.users.emptyTitle')}
        emptyHint={t('settings.users.emptyHint')}
        emptyAction={newButton}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
      >
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.users.name')}</Table.Th>
              <Table.Th>{t('settings.users.role')}</Table.Th>
              <Table.Th>{t('settings.users.language')}</Table.Th>
              <Table.Th>{t('settings.common.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('settings.common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {activeFirst(items).map((user) => (
              <Table.Tr key={user.id} c={user.active ? undefined : 'dimmed'}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {user.name}
                    </Text>
                    {user.id === myId ? (
                      <Badge size="xs" variant="outline" style={{ minWidth: 'max-content' }}>
                        {t('settings.users.you')}
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {user.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`roles.${user.role}`)}</Text>
                  {user.role === 'clinician' && user.practitioner_id ? (
                    <Text size="xs" c="dimmed">
                      {practitionerName(user.practitioner_id) ?? '—'}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{user.locale ? t(`language.${user.locale}`) : t('settings.users.practiceLanguage')}</Table.Td>
                <Table.Td style={FIT}>
                  <StatusBadge active={user.active} />
                </Table.Td>
                <Table.Td style={FIT}>
                  <RowActions
                    name={user.name}
                    onEdit={() => setEditing(user)}
                    actions={[
                      { label: t('settings.users.resetPassword'), onClick: () => setResetting(user) },
                      user.active
                        ? {
                            label: t('settings.common.deactivate'),
                            disabled: user.id === myId,
                            onClick: () =>
                              setConfirm({
                                title: t('settings.common.deactivateTitle', { name: user.name }),
                                message: t('settings.users.deactivateBody'),
                                confirmLabel: t('settings.common.deactivate'),
                                danger: true,
                                onConfirm: () => setActive(user, false),
                              }),
                          }
                        : { label: t('settings.common.reactivate'), onClick: () => setActive(user, true) },
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ListBody>

      {editing !== null ? (
        <UserForm
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? null : editing}
          practitioners={practitioners.items.filter((p) => p.active)}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {resetting ? <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} /> : null}
      <ConfirmDialog request={confirm} loading={update.isPending} onClose={() => setConfirm(null)} />
      {feedback.dialog}
    </Stack>
  );
}
