/** API keys for integrations: who has one, what it may do, when it was last used; revoke at any time. */
import { Badge, Button, Code, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '../../../api/types';
import { useApiKeys, useRevokeApiKey } from '../../../api/queries/apiKeys';
import { usePractice } from '../../../api/queries/practice';
import { ConfirmDialog, type ConfirmRequest } from '../../../components/ConfirmDialog';
import { formatDateTime } from '../ui/format';
import { ListScreen } from '../ui/ListScreen';
import { useActionFeedback } from '../../../components/useActionFeedback';
import { useUiLocale } from '../../../i18n/useUiLocale';
import { NewApiKeyModal } from './NewApiKeyModal';
import { TruncatedText } from '../../../components/TruncatedText';

export default function ApiKeysScreen() {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const [showRevoked, setShowRevoked] = useState(false);
  const [creating, setCreating] = useState(false);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const practice = usePractice();
  const { query, items } = useApiKeys({ includeRevoked: showRevoked });
  const revoke = useRevokeApiKey();
  const feedback = useActionFeedback();
  const zone = practice.data?.time_zone;

  const askRevoke = (key: ApiKey) =>
    setConfirm({
      title: t('settings.apiKeys.revokeTitle', { name: key.name }),
      message: t('settings.apiKeys.revokeBody'),
      confirmLabel: t('settings.apiKeys.revoke'),
      danger: true,
      onConfirm: () =>
        revoke.mutate({ params: { path: { key_id: key.id } } }, {
          onSuccess: () => feedback.done(t('settings.apiKeys.revoked', { name: key.name })),
          onError: (error) => feedback.report(error),
          onSettled: () => setConfirm(null),
        }),
    });

  return (
    <ListScreen
      section="apiKeys"
      onNew={() => setCreating(true)}
      showInactive={showRevoked}
      onShowInactiveChange={setShowRevoked}
      showInactiveLabel={t('settings.apiKeys.showRevoked')}
      query={query}
      items={items}
      isActive={(key) => !key.revoked_at}
      inactiveLabel={t('settings.apiKeys.revokedBadge')}
      columns={[
        {
          id: 'name',
          sortValue: (key) => key.name,
          header: t('settings.apiKeys.name'),
          cell: (key) => (
            <>
              <TruncatedText text={key.name} fw={600} />
              <Code>tend_{key.prefix}…</Code>
            </>
          ),
        },
        {
          id: 'scopes',
          header: t('settings.apiKeys.scopes'),
          cell: (key) => (
            <Group gap={4}>
              {key.scopes.map((scope) => (
                <Badge key={scope} variant="outline" color={scope === 'write' ? 'orange' : 'blue'} style={{ minWidth: 'max-content' }}>
                  {t(`settings.apiKeys.scope.${scope}`)}
                </Badge>
              ))}
            </Group>
          ),
        },
        {
          id: 'created',
          sortValue: (key) => key.created_at,
          header: t('settings.apiKeys.created'),
          nowrap: true,
          cell: (key) => formatDateTime(key.created_at, zone, locale),
        },
        {
          id: 'lastUsed',
          sortValue: (key) => key.last_used_at ?? '',
          header: t('settings.apiKeys.lastUsed'),
          nowrap: true,
          cell: (key) => (key.last_used_at ? formatDateTime(key.last_used_at, zone, locale) : t('settings.apiKeys.neverUsed')),
        },
      ]}
      actions={(key) =>
        key.revoked_at ? null : (
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
        )
      }
    >
      {creating ? <NewApiKeyModal onClose={() => setCreating(false)} /> : null}
      <ConfirmDialog request={confirm} loading={revoke.isPending} onClose={() => setConfirm(null)} />
      {feedback.dialog}
    </ListScreen>
  );
}
