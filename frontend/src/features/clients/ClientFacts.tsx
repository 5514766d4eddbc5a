import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../api/types';
import { formatPhone } from '../../lib/phones';
import { formatPlainDate } from './format';

/** One dimmed line telling a client apart from namesakes: date of birth, phone, e-mail, document. */
export function clientFacts(client: Pick<Client, 'date_of_birth' | 'phone' | 'email' | 'id_number'>, language: string): string {
  return [formatPlainDate(client.date_of_birth, language), formatPhone(client.phone), client.email, client.id_number]
    .filter(Boolean)
    .join(' · ');
}

export function ClientFacts({ client }: { client: Pick<Client, 'date_of_birth' | 'phone' | 'email' | 'id_number'> }) {
  const { i18n } = useTranslation();
  const facts = clientFacts(client, i18n.resolvedLanguage ?? 'en');
  return facts ? (
    <Text size="xs" c="dimmed">
      {facts}
    </Text>
  ) : null;
}
