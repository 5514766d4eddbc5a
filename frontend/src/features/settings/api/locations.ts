/** Locations and their rooms. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { LocationCreate, LocationUpdate, RoomCreate, RoomUpdate } from '../../../api/types';
import { PAGE_SIZE, useCursorList, useInvalidate } from './cursorList';
import { settingsKeys } from './keys';

export function useLocations(includeInactive: boolean) {
  return useCursorList([...settingsKeys.locations, { includeInactive }], async (cursor) =>
    unwrap(
      await api.GET('/api/v1/locations', {
        params: { query: { include_inactive: includeInactive, limit: PAGE_SIZE, cursor } },
      }),
    ),
  );
}

function useInvalidateLocations() {
  const invalidate = useInvalidate();
  return () => invalidate(settingsKeys.locations, ['locations']);
}

export function useCreateLocation() {
  const onSuccess = useInvalidateLocations();
  return useMutation({
    mutationFn: async (body: LocationCreate) => unwrap(await api.POST('/api/v1/locations', { body })),
    onSuccess,
  });
}

export function useUpdateLocation() {
  const onSuccess = useInvalidateLocations();
  return useMutation({
    mutationFn: async ({ id, changes }: { id: string; changes: LocationUpdate }) =>
      unwrap(await api.PATCH('/api/v1/locations/{record_id}', { params: { path: { record_id: id } }, body: changes })),
    onSuccess,
  });
}

export function useDeleteLocation() {
  const onSuccess = useInvalidateLocations();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/api/v1/locations/{record_id}', { params: { path: { record_id: id } } })),
    onSuccess,
  });
}

/** All rooms of one location, inactive ones included (the rooms panel shows both). */
export function useRooms(locationId: string | null) {
  return useQuery({
    queryKey: [...settingsKeys.rooms, locationId],
    enabled: locationId !== null,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/locations/{location_id}/rooms', {
          params: { path: { location_id: locationId ?? '' }, query: { include_inactive: true } },
          signal,
        }),
      ),
  });
}

function useInvalidateRooms() {
  const invalidate = useInvalidate();
  return () => invalidate(settingsKeys.rooms, ['rooms']);
}

export function useCreateRoom() {
  const onSuccess = useInvalidateRooms();
  return useMutation({
    mutationFn: async (body: RoomCreate) => unwrap(await api.POST('/api/v1/rooms', { body })),
    onSuccess,
  });
}

export function useUpdateRoom() {
  const onSuccess = useInvalidateRooms();
  return useMutation({
    mutationFn: async ({ id, changes }: { id: string; changes: RoomUpdate }) =>
      unwrap(await api.PATCH('/api/v1/rooms/{record_id}', { params: { path: { record_id: id } }, body: changes })),
    onSuccess,
  });
}

export function useDeleteRoom() {
  const onSuccess = useInvalidateRooms();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/api/v1/rooms/{record_id}', { params: { path: { record_id: id } } })),
    onSuccess,
  });
}
