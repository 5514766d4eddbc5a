import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientSearch } from '../../api/queries/clients';
import { clientFacts } from './ClientFacts';
import { useClientWords } from './clientWords';
import { clientDisplayName } from './format';

const SEARCH_DEBOUNCE_MS = 250;
/** The option that offers to register the typed name (never a client id: those are UUIDs). */
const CREATE = '__create__';

export interface PickedClient {
  id: string;
  name: string;
}

interface ClientPickerProps {
  label: string;
  value: string | null;
  onChange: (clientId: string | null) => void;
  /** Called with the picked client's display name (null when cleared). */
  onPicked?: (name: string | null) => void;
  /** Called with the picked client (null when cleared). */
  onPickedClient?: (client: PickedClient | null) => void;
  /** Clients that may not be picked (the client itself, those already related). */
  excludeIds: readonly string[];
  /** Offers "Register «typed name» as a new client" below the matches; called with what was typed. */
  onCreate?: (typed: string) => void;
  /** A client picked elsewhere (e.g. just registered), shown as the picked option. */
  initialPick?: PickedClient | null;
  error?: React.ReactNode;
  withAsterisk?: boolean;
  autoFocus?: boolean;
}

interface Option {
  value: string;
  label: string;
  details: string;
}

/**
 * Picks a client by searching the server as you type (name, phone, e-mail or ID, accents ignored). Enter picks
 * the only match; with several, arrows choose. Whoever is not found can be registered from here (`onCreate`).
 */
export function ClientPicker({
  label,
  value,
  onChange,
  onPicked,
  onPickedClient,
  excludeIds,
  onCreate,
  initialPick = null,
  error,
  withAsterisk,
  autoFocus,
}: ClientPickerProps) {
  const { t, i18n } = useTranslation();
  const words = useClientWords();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const [q] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [picked, setPicked] = useState<Option | null>(
    initialPick ? { value: initialPick.id, label: initialPick.name, details: '' } : null,
  );
  const results = useClientSearch(q);
  const language = i18n.resolvedLanguage ?? 'en';

  const matches = useMemo(
    () =>
      results.items
        .filter((client) => !excludeIds.includes(client.id))
        .map((client) => ({ value: client.id, label: clientDisplayName(client), details: clientFacts(client, language) })),
    [results.items, excludeIds, language],
  );
  // The picked client stays an option (and keeps its label) whatever the current search returns.
  const options = picked && !matches.some((option) => option.value === picked.value) ? [picked, ...matches] : matches;
  const typed = search.trim();
  const settled = q === typed && !results.query.isFetching && !results.query.isPlaceholderData;
  const offerCreate = onCreate !== undefined && typed !== '' && typed !== picked?.label;
  const data = [
    ...options.map(({ value: id, label: name }) => ({ value: id, label: name })),
    ...(offerCreate ? [{ value: CREATE, label: t('clients.relationships.createNew', { ...words, name: typed }) }] : []),
  ];
  const details = new Map(options.map((option) => [option.value, option.details]));

  function pick(option: Option | null) {
    setPicked(option);
    onPicked?.(option?.label ?? null);
    onPickedClient?.(option ? { id: option.value, name: option.label } : null);
    onChange(option?.value ?? null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    // An option chosen with the arrows: the list picks it.
    if (opened && event.currentTarget.getAttribute('aria-activedescendant')) return;
    const only = settled && typed !== '' && matches.length === 1 ? matches[0] : undefined;
    if (only && only.value !== value) {
      event.preventDefault();
      pick(only);
      setOpened(false);
    } else if (typed !== '' && typed !== picked?.label) {
      // Still searching: Enter must not submit the dialog with nobody picked.
      event.preventDefault();
    }
  }

  return (
    <Select
      label={label}
      placeholder={t('clients.relationships.searchPlaceholder')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched the search (accent-insensitive); don't filter again here.
      filter={({ options: all }) => all}
      data={data}
      value={value}
      onChange={(id) => {
        if (id === CREATE) {
          setOpened(false);
          onCreate?.(typed);
          return;
        }
        pick(options.find((candidate) => candidate.value === id) ?? null);
      }}
      dropdownOpened={opened}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      onKeyDown={onKeyDown}
      nothingFoundMessage={results.query.isFetching ? t('app.loading') : t('clients.relationships.noClientsFound', words)}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm" fw={option.value === CREATE ? 600 : undefined} c={option.value === CREATE ? 'tend.8' : undefined}>
            {option.label}
          </Text>
          {details.get(option.value) ? (
            <Text size="xs" c="dimmed">
              {details.get(option.value)}
            </Text>
          ) : null}
        </Stack>
      )}
      error={error}
      withAsterisk={withAsterisk}
      autoFocus={autoFocus}
      data-autofocus={autoFocus || undefined}
      clearable
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={280}
    />
  );
}
