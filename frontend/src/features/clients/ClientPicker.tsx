import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientSearch } from '../../api/queries/clients';
import { clientDisplayName } from './format';

const SEARCH_DEBOUNCE_MS = 250;

interface ClientPickerProps {
  label: string;
  value: string | null;
  onChange: (clientId: string | null) => void;
  /** Called with the picked client's display name (null when cleared). */
  onPicked?: (name: string | null) => void;
  /** Clients that may not be picked (the client itself, those already related). */
  excludeIds: readonly string[];
  error?: React.ReactNode;
  withAsterisk?: boolean;
  autoFocus?: boolean;
}

/** Picks a client by searching the server as you type (name, phone, e-mail or ID, accents ignored). */
export function ClientPicker({ label, value, onChange, onPicked, excludeIds, error, withAsterisk, autoFocus }: ClientPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [picked, setPicked] = useState<{ value: string; label: string; details: string } | null>(null);
  const results = useClientSearch(q);
  const found = results.items;

  const options = useMemo(() => {
    const matches = found
      .filter((client) => !excludeIds.includes(client.id))
      .map((client) => ({
        value: client.id,
        label: clientDisplayName(client),
        details: [client.phone, client.email, client.id_number].filter(Boolean).join(' · '),
      }));
    // The picked client stays an option (and keeps its label) whatever the current search returns.
    return picked && !matches.some((option) => option.value === picked.value) ? [picked, ...matches] : matches;
  }, [found, excludeIds, picked]);
  const details = new Map(options.map((option) => [option.value, option.details]));

  return (
    <Select
      label={label}
      placeholder={t('clients.relationships.searchPlaceholder')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched the search (accent-insensitive); don't filter again here.
      filter={({ options: all }) => all}
      data={options.map(({ value: id, label: name }) => ({ value: id, label: name }))}
      value={value}
      onChange={(id) => {
        const option = options.find((candidate) => candidate.value === id) ?? null;
        setPicked(option);
        onPicked?.(option?.label ?? null);
        onChange(id);
      }}
      nothingFoundMessage={results.query.isFetching ? t('app.loading') : t('clients.relationships.noClientsFound')}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
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
