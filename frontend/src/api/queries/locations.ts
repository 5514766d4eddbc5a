/** Locations and their rooms. */
import { $api } from '../query';
import { useApiMutation } from './cache';
import { useCursorList } from './paging';

const LOCATIONS = '/api/v1/locations';
const ROOMS_OF_LOCATION = '/api/v1/locations/{location_id}/rooms';

export function useLocations({ includeInactive = false } = {}) {
  return useCursorList(LOCATIONS, { include_inactive: includeInactive });
}

export const useCreateLocation = () => useApiMutation('post', LOCATIONS, [LOCATIONS]);
export const useUpdateLocation = () => useApiMutation('patch', '/api/v1/locations/{record_id}', [LOCATIONS]);
export const useDeleteLocation = () => useApiMutation('delete', '/api/v1/locations/{record_id}', [LOCATIONS]);

/** All rooms of one location, inactive ones included (the rooms panel shows both). */
export function useRooms(locationId: string | null) {
  return $api.useQuery(
    'get',
    ROOMS_OF_LOCATION,
    { params: { path: { location_id: locationId ?? '' }, query: { include_inactive: true } } },
    { enabled: locationId !== null },
  );
}

/** Every active room of the practice, whatever its location (the calendar's room filter). */
export function useAllRooms() {
  return useCursorList('/api/v1/rooms', {}, { readAll: true });
}

const ROOM_RESOURCES = ['/api/v1/rooms', ROOMS_OF_LOCATION] as const;
export const useCreateRoom = () => useApiMutation('post', '/api/v1/rooms', ROOM_RESOURCES);
export const useUpdateRoom = () => useApiMutation('patch', '/api/v1/rooms/{record_id}', ROOM_RESOURCES);
export const useDeleteRoom = () => useApiMutation('delete', '/api/v1/rooms/{record_id}', ROOM_RESOURCES);
