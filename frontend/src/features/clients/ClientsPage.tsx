/** The client list: search as you type (server-side), filters, and cursor paging. */
import { Alert, Button, Flex, Group, Select, Stack, Text, Title, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CLIENT_STATUSES, type ClientStatus } from '../../api/types';
import { useClientList, type ClientFilters } from '../../api/queries/clients';
import { usePractitioners } from '../../api/queries/practitioners';
import { usePrograms } from '../../api/queries/programs';
import type { DataTableNavigation } from '../../components/DataTable';
import { ignoreAccents } from '../../components/ignoreAccents';
import { SearchBox } from '../../components/SearchBox';
import { useSession } from '../auth/useSession';
import { useClientWords } from './clientWords';
import { ClientsEmptyState } from './ClientsEmptyState';
import { ClientTable } from './ClientTable';

const SEARCH_DEBOUNCE_MS = 250;

function readStatus(value: string | null): ClientStatus | null {
  return CLIENT_STATUSES.find((status) => status === value) ?? null;
}

/** A list filter: its name is its placeholder (and, for screen readers, its label). */
function FilterSelect({ label, ...props }: SelectProps & { label: string }) {
  return <Select size="md" aria-label={label} placeholder={label} clearable {...props} />;
}

export default function ClientsPage() {
  const { t } = useTranslation();
  const words = useClientWords();
  const navigate = useNavigate();
  const session = useSession();
  // A clinician sees only her own clients (the API filters them): say so, and filter by no one else.
  const ownPractitioner =
    session.status === 'signed_in' && session.user.role === 'clinician' ? session.user.practitioner_id : null;
  const clinician = session.status === 'signed_in' && session.user.role === 'clinician';
  const [params, setParams] = useSearchParams();
  const searchRef = useRef<HTMLInputElement>(null);
  const rows = useRef<DataTableNavigation>(null);

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
  // The two effects sync two sources on purpose, each running only when its own side changed: with both values
  // as dependencies each would undo the other's change.
  useEffect(() => {
    if (urlQuery !== q) setParam('q', q);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);
  // ...and a URL changed from outside (e.g. the navbar's "Clients") resets the box.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (urlQuery !== q) setSearch(urlQuery);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [urlQuery]);

  const { query: list, items: clients } = useClientList(filters);
  const practitioners = usePractitioners({ readAll: true });
  const programs = usePrograms({ readAll: true });

  const settled = !list.isPlaceholderData && !list.isFetching && q === search.trim();

  // "Find a client in two keystrokes": Enter opens the top result, ↓ walks the rows (Enter opens, ↑ comes back).
  const openClient = (clientId: string) => navigate(`/clients/${clientId}`);
  function openTopResult() {
    if (settled && clients[0]) openClient(clients[0].id);
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
          {t('clients.list.title', words)}
        </Title>
        <Button component={Link} to="/clients/new">
          {t('clients.list.newClient', words)}
        </Button>
      </Group>
      {clinician ? (
        <Alert variant="light" color="blue" py="xs" title={t('clients.list.ownOnlyTitle', words)} data-testid="own-clients-notice">
          {t('clients.list.ownOnlyBody', words)}
        </Alert>
      ) : null}

      {/* On a tablet the search gets a row of its own and the filters share the next one. */}
      <Flex gap="sm" direction={{ base: 'column', md: 'row' }} align={{ base: 'stretch', md: 'flex-end' }}>
        <SearchBox
          ref={searchRef}
          flex={1}
          label={t('clients.list.searchLabel', words)}
          placeholder={t('clients.list.searchPlaceholder')}
          value={search}
          onChange={setSearch}
          onEnter={openTopResult}
          onArrowDown={() => rows.current?.focusRow(0)}
          autoFocus
          data-autofocus
        />
        <Group gap="sm" wrap="nowrap">
          <FilterSelect
            w={{ base: 'auto', md: 160 }}
            flex={{ base: 1, md: 'none' }}
            label={t('clients.list.status')}
            data={CLIENT_STATUSES.map((status) => ({ value: status, label: t(`clients.status.${status}`) }))}
            value={filters.status}
            onChange={(value) => setParam('status', value)}
          />
          <FilterSelect
            w={{ base: 'auto', md: 220 }}
            flex={{ base: 1, md: 'none' }}
            label={t('clients.list.practitioner')}
            data={practitioners.items
              .filter((practitioner) => ownPractitioner === null || practitioner.id === ownPractitioner)
              .map((practitioner) => ({ value: practitioner.id, label: practitioner.name }))}
            value={filters.practitionerId}
            onChange={(value) => setParam('practitioner', value)}
            searchable
            filter={ignoreAccents}
          />
          <FilterSelect
            w={{ base: 'auto', md: 220 }}
            flex={{ base: 1, md: 'none' }}
            label={t('clients.list.program')}
            data={programs.items.map((program) => ({ value: program.id, label: program.name }))}
            value={filters.programId}
            onChange={(value) => setParam('program', value)}
            searchable
            filter={ignoreAccents}
          />
        </Group>
      </Flex>

      {list.isError && !list.data ? (
        <Alert color="red" variant="light" role="alert" title={t('clients.list.loadFailed')}>
          <Button variant="default" size="xs" onClick={() => void list.refetch()}>
            {t('clients.list.retry')}
          </Button>
        </Alert>
      ) : !list.isPending && clients.length === 0 ? (
        <ClientsEmptyState query={q} hasFilters={hasFilters} onClearFilters={clearFilters} ownOnly={clinician} />
      ) : (
        <>
          <ClientTable
            clients={clients}
            loading={list.isPending}
            stale={list.isPlaceholderData}
            onOpen={(client) => openClient(client.id)}
            onExit={() => searchRef.current?.focus()}
            navigationRef={rows}
          />
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
