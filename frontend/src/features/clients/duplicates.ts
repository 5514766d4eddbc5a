/**
 * The duplicate check of a person being registered: what to ask the API (only what can match: a name with a
 * date of birth, a phone, an e-mail, a document number) and when. The API answers with the clients the user may
 * see and why each matched; registering anyway stays possible.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { usePossibleDuplicates } from '../../api/queries/clients';
import { $api } from '../../api/query';
import type { PossibleDuplicate, PossibleDuplicatesQuery } from '../../api/types';
import { isIsoDate } from '../../lib/dates';
import { looksLikeEmail } from '../../lib/text';

export interface DuplicateProbeSource {
  first_name: string;
  last_name: string;
  date_of_birth?: string | null;
  phone: string;
  email: string;
  id_number?: string;
}

const DEBOUNCE_MS = 300;

function filled(value: string | undefined | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** The question for the API, or null when nothing typed so far could match anyone. */
export function duplicateProbe(values: DuplicateProbeSource, excludeClientId?: string): PossibleDuplicatesQuery | null {
  const probe: PossibleDuplicatesQuery = {};
  const first = filled(values.first_name);
  const last = filled(values.last_name);
  if (first && last && isIsoDate(values.date_of_birth)) {
    Object.assign(probe, { first_name: first, last_name: last, date_of_birth: values.date_of_birth });
  }
  const phone = filled(values.phone);
  if (phone && phone.replace(/\D/g, '').length >= 6) probe.phone = phone;
  const email = filled(values.email);
  if (email && looksLikeEmail(email)) probe.email = email;
  const idNumber = filled(values.id_number);
  if (idNumber && idNumber.length >= 4) probe.id_number = idNumber;
  if (Object.keys(probe).length === 0) return null;
  if (excludeClientId) probe.exclude_client_id = excludeClientId;
  return probe;
}

/**
 * Checks as the form is filled in (call `onFieldBlur` when a field that can match loses focus; calls are
 * debounced), and once more on save with exactly what is being saved (`checkNow`).
 */
export function useDuplicateCheck(excludeClientId?: string) {
  const queryClient = useQueryClient();
  const [probe, setProbe] = useState<PossibleDuplicatesQuery | null>(null);
  const [settled] = useDebouncedValue(probe, DEBOUNCE_MS);
  const query = usePossibleDuplicates(settled);
  const matches: PossibleDuplicate[] = settled ? (query.data?.items ?? []) : [];

  function onFieldBlur(values: DuplicateProbeSource) {
    const next = duplicateProbe(values, excludeClientId);
    setProbe((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
  }

  /** The matches for `values`, asking the API unless the answer is already known; [] if the check fails. */
  async function checkNow(values: DuplicateProbeSource): Promise<PossibleDuplicate[]> {
    const next = duplicateProbe(values, excludeClientId);
    if (next === null) return [];
    setProbe(next);
    try {
      const answer = await queryClient.fetchQuery({
        ...$api.queryOptions('post', '/api/v1/clients/possible-duplicates', { body: next }),
        staleTime: 30_000,
      });
      return answer.items;
    } catch {
      return []; // the check helps; it never stops a registration
    }
  }

  return { matches, onFieldBlur, checkNow };
}
