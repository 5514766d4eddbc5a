/** The client list: search as you type (server-side), filters, and cursor paging. */
import { Alert, Button, Group, Kbd, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CLIENT_STATUSES, type ClientStatus } from '../../api/types';
import { useClientList, type ClientFilters } from '../../api/queries/clients';
import { usePractitioners } from '../../api/queries/practitioners';
import { usePrograms } from '../../api/queries/programs';
import { ClientsEmptyState } from './ClientsEmptyState';
import { ClientTable } from './ClientTable';
import { useSlashToFocus } from './useSlashToFocus';

const SEARCH_DEBOUNCE_MS = 250;

function readStatus(value: string | null): ClientStatus | null {
  return CLIENT_STATUSES.find((status) => status === value) ?? null;
}

export default function ClientsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashToFocus(searchRef);

  // The search and filters live in the URL, so "back" from a client returns to the same list.
  const [search, setSearch] = useState(() => params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const filters: ClientFilters = {
    q,
    status: readStatus(params.get('status')),
    practitionerId: params.get('practitioner'),
    programId: params.get('program'),
  };
  const hasFilters = filters.status !== null || filters.practitionerId !== null || filters.programId !== null;

  function setParam(name: string, value: string | null) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }

  // Only the settled (debounced) search text is written back to the URL...
  const urlQuery = params.get('q') ?? '';
  useEffect(() => {
    if (urlQuery !== q) setParam('q', q);
  }, [q]);
  // ...and a URL changed from outside (e.g. the navbar's "Clients") resets the box.
  useEffect(() => {
    if (urlQuery !== q) setSearch(urlQuery);
  }, [urlQuery]);

  const { query: list, items: clients } = useClientList(filters);
  const practitioners = usePractitioners({ readAll: true });
  const programs = usePrograms({ readAll: true });

  const settled = !list.isPlaceholderData && !list.isFetching && q === search.trim();

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape' && search !== '') {
      event.preventDefault();
      setSearch('');
    }
    // Enter opens the only match: "find a client in two keystrokes".
    if (event.key === 'Enter' && settled && clients.length === 1 && clients[0]) {
      navigate(`/clients/${clients[0].id}`);
    }
  }

  function clearFilters() {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        ['status', 'practitioner', 'program'].forEach((name) => next.delete(name));
        return next;
      },
      { replace: true },
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {t('clients.list.title')}
        </Title>
        <Button component={Link} to="/clients/new">
          {t('clients.list.newClient')}
        </Button>
      </Group>

      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          ref={searchRef}
          flex={1}
          type="search"
          aria-label={t('clients.list.searchLabel')}
          placeholder={t('clients.list.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          onKeyDown={onSearchKeyDown}
          autoFocus
          data-autofocus
          autoComplete="off"
          spellCheck={false}
          rightSectionWidth={40}
          rightSection={<Kbd size="xs" title={t('clients.list.searchHint')}>/</Kbd>}
        />
        <Select
          w={160}
          size="md"
          aria-label={t('clients.list.status')}
          placeholder={t('clients.list.status')}
          data={CLIENT_STATUSES.map((status) => ({ value: status, label: t(`clients.status.${status}`) }))}
          value={filters.status}
          onChange={(value) => setParam('status', value)}
          clearable
        />
        <Select
          w={220}
          size="md"
          aria-label={t('clients.list.practitioner')}
          placeholder={t('clients.list.practitioner')}
          data={practitioners.items.map((practitioner) => ({ value: practitioner.id, label: practitioner.name }))}
          value={filters.practitionerId}
          onChange={(value) => setParam('practitioner', value)}
          searchable
          clearable
        />
        <Select
          w={220}
          size="md"
          aria-label={t('clients.list.program')}
          placeholder={t('clients.list.program')}
          data={programs.items.map((program) => ({ value: program.id, label: program.name }))}
          value={filters.programId}
          onChange={(value) => setParam('program', value)}
          searchable
          clearable
        />
      </Group>

      {list.isError && !list.data ? (
        <Alert color="red" variant="light" role="alert" title={t('clients.list.loadFailed')}>
          <Button variant="default" size="xs" onClick={() => void list.refetch()}>
            {t('clients.list.retry')}
          </Button>
        </Alert>
      ) : !list.isPending && clients.length === 0 ? (
        <ClientsEmptyState query={q} hasFilters={hasFilters} onClearFilters={clearFilters} />
      ) : (
        <>
          <ClientTable clients={clients} loading={list.isPending} stale={list.isPlaceholderData} />
          {!list.isPending ? (
            <Group justify="space-between">
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('clients.list.shown', { count: clients.length })}
              </Text>
              {list.hasNextPage ? (
                <Button
                  variant="default"
                  onClick={() => void list.fetchNextPage()}
                  loading={list.isFetchingNextPage}
                >
                  {t('clients.list.loadMore')}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}
