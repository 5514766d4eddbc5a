/**
 * The practice's word for its clients in the UI language ("paciente" in Spanish, "patient" in English; Practice
 * settings → client word per language) in headings, navigation and buttons: `t('clients.list.title', words)`
 * with `{{client}}`, `{{clients}}`, `{{Client}}`, `{{Clients}}` in the catalogue. A language the practice gave
 * no word for reads the UI language's own word — never another language's ("Back to pacientes" in English).
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { usePractice } from '../../api/queries/practice';
import { capitalize, pluralize } from '../../lib/nouns';

// A type, not an interface: i18next takes it as interpolation values (an interface has no index signature).
export type ClientWords = {
  client: string;
  clients: string;
  Client: string;
  Clients: string;
};

const DEFAULT_LABEL = 'client';

export function clientWords(
  t: TFunction,
  uiLanguage: string,
  labels: Partial<Record<string, string>> | null | undefined,
): ClientWords {
  const own = labels?.[uiLanguage]?.trim();
  const custom = own && own.toLowerCase() !== DEFAULT_LABEL;
  const client = custom ? own : t('clients.label.one');
  const clients = custom ? pluralize(own, uiLanguage) : t('clients.label.other');
  return { client, clients, Client: capitalize(client, uiLanguage), Clients: capitalize(clients, uiLanguage) };
}

export function useClientWords(): ClientWords {
  const { t, i18n } = useTranslation();
  const practice = usePractice();
  return clientWords(t, i18n.resolvedLanguage ?? 'en', practice.data?.client_labels);
}
