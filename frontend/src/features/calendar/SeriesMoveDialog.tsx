/**
 * Moving an occurrence of a recurring series (a drag or a resize): which ones move (only this one, this and the
 * following ones, or all in the series), and before anything changes, what would: the appointments that move
 * (before → after, in the practice's zone), those added or removed, those kept as they are and why, and any
 * clash. Confirming carries out exactly that plan (over the clashes when there are some); cancelling, closing or
 * Esc puts the block back where it was. The calendar then shows what the server did: when the plan leaves the
 * dragged occurrence elsewhere than where it was dropped (a signed note keeps it, say), the preview says so and
 * the block goes back before the calendar refetches.
 */
import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSchedulingClash, useSeriesChange } from '../../api/queries/appointments';
import type { CalendarEntry, SeriesChange, SeriesChangeScope, SeriesPlan } from '../../api/types';
import { problemText } from '../../i18n/problemText';
import type { SchedulingReference } from './useSchedulingReference';
import { SeriesPlanView } from './SeriesPlanView';
import { formatRangeIn } from './zonedTime';

/** A dropped (or resized) occurrence, not saved yet. */
export interface PendingSeriesMove {
  entry: CalendarEntry;
  startsAt: string;
  endsAt: string;
  /** Puts the block back where it was. */
  revert: () => void;
}

export const SERIES_SCOPES: readonly SeriesChangeScope[] = ['this', 'following', 'all'];
export { keptReason, LISTED_MOVES } from './SeriesPlanView';

interface SeriesMoveDialogProps {
  move: PendingSeriesMove;
  reference: SchedulingReference & { timeZone: string };
  /** What a clashing appointment is, when the calendar knows it. */
  describe: (appointmentId: string) => string | null;
  /** Closed without changing anything: the block goes back. */
  onCancel: () => void;
  /** The plan was carried out. */
  onDone: () => void;
}

/** Whether the plan leaves the dragged occurrence exactly where it was dropped. */
export function landsWhereDropped(plan: SeriesPlan, move: PendingSeriesMove): boolean {
  return plan.moves.some(
    (item) =>
      item.appointment_id === move.entry.id &&
      Date.parse(item.to_starts_at) === Date.parse(move.startsAt) &&
      Date.parse(item.to_ends_at) === Date.parse(move.endsAt),
  );
}

export function SeriesMoveDialog({ move, reference, describe, onCancel, onDone }: SeriesMoveDialogProps) {
  const { t } = useTranslation();
  const { timeZone, locale } = reference;
  const [scope, setScope] = useState<SeriesChangeScope | null>(null);
  const [plan, setPlan] = useState<SeriesPlan | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const preview = useSeriesChange();
  const apply = useSeriesChange();
  // Only the answer to the latest scope chosen is shown (arrow keys run through the choices quickly).
  const latest = useRef(0);
  const range = (start: string, end: string) => formatRangeIn(start, end, timeZone, locale);

  function bodyFor(chosen: SeriesChangeScope, dryRun: boolean, allowConflicts: boolean): SeriesChange {
    return {
      scope: chosen,
      action: 'edit',
      dry_run: dryRun,
      allow_conflicts: allowConflicts,
      changes: { starts_at: move.startsAt, ends_at: move.endsAt },
    };
  }

  async function check(chosen: SeriesChangeScope, afterProblem: string | null = null) {
    const request = ++latest.current;
    setScope(chosen);
    setPlan(null);
    setProblem(afterProblem);
    try {
      const answer = await preview.mutateAsync({ appointmentId: move.entry.id, body: bodyFor(chosen, true, false) });
      if (request === latest.current) setPlan(answer);
    } catch (error) {
      if (request === latest.current) setProblem(`${t('calendar.seriesMove.previewFailed')} ${problemText(error, t).message}`);
    }
  }

  async function confirm() {
    if (!scope || !plan) return;
    setProblem(null);
    try {
      const done = await apply.mutateAsync({
        appointmentId: move.entry.id,
        body: bodyFor(scope, false, plan.clashes.length > 0),
        // No optimistic position left behind: a block the server kept elsewhere goes back first.
        onApplied: (done) => {
          if (!landsWhereDropped(done, move)) move.revert();
        },
      });
      notifications.show({ color: 'tend', message: t('calendar.seriesMove.moved', { count: done.moves.length }) });
      onDone();
    } catch (error) {
      // Someone booked in the way since the preview: show the plan as it is now.
      if (isSchedulingClash(error)) void check(scope, t('calendar.seriesMove.changedMeanwhile'));
      else setProblem(problemText(error, t).message);
    }
  }

  const clashing = (plan?.clashes.length ?? 0) > 0;

  return (
    <Modal opened onClose={onCancel} title={t('calendar.seriesMove.title')} size="lg" centered>
      <Stack gap="sm" data-testid="series-move-dialog">
        <Text size="sm">{t('calendar.seriesMove.intro', { time: range(move.startsAt, move.endsAt) })}</Text>
        <Radio.Group
          label={t('calendar.seriesMove.scope')}
          value={scope}
          onChange={(value) => void check(value as SeriesChangeScope)}
        >
          <Stack gap="xs" mt={6}>
            {SERIES_SCOPES.map((value, index) => (
              <Radio
                key={value}
                value={value}
                label={t(`calendar.seriesMove.scopes.${value}`)}
                description={t(`calendar.seriesMove.scopeHints.${value}`)}
                data-autofocus={index === 0 || undefined}
              />
            ))}
          </Stack>
        </Radio.Group>

        <SeriesPlanView
          scope={scope}
          plan={plan}
          checking={preview.isPending}
          appointmentId={move.entry.id}
          timeZone={timeZone}
          locale={locale}
          describe={describe}
        />

        {problem ? (
          <Alert color="red" variant="light" p="xs" role="alert">
            <Text size="sm">{problem}</Text>
          </Alert>
        ) : null}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('calendar.seriesMove.cancel')}
          </Button>
          <Button
            color={clashing ? 'orange' : 'tend'}
            disabled={plan === null}
            loading={apply.isPending}
            onClick={() => void confirm()}
          >
            {clashing ? t('calendar.seriesMove.confirmAnyway') : t('calendar.seriesMove.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
