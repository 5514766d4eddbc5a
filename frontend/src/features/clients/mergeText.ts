/** What a merge drops, in the UI language (the API says it in English; the known reasons are translated). */
import type { TFunction } from 'i18next';

interface Dropped {
  what: string;
  reason: string;
}

export function droppedText(t: TFunction, { what, reason }: Dropped): string {
  const subject = what === 'relationship' || what === 'enrollment' ? t(`clients.merge.droppedWhat.${what}`) : what;
  let because = reason;
  const overlap = /^overlaps the survivor's enrollment in (.+)$/.exec(reason);
  if (reason === 'between the two records being merged') because = t('clients.merge.droppedReasons.between');
  else if (reason === 'the survivor is already related to this person') because = t('clients.merge.droppedReasons.alreadyRelated');
  else if (overlap) because = t('clients.merge.droppedReasons.overlaps', { program: overlap[1] });
  return `${subject}: ${because}`;
}
