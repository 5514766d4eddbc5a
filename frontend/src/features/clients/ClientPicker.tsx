import { CheckIcon, Combobox, Group, InputBase, Loader, ScrollArea, Stack, Text, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientSearch } from '../../api/queries/clients';
import type { ClientStatus } from '../../api/types';
import { clientFacts } from './ClientFacts';
import { ClientStatusBadge } from './ClientStatusBadge';
import { useClientWords } from './clientWords';
import { clientDisplayName } from './format';

const SEARCH_DEBOUNCE_MS = 250;
/** The option that offers to register the typed name (never a client id: those are UUIDs). */
const CREATE = '__create__';

export interface PickedClient {
  id: string;
  name: string;
  /** Known when picked from a search: an inactive or discharged client is warned about where it matters. */
  status?: ClientStatus;
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
  status?: ClientStatus;
}

/**
 * Picks a client by searching the server as you type (name, phone, e-mail or ID, accents ignored). Enter picks
 * the only match; with several, arrows choose. Whoever is not found can be registered from here (`onCreate`).
 *
 * Only the answer to exactly what is typed can be chosen: while a search is debounced or on its way the list is a
 * "Searching…" row, never the previous results (arrow-down + Enter booked someone the new search no longer
 * matched), and a highlighted option is forgotten whenever the list changes under it, so Enter never picks a row
 * the user did not see highlighted. Inactive and discharged clients carry their status badge.
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
  const [picked, setPicked] = useState<Option | null>(
    initialPick ? { value: initialPick.id, label: initialPick.name, details: '', status: initialPick.status } : null,
  );
  const [search, setSearch] = useState(picked?.label ?? '');
  const [q] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const results = useClientSearch(q);
  const language = i18n.resolvedLanguage ?? 'en';
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  const typed = search.trim();
  // The results answer what is typed now: not the previous search kept on screen, not a search still debounced.
  const current = q === typed && results.query.isSuccess && !results.query.isPlaceholderData;
  const matches = useMemo(
    () =>
      results.items
        .filter((client) => !excludeIds.includes(client.id))
        .map((client) => ({
          value: client.id,
          label: clientDisplayName(client),
          details: clientFacts(client, language),
          status: client.status,
        })),
    [results.items, excludeIds, language],
  );
  // The picked client stays an option (and keeps its label) whatever the current search returns.
  const options = picked && !matches.some((option) => option.value === picked.value) ? [picked, ...matches] : matches;
  const offerCreate = onCreate !== undefined && typed !== '' && typed !== picked?.label;

  // A highlighted row is an index into the list: once the list changes, that index is someone else. Forgotten
  // before the browser handles another key (a layout effect), so an Enter right after the answer picks nobody.
  const { resetSelectedOption } = combobox;
  useLayoutEffect(() => resetSelectedOption(), [resetSelectedOption, current, results.items]);

  // The form cleared the field (e.g. a reset): so does the picker.
  const previousValue = useRef(value);
  useEffect(() => {
    if (previousValue.current !== null && value === null) {
      setPicked(null);
      setSearch('');
    }
    previousValue.current = value;
  }, [value]);

  function pick(option: Option | null) {
    setPicked(option);
    setSearch(option?.label ?? '');
    onPicked?.(option?.label ?? null);
    onPickedClient?.(option ? { id: option.value, name: option.label, status: option.status } : null);
    onChange(option?.value ?? null);
  }

  function submit(id: string) {
    combobox.closeDropdown();
    if (!current) return; // a row of an earlier search (the list is being replaced)
    if (id === CREATE) {
      if (offerCreate) onCreate?.(typed);
      return;
    }
    const option = options.find((candidate) => candidate.value === id);
    if (option) pick(option);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    // A highlighted option: the list picks it.
    if (combobox.dropdownOpened && combobox.getSelectedOptionIndex() !== -1) return;
    const only = current && typed !== '' && matches.length === 1 ? matches[0] : undefined;
    if (only && only.value !== value) {
      event.preventDefault();
      pick(only);
      combobox.closeDropdown();
    } else if (typed !== '' && typed !== picked?.label) {
      // Still searching, or several to choose from: Enter waits, and never submits the form with nobody picked.
      event.preventDefault();
    }
  }

  const rows = !current ? (
    <Combobox.Empty>
      <Group gap="xs" justify="center" wrap="nowrap">
        {results.query.isError && q === typed ? null : <Loader size="xs" />}
        <span>{results.query.isError && q === typed ? t('clients.picker.searchFailed') : t('clients.picker.searching')}</span>
      </Group>
    </Combobox.Empty>
  ) : (
    <>
      {options.map((option) => (
        <Combobox.Option value={option.value} key={option.value} active={option.value === value} aria-selected={option.value === value}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            {option.value === value ? <CheckIcon size={12} style={{ marginTop: 5, flex: 'none' }} /> : null}
            <Stack gap={0}>
              <Group gap={6} wrap="nowrap">
                <Text size="sm">{option.label}</Text>
                {option.status && option.status !== 'active' ? <ClientStatusBadge status={option.status} size="xs" /> : null}
              </Group>
              {option.details ? (
                <Text size="xs" c="dimmed">
                  {option.details}
                </Text>
              ) : null}
            </Stack>
          </Group>
        </Combobox.Option>
      ))}
      {offerCreate ? (
        <Combobox.Option value={CREATE}>
          <Text size="sm" fw={600} c="tend.8">
            {t('clients.relationships.createNew', { ...words, name: typed })}
          </Text>
        </Combobox.Option>
      ) : null}
      {options.length === 0 && !offerCreate ? <Combobox.Empty>{t('clients.relationships.noClientsFound', words)}</Combobox.Empty> : null}
    </>
  );

  return (
    <Combobox store={combobox} onOptionSubmit={submit} withinPortal>
      <Combobox.Target withExpandedAttribute>
        <InputBase
          label={label}
          placeholder={t('clients.relationships.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            combobox.resetSelectedOption();
            combobox.openDropdown();
          }}
          onClick={() => combobox.openDropdown()}
          onBlur={() => {
            combobox.closeDropdown();
            setSearch(picked?.label ?? '');
          }}
          onKeyDown={onKeyDown}
          rightSection={
            value !== null ? (
              <Combobox.ClearButton onClear={() => pick(null)} />
            ) : (
              <Combobox.Chevron error={error} />
            )
          }
          rightSectionPointerEvents={value !== null ? 'all' : 'none'}
          error={error}
          withAsterisk={withAsterisk}
          autoFocus={autoFocus}
          data-autofocus={autoFocus || undefined}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options aria-label={label}>
          <ScrollArea.Autosize mah={280} type="scroll">
            {rows}
          </ScrollArea.Autosize>
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
