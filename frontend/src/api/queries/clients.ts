/** Clients: the searchable list, one client's record, registering and editing. */
import { useQueryClient } from '@tanstack/react-query';
import type { Client, ClientStatus } from '../types';
import { ApiError } from '../problem';
import { $api } from '../query';
import { invalidateResource } from './cache';
import { useCursorList } from './paging';

export const CLIENTS = '/api/v1/clients';
const CLIENT = '/api/v1/clients/{client_id}';
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

/** The first few clients matching `q`, for pickers (e.g. choosing a related client). */
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

/**
 * After a client is saved: its record is the response, and everything under /clients may show it (lists, and
 * other clients' relationships show its name and contact details).
 */
function useRememberClient() {
  const queryClient = useQueryClient();
  return (client: Client) => {
    queryClient.setQueryData($api.queryOptions('get', CLIENT, { params: { path: { client_id: client.id } } }).queryKey, client);
    void invalidateResource(queryClient, CLIENTS);
  };
}

export function useCreateClient() {
  return $api.useMutation('post', CLIENTS, { onSuccess: useRememberClient() });
}

export function useUpdateClient() {
  return $api.useMutation('patch', CLIENT, { onSuccess: useRememberClient() });
}
