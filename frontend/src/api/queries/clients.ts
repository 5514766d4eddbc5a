/**
 * Clients: the searchable list, one client's record, registering and editing, possible duplicates of someone
 * being registered, deleting a record made by mistake and merging two records of one person.
 */
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import type { Client, ClientStatus, MergeField, PossibleDuplicatesQuery } from '../types';
import { ApiError } from '../problem';
import { $api } from '../query';
import { invalidateResource } from './cache';
import { useCursorList } from './paging';

export const CLIENTS = '/api/v1/clients';
const CLIENT = '/api/v1/clients/{client_id}';
const POSSIBLE_DUPLICATES = '/api/v1/clients/possible-duplicates';
const MERGE = '/api/v1/clients/{client_id}/merge';
export const CLIENT_PAGE_SIZE = 50;
/** How many matches a client picker offers. */
const PICKER_SIZE = 20;

export interface ClientFilters {
  q: string;
  status: ClientStatus | null;
  practitionerId: string | null;
  programId: string | null;
}

/** The client list, a page at a time; the previous results stay up while a new search loads. */
export function useClientList(filters: ClientFilters) {
  return useCursorList(
    CLIENTS,
    {
      q: filters.q || undefined,
      status: filters.status ?? undefined,
      practitioner_id: filters.practitionerId ?? undefined,
      program_id: filters.programId ?? undefined,
    },
    { pageSize: CLIENT_PAGE_SIZE },
  );
}

/**
 * The first few clients matching `q`, for pickers (e.g. choosing a related client). While a new `q` loads, the
 * previous answer stays as placeholder data (`query.isPlaceholderData`): never offer it as the answer to `q`.
 */
export function useClientSearch(q: string) {
  return useCursorList(CLIENTS, { q: q || undefined }, { pageSize: PICKER_SIZE });
}

export function useClient(clientId: string) {
  return $api.useQuery('get', CLIENT, { params: { path: { client_id: clientId } } });
}

/** True when the API says the client is not there for this user (missing, or not theirs; a bad id is a 422). */
export function isClientMissing(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 422);
}

/** The record a merged-away client now lives in (the API's 404 `not_found.merged`), or null. */
export function mergedInto(error: unknown): string | null {
  return error instanceof ApiError && error.status === 404 && error.problem.code === 'not_found.merged' ? error.mergedInto : null;
}

/**
 * Clients who may be the person being registered (same name and birth date, phone, e-mail or document).
 * A POST, so names and phones never travel in a URL; nothing is asked while `probe` is null.
 */
export function usePossibleDuplicates(probe: PossibleDuplicatesQuery | null) {
  return $api.useQuery(
    'post',
    POSSIBLE_DUPLICATES,
    { body: probe ?? {} },
    { enabled: probe !== null, staleTime: 30_000, placeholderData: keepPreviousData },
  );
}

/**
 * After a client is saved: its record is the response, and everything under /clients may show it (lists, and
 * other clients' relationships show its name and contact details).
 */
function clientKey(clientId: string) {
  return $api.queryOptions('get', CLIENT, { params: { path: { client_id: clientId } } }).queryKey;
}

function useRememberClient() {
  const queryClient = useQueryClient();
  return (client: Client) => {
    queryClient.setQueryData(clientKey(client.id), client);
    void invalidateResource(queryClient, CLIENTS);
  };
}

export function useCreateClient() {
  return $api.useMutation('post', CLIENTS, { onSuccess: useRememberClient() });
}

export function useUpdateClient() {
  return $api.useMutation('patch', CLIENT, { onSuccess: useRememberClient() });
}

/** Deletes a record made by mistake; a client with anything attached is refused with a 409. */
export function useDeleteClient() {
  const queryClient = useQueryClient();
  return $api.useMutation('delete', CLIENT, {
    onSuccess: (_data, variables) => {
      queryClient.removeQueries({ queryKey: clientKey(variables.params.path.client_id) });
      void invalidateResource(queryClient, CLIENTS);
    },
  });
}

export interface MergeRequest {
  survivorId: string;
  duplicateId: string;
  takeFromDuplicate: readonly MergeField[];
}

/** What merging `duplicateId` into `survivorId` would do (a dry run: nothing changes). */
export function useMergePreview(request: MergeRequest | null) {
  return $api.useQuery(
    'post',
    MERGE,
    {
      params: { path: { client_id: request?.survivorId ?? '' } },
      body: { duplicate_id: request?.duplicateId ?? '', dry_run: true, take_from_duplicate: [...(request?.takeFromDuplicate ?? [])] },
    },
    { enabled: request !== null, placeholderData: keepPreviousData, staleTime: 0, gcTime: 0 },
  );
}

/** Merges for real: the survivor's record is the answer; every client screen reloads (relationships moved). */
export function useMergeClients() {
  const queryClient = useQueryClient();
  return $api.useMutation('post', MERGE, {
    onSuccess: (result) => {
      queryClient.removeQueries({ queryKey: clientKey(result.duplicate_id) });
      queryClient.setQueryData(clientKey(result.survivor.id), result.survivor);
      void invalidateResource(queryClient, CLIENTS);
    },
  });
}
