/** "This person may already be registered": the matching clients (each opens in a new tab) and why they match. */
import { Alert, Anchor, Badge, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PossibleDuplicate } from '../../api/types';
import { ClientFacts } from './ClientFacts';
import { clientDisplayName } from './format';

export function DuplicateWarning({ matches }: { matches: readonly PossibleDuplicate[] }) {
  const { t } = useTranslation();
  if (matches.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t('clients.duplicates.title', { count: matches.length })}
      data-testid="duplicate-warning"
      aria-live="polite"
    >
      <Text size="sm" mb="xs">
        {t('clients.duplicates.body')}
      </Text>
      <List size="sm" spacing="xs" listStyleType="none">
        {matches.map(({ client, reasons }) => (
          <List.Item key={client.id}>
            <Group gap="xs" wrap="wrap">
              <Anchor href={`/clients/${client.id}`} target="_blank" rel="noopener" fw={600} size="sm">
                {clientDisplayName(client)}
              </Anchor>
              {reasons.map((reason) => (
                <Badge key={reason} size="sm" variant="outline" color="yellow.9" tt="none">
                  {t(`clients.duplicates.reasons.${reason}`)}
                </Badge>
              ))}
            </Group>
            <ClientFacts client={client} />
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
