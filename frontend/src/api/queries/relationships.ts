/**
 * A client's relationships. Each is stored for both clients (each from their own side), so a change on one
 * client's page shows on the other's: a change refreshes every client's relationships.
 */
import { $api } from '../query';
import { useApiMutation } from './cache';

const RELATIONSHIPS = '/api/v1/clients/{client_id}/relationships';
const RELATIONSHIP = '/api/v1/clients/{client_id}/relationships/{relationship_id}';

export function useRelationships(clientId: string) {
  return $api.useQuery('get', RELATIONSHIPS, { params: { path: { client_id: clientId } } });
}

export const useAddRelationship = () => useApiMutation('post', RELATIONSHIPS, [RELATIONSHIPS]);
export const useUpdateRelationship = () => useApiMutation('patch', RELATIONSHIP, [RELATIONSHIPS]);
export const useRemoveRelationship = () => useApiMutation('delete', RELATIONSHIP, [RELATIONSHIPS]);
