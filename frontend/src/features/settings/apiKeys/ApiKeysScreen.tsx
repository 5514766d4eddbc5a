/** API keys for integrations: who has one, what it may do, when it was last used; revoke at any time. */
import { Badge, Button, Code, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '../../../api/types';
import { useApiKeys, useRevokeApiKey } from '../api/apiKeys';
import { usePractice } from '../api/practice';
import { ConfirmDialog, type ConfirmRequest } from '../ui/ConfirmDialog';
import { formatDateTime } from '../ui/format';
import { ListBody } from '../ui/ListBody';
import { SectionHeader } from '../ui/SectionHeader';
import { ShowInactiveSwitch } from '../ui/ShowInactiveSwitch';
import { StatusBadge } from '../ui/StatusBadge';
import { FIT } from '../ui/tableStyles';
import { useActionFeedback } from '../ui/useActionFeedback';
import { useUiLocale } from '../ui/useUiLocale';
import { NewApiKeyModal } from './NewApiKeyModal';

export default function ApiKeysScreen() {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const [showRevoked, setShowRevoked] = useState(false);
  const [creating, setCreating] = useState(false);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const practice = usePractice();
  const { query, items } = useApiKeys(showRevoked);
  const revoke = useRevokeApiKey();
  const feedback = useActionFeedback();
  const zone = practice.data?.time_zone;
  const keys = [...items.filter((key) => !key.revoked_at), ...items.filter((key) => key.revoked_at)];

  const askRevoke = (key: ApiKey) =>
    setConfirm({
      title: t('settings.apiKeys.revokeTitle', { name: key.name }),
      message: t('settings.apiKeys.revokeBody'),
      confirmLabel: t('settings.apiKeys.revoke'),
      danger: true,
      onConfirm: () =>
        revoke.mutate(key.id, {
          onSuccess: () => feedback.done(t('settings.apiKeys.revoked', { name: key.name })),
          onError: (error) => feedback.report(error),
          onSettled: () => setConfirm(null),
        }),
    });

  const newButton = <Button onClick={() => setCreating(true)}>{t('settings.apiKeys.new')}</Button>;

  return (
    <Stack gap="md">
      <SectionHeader
        title={t('settings.apiKeys.title')}
        description={t('settings.apiKeys.description')}
        actions={
          <>
            <ShowInactiveSwitch checked={showRevoked} onChange={setShowRevoked} label={t('settings.apiKeys.showRevoked')} />
            {newButton}
          </>
        }
      />
      <ListBody
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        isEmpty={keys.length === 0}
        emptyTitle={t('settings.apiKeys.emptyTitle')}
        emptyHint={t('settings.apiKeys.emptyHint')}
        emptyAction={newButton}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
      >
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.apiKeys.name')}</Table.Th>
              <Table.Th>{t('settings.apiKeys.scopes')}</Table.Th>
              <Table.Th>{t('settings.apiKeys.created')}</Table.Th>
              <Table.Th>{t('settings.apiKeys.lastUsed')}</Table.Th>
              <Table.Th>{t('settings.common.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('settings.common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.map((key) => (
              <Table.Tr key={key.id} c={key.revoked_at ? 'dimmed' : undefined}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {key.name}
                  </Text>
                  <Code>tend_{key.prefix}…</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {key.scopes.map((scope) => (
                      <Badge key={scope} variant="outline" color={scope === 'write' ? 'orange' : 'blue'} style={{ minWidth: 'max-content' }}>
                        {t(`settings.apiKeys.scope.${scope}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(key.created_at, zone, locale)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {key.last_used_at ? formatDateTime(key.last_used_at, zone, locale) : t('settings.apiKeys.neverUsed')}
                </Table.Td>
                <Table.Td style={FIT}>
                  <StatusBadge active={!key.revoked_at} inactiveLabel={t('settings.apiKeys.revokedBadge')} />
                </Table.Td>
                <Table.Td style={FIT}>
                  {key.revoked_at ? null : (
                    <Group justify="flex-end">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => askRevoke(key)}
                        aria-label={t('settings.apiKeys.revokeNamed', { name: key.name })}
                      >
                        {t('settings.apiKeys.revoke')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ListBody>

      {creating ? <NewApiKeyModal onClose={() => setCreating(false)} /> : null}
      <ConfirmDialog request={confirm} loading={revoke.isPending} onClose={() => setConfirm(null)} />
      {feedback.dialog}
    </Stack>
  );
}
