/** Server state for the client screens: TanStack Query hooks over the typed API client. */
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/problem';
import type {
  Client,
  ClientCreate,
  ClientStatus,
  ClientUpdate,
  EnrollmentCreate,
  EnrollmentUpdate,
  RelationshipCreate,
  RelationshipUpdate,
} from '../../api/types';

export const CLIENT_PAGE_SIZE = 50;

export interface ClientFilters {
  q: string;
  status: ClientStatus | null;
  practitionerId: string | null;
  programId: string | null;
}

export const clientKeys = {
  all: ['clients'] as const,
  lists: () => ['clients', 'list'] as const,
  list: (filters: ClientFilters) => ['clients', 'list', 'page', filters] as const,
  picker: (q: string) => ['clients', 'list', 'picker', q] as const,
  detail: (clientId: string) => ['clients', 'detail', clientId] as const,
  relationshipsOfAll: () => ['clients', 'relationships'] as const,
  relationships: (clientId: string) => ['clients', 'relationships', clientId] as const,
  enrollments: (clientId: string) => ['clients', 'enrollments', clientId] as const,
};

/** The client list, a page at a time (cursor paging); the previous results stay up while a new search loads. */
export function useClientList(filters: ClientFilters) {
  return useInfiniteQuery({
    queryKey: clientKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/clients', {
          params: {
            query: {
              q: filters.q || undefined,
              status: filters.status ?? undefined,
              practitioner_id: filters.practitionerId ?? undefined,
              program_id: filters.programId ?? undefined,
              limit: CLIENT_PAGE_SIZE,
              cursor: pageParam ?? undefined,
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** A short list of clients matching `q`, for pickers (e.g. choosing a related client). */
export function useClientSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: clientKeys.picker(q),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/clients', { params: { query: { q: q || undefined, limit: 20 } }, signal })).items,
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useClient(clientId: string) {
  return useQuery({
    queryKey: clientKeys.detail(clientId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/clients/{client_id}', { params: { path: { client_id: clientId } }, signal })),
  });
}

/** True when the API says the client is not there for this user (missing, or not theirs; a bad id is a 422). */
export function isClientMissing(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 422);
}

function rememberClient(queryClient: QueryClient, client: Client) {
  queryClient.setQueryData(clientKeys.detail(client.id), client);
  void queryClient.invalidateQueries({ queryKey: clientKeys.lists() });
}

export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ClientCreate) => unwrap(await api.POST('/api/v1/clients', { body })),
    onSuccess: (client) => rememberClient(queryClient, client),
  });
}

export function useUpdateClient(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ClientUpdate) =>
      unwrap(await api.PATCH('/api/v1/clients/{client_id}', { params: { path: { client_id: clientId } }, body })),
    onSuccess: (client) => {
      rememberClient(queryClient, client);
      // Other clients' relationship lists show this client's name and contact details.
      void queryClient.invalidateQueries({ queryKey: clientKeys.relationshipsOfAll() });
    },
  });
}

export function useRelationships(clientId: string) {
  return useQuery({
    queryKey: clientKeys.relationships(clientId),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/clients/{client_id}/relationships', {
          params: { path: { client_id: clientId } },
          signal,
        }),
      ),
  });
}

// A relationship is stored in both directions, so a change on one client shows on the other: refresh them all.
function useRelationshipMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.relationshipsOfAll() }),
  });
}

export function useAddRelationship(clientId: string) {
  return useRelationshipMutation(async (body: RelationshipCreate) =>
    unwrap(
      await api.POST('/api/v1/clients/{client_id}/relationships', { params: { path: { client_id: clientId } }, body }),
    ),
  );
}

export function useUpdateRelationship(clientId: string) {
  return useRelationshipMutation(async ({ id, body }: { id: string; body: RelationshipUpdate }) =>
    unwrap(
      await api.PATCH('/api/v1/clients/{client_id}/relationships/{relationship_id}', {
        params: { path: { client_id: clientId, relationship_id: id } },
        body,
      }),
    ),
  );
}

export function useRemoveRelationship(clientId: string) {
  return useRelationshipMutation(async (relationshipId: string) =>
    unwrap(
      await api.DELETE('/api/v1/clients/{client_id}/relationships/{relationship_id}', {
        params: { path: { client_id: clientId, relationship_id: relationshipId } },
      }),
    ),
  );
}

export function useEnrollments(clientId: string) {
  return useQuery({
    queryKey: clientKeys.enrollments(clientId),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/clients/{client_id}/enrollments', { params: { path: { client_id: clientId } }, signal }),
      ),
  });
}

// Enrollments decide the client's "current programs", shown in the header and the list.
function useEnrollmentMutation<Variables, Result>(clientId: string, mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: clientKeys.enrollments(clientId) }),
        queryClient.invalidateQueries({ queryKey: clientKeys.detail(clientId) }),
        queryClient.invalidateQueries({ queryKey: clientKeys.lists() }),
      ]),
  });
}

export function useEnroll(clientId: string) {
  return useEnrollmentMutation(clientId, async (body: EnrollmentCreate) =>
    unwrap(
      await api.POST('/api/v1/clients/{client_id}/enrollments', { params: { path: { client_id: clientId } }, body }),
    ),
  );
}

export function useUpdateEnrollment(clientId: string) {
  return useEnrollmentMutation(clientId, async ({ id, body }: { id: string; body: EnrollmentUpdate }) =>
    unwrap(
      await api.PATCH('/api/v1/clients/{client_id}/enrollments/{enrollment_id}', {
        params: { path: { client_id: clientId, enrollment_id: id } },
        body,
      }),
    ),
  );
}
