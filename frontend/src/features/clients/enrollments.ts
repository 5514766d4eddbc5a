/** Reading enrollments: whether one is current, upcoming or ended on a given day, and their display order. */
import type { Enrollment } from '../../api/types';

export type EnrollmentState = 'current' | 'upcoming' | 'ended';

/** The state on `today` (YYYY-MM-DD; plain dates compare as strings). The end date is the last day in the program. */
export function enrollmentState(enrollment: Pick<Enrollment, 'start_date' | 'end_date'>, today: string): EnrollmentState {
  if (enrollment.start_date > today) return 'upcoming';
  if (enrollment.end_date !== null && enrollment.end_date < today) return 'ended';
  return 'current';
}

/** Open enrollments first, then the most recent start first. */
export function sortEnrollments(enrollments: Enrollment[]): Enrollment[] {
  return [...enrollments].sort(
    (a, b) =>
      Number(a.end_date !== null) - Number(b.end_date !== null) ||
      b.start_date.localeCompare(a.start_date) ||
      a.program.name.localeCompare(b.program.name),
  );
}
