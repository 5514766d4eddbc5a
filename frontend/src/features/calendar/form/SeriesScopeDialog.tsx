/**
 * Saving the booking form's changes to an occurrence of a recurring series: which ones change (only this one, this
 * and the following ones, or all), with the server's preview before anything changes (the same as a drag's), then
 * exactly that plan. Changes the series cannot carry (a practitioner, reminders) leave only "this one" to choose.
 */
import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSchedulingClash, useSeriesChange, useUpdateAppointments } from '../../../api/queries/appointments';
import type { AppointmentUpdate, SeriesChangeScope, SeriesPlan } from '../../../api/types';
import { problemText } from '../../../i18n/problemText';
import { SERIES_SCOPES } from '../SeriesMoveDialog';
import { SeriesPlanView } from '../SeriesPlanView';
import { hasChanges, type SeriesChanges } from './seriesEdit';

export interface PendingSeriesEdit {
  appointmentId: string;
  changes: SeriesChanges;
  /** What only this one appointment can take (see splitSeriesEdit). */
  rest: AppointmentUpdate;
}

interface SeriesScopeDialogProps {
  edit: PendingSeriesEdit;
  timeZone: string;
  locale: string;
  describe: (appointmentId: string) => string | null;
  /** Back to the form, nothing changed. */
  onCancel: () => void;
  onDone: () => void;
}

export function SeriesScopeDialog({ edit, timeZone, locale, describe, onCancel, onDone }: SeriesScopeDialogProps) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<SeriesChangeScope | null>(null);
  const [plan, setPlan] = useState<SeriesPlan | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const preview = useSeriesChange();
  const apply = useSeriesChange();
  const update = useUpdateAppointments();
  const latest = useRef(0);
  const onlyThis = hasChanges(edit.rest);

  async function check(chosen: SeriesChangeScope, afterProblem: string | null = null) {
    const request = ++latest.current;
    setScope(chosen);
    setPlan(null);
    setProblem(afterProblem);
    try {
      const body = { scope: chosen, action: 'edit' as const, dry_run: true, allow_conflicts: false, changes: edit.changes };
      const answer = await preview.mutateAsync({ appointmentId: edit.appointmentId, body });
      if (request === latest.current) setPlan(answer);
    } catch (error) {
      if (request === latest.current) setProblem(`${t('calendar.seriesMove.previewFailed')} ${problemText(error, t).message}`);
    }
  }

  async function confirm() {
    if (!scope || !plan) return;
    setProblem(null);
    const allowConflicts = plan.clashes.length > 0;
    try {
      const done = await apply.mutateAsync({
        appointmentId: edit.appointmentId,
        body: { scope, action: 'edit', dry_run: false, allow_conflicts: allowConflicts, changes: edit.changes },
      });
      if (onlyThis) {
        await update.mutateAsync([{ appointmentId: edit.appointmentId, body: { ...edit.rest, allow_conflicts: allowConflicts } }]);
      }
      notifications.show({
        color: 'tend',
        message: scope === 'this' ? t('calendar.saved') : t('calendar.bookingForm.seriesSaved', { count: done.moves.length }),
      });
      onDone();
    } catch (error) {
      if (isSchedulingClash(error)) void check(scope, t('calendar.seriesMove.changedMeanwhile'));
      else setProblem(problemText(error, t).message);
    }
  }

  const clashing = (plan?.clashes.length ?? 0) > 0;
  return (
    <Modal opened onClose={onCancel} title={t('calendar.bookingForm.seriesTitle')} size="lg" centered>
      <Stack gap="sm" data-testid="series-scope-dialog">
        <Text size="sm">{t('calendar.bookingForm.seriesIntro')}</Text>
        <Radio.Group label={t('calendar.bookingForm.seriesScope')} value={scope} onChange={(value) => void check(value as SeriesChangeScope)}>
          <Stack gap="xs" mt={6}>
            {SERIES_SCOPES.map((value, index) => (
              <Radio
                key={value}
                value={value}
                label={t(`calendar.seriesMove.scopes.${value}`)}
                description={
                  onlyThis && value !== 'this'
                    ? t('calendar.bookingForm.onlyThisHint')
                    : t(`calendar.bookingForm.scopeHints.${value}`)
                }
                disabled={onlyThis && value !== 'this'}
                data-autofocus={index === 0 || undefined}
              />
            ))}
          </Stack>
        </Radio.Group>
        <SeriesPlanView
          scope={scope}
          plan={plan}
          checking={preview.isPending}
          appointmentId={edit.appointmentId}
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
            {t('calendar.bookingForm.backToForm')}
          </Button>
          <Button
            color={clashing ? 'orange' : 'tend'}
            disabled={plan === null}
            loading={apply.isPending || update.isPending}
            onClick={() => void confirm()}
          >
            {clashing ? t('calendar.bookingForm.saveAnyway') : t('calendar.bookingForm.saveSeries')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
