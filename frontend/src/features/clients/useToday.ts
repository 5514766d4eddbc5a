import { usePractice } from '../../api/queries/practice';
import { todayIn } from './format';

/** Today's date (YYYY-MM-DD) in the practice's time zone: the limit for dates of birth, the default start date. */
export function useToday(): string {
  const practice = usePractice();
  return todayIn(practice.data?.time_zone);
}
