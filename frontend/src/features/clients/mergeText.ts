/** What a merge drops, in the UI language (from the API's reason codes). */
import type { TFunction } from 'i18next';
import type { MergeDropped } from '../../api/types';

export function droppedText(t: TFunction, item: MergeDropped): string {
  const subject = t(`clients.merge.droppedWhat.${item.what}`);
  switch (item.reason_code) {
    case 'between_merged':
      return `${subject}: ${t('clients.merge.droppedReasons.between')}`;
    case 'already_related':
      return `${subject}: ${t('clients.merge.droppedReasons.alreadyRelated')}`;
    case 'overlapping_enrollment':
      return `${subject}: ${t('clients.merge.droppedReasons.overlaps', { program: item.program ?? '' })}`;
  }
}
