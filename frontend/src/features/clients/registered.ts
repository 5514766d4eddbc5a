/** What the new-client page tells the client's page it opens (react-router location state). */
export interface RegisteredState {
  registered: {
    /** A minor was registered: offer to add a parent or guardian. */
    promptGuardian: boolean;
    /** Registered although these clients may be the same person: offer to merge. */
    possibleDuplicates: { id: string; name: string }[];
  };
}

export function readRegistered(state: unknown): RegisteredState['registered'] | null {
  if (typeof state !== 'object' || state === null || !('registered' in state)) return null;
  return (state as RegisteredState).registered;
}
