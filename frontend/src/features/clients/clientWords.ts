/**
 * The practice's word for its clients ("paciente", "customer"; Practice settings → client label) in headings,
 * navigation and buttons: `t('clients.list.title', words)` with `{{client}}`, `{{clients}}`, `{{Client}}`,
 * `{{Clients}}` in the catalogue. The label is used as the practice typed it (its plural made in the practice's
 * language); the default label ("client") reads as the UI language's own word.
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
  label: string | null | undefined,
  practiceLanguage: string | null | undefined,
): ClientWords {
  const own = label?.trim();
  const custom = own && own.toLowerCase() !== DEFAULT_LABEL;
  const client = custom ? own : t('clients.label.one');
  const clients = custom ? pluralize(own, practiceLanguage ?? uiLanguage) : t('clients.label.other');
  return { client, clients, Client: capitalize(client, uiLanguage), Clients: capitalize(clients, uiLanguage) };
}

export function useClientWords(): ClientWords {
  const { t, i18n } = useTranslation();
  const practice = usePractice();
  return clientWords(t, i18n.resolvedLanguage ?? 'en', practice.data?.client_label, practice.data?.default_locale);
}
