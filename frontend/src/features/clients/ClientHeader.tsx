import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../lib/phones';
import type { Client } from '../../api/types';
import { BalanceChips } from './BalanceChips';
import { ClientStatusBadge } from './ClientStatusBadge';
import { ageOn, clientDisplayName, clientLegalName, formatPlainDate, todayIn } from './format';
import { useClientWords } from './clientWords';
import { PractitionerList } from './PractitionerList';
import { usePractice } from '../../api/queries/practice';

/**
 * Who this is at a glance: name, status, age, contact, practitioners, programs and balance per currency; what
 * can be done to the whole record (`actions`) sits top right.
 */
export function ClientHeader({ client, actions }: { client: Client; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const words = useClientWords();
  const practice = usePractice();
  const legalName = clientLegalName(client);
  const age = ageOn(client.date_of_birth, todayIn(practice.data?.time_zone));
  const facts = [
    age !== null ? t('clients.detail.age', { count: age }) : null,
    formatPhone(client.phone),
    client.email,
    t('clients.detail.since', { ...words, date: formatPlainDate(client.registered_on, i18n.language) }),
    t('clients.detail.sessions', { count: client.sessions_attended }),
  ].filter((fact): fact is string => Boolean(fact));

  return (
    <Paper p="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
        <Stack gap={4}>
          <Group gap="sm" align="center">
            <Title order={1} size="h2">
              {clientDisplayName(client)}
            </Title>
            <ClientStatusBadge status={client.status} size="md" />
          </Group>
          {legalName ? (
            <Text size="sm" c="dimmed">
              {legalName}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            {facts.join(' · ')}
          </Text>
          <Group gap="md" mt={4}>
            {client.practitioners.length > 0 ? (
              <PractitionerList practitioners={client.practitioners} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('clients.detail.noPractitioner')}
              </Text>
            )}
            {client.current_programs.map((program) => (
              <Badge key={program.id} variant="outline" color="gray" tt="none" size="md">
                {program.name}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Stack gap={4} align="flex-end">
          {actions}
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt={actions ? 'xs' : undefined}>
            {t('clients.list.columns.balance')}
          </Text>
          <BalanceChips balances={client.balances} size="lg" />
        </Stack>
      </Group>
    </Paper>
  );
}
