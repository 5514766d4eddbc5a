/**
 * A session's note: reading it (the text, amendments and history only for the treating clinician and admins; the
 * front desk learns only that it exists and whether it is signed), writing the draft, signing it, adding an
 * amendment to a signed note, and unlocking it with a reason. Every call answers the whole note, which replaces
 * the cached one at once; signing and unlocking lock or free the session, so every appointment is refreshed too.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../problem';
import { $api } from '../query';
import type { components } from '../schema';
import { invalidateResource } from './cache';

export type SessionNote = components['schemas']['NoteOut'];
export type NoteAmendment = SessionNote['amendments'][number];
export type SignedVersion = SessionNote['history'][number];

const APPOINTMENTS = '/api/v1/appointments';
const NOTE = '/api/v1/appointments/{appointment_id}/note';
const SIGN = '/api/v1/appointments/{appointment_id}/note/sign';
const AMENDMENTS = '/api/v1/appointments/{appointment_id}/note/amendments';
const UNLOCK = '/api/v1/appointments/{appointment_id}/note/unlock';

const pathOf = (appointmentId: string) => ({ params: { path: { appointment_id: appointmentId } } });

/** The note of one appointment, as this user may see it (none asked while `appointmentId` is null). */
export function useSessionNote(appointmentId: string | null) {
  return $api.useQuery('get', NOTE, pathOf(appointmentId ?? ''), { enabled: appointmentId !== null });
}

/**
 * A note call: the note it answers is cached as the appointment's note straight away (it is the whole note, so
 * nothing needs asking again); `locks` (sign, unlock) also refreshes every appointment query.
 */
function useNoteMutation<Variables>(
  call: (variables: Variables & { appointmentId: string }) => Promise<SessionNote>,
  { locks }: { locks: boolean },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (note, { appointmentId }) => {
      queryClient.setQueryData($api.queryOptions('get', NOTE, pathOf(appointmentId)).queryKey, note);
      // Signing or unlocking changes what may be done to the session (and its block): every appointment query,
      // this note's among them, is asked again.
      return locks ? invalidateResource(queryClient, APPOINTMENTS) : undefined;
    },
  });
}

/** Saves the draft's text (the treating clinician, while the note is not signed). */
export function useSaveNoteDraft() {
  return useNoteMutation<{ text: string }>(
    async ({ appointmentId, text }) => unwrap(await api.PUT(NOTE, { ...pathOf(appointmentId), body: { text } })),
    { locks: false },
  );
}

/** Signs the note, which locks the session: later changes are amendments. */
export function useSignNote() {
  return useNoteMutation<object>(async ({ appointmentId }) => unwrap(await api.POST(SIGN, pathOf(appointmentId))), {
    locks: true,
  });
}

/** Adds an amendment beside the signed text (the signed text itself never changes). */
export function useAddNoteAmendment() {
  return useNoteMutation<{ text: string }>(
    async ({ appointmentId, text }) => unwrap(await api.POST(AMENDMENTS, { ...pathOf(appointmentId), body: { text } })),
    { locks: false },
  );
}

/** Unlocks a signed note with a reason (recorded): it is a draft again and the session can change. */
export function useUnlockNote() {
  return useNoteMutation<{ reason: string }>(
    async ({ appointmentId, reason }) => unwrap(await api.POST(UNLOCK, { ...pathOf(appointmentId), body: { reason } })),
    { locks: true },
  );
}
