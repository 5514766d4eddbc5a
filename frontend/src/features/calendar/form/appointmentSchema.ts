/**
 * What a booking (or an edit) needs before it is sent, as a zod schema Mantine's form reads (schemaResolver): the
 * fields every kind has, then what the kind, a new client, a logged no-show and a repetition add. Messages are the
 * UI language's, one per field (the first problem found is the one shown).
 */
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { moneyInputError, type MoneyError } from '../../../components/MoneyInput';
import type { ClientWords } from '../../clients/clientWords';
import {
  CLIENT_KINDS,
  MAX_REPEAT_COUNT,
  MIN_REPEAT_COUNT,
  durationOf,
  repeatCountOf,
  type AppointmentFormValues,
} from '../appointmentForm';
import { noShowFee } from '../noShowFee';
import { isWallTime } from '../zonedTime';

export interface SchemaContext {
  t: TFunction;
  words: ClientWords;
  /** The date field's own check (its problem in words, or null). */
  checkDate: (value: string | null | undefined) => string | null;
  moneyMessage: (error: MoneyError, currency: string) => string;
  timeZone: string;
  editing: boolean;
  mayPrice: boolean;
  noShowFees: Partial<Record<string, number>>;
  /** Whether these values log a past session as a no-show (its fee is then checked). */
  logsNoShow: (values: AppointmentFormValues) => boolean;
}

export function appointmentSchema(context: SchemaContext) {
  const { t, words, checkDate, moneyMessage, timeZone, editing, mayPrice, noShowFees, logsNoShow } = context;
  const required = t('common.required');
  const wallTime = z.string().refine(isWallTime, t('calendar.form.timeRequired'));
  const day = z
    .string()
    .nullable()
    .refine((value) => Boolean(value), required)
    .superRefine((value, ctx) => {
      const problem = value ? checkDate(value) : null;
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

  return z
    .looseObject({ date: day, start: wallTime, end: wallTime })
    .superRefine((raw, ctx) => {
      const values = raw as unknown as AppointmentFormValues;
      const issue = (path: string, message: string, when: boolean) => {
        if (when) ctx.addIssue({ code: 'custom', path: path.split('.'), message });
      };
      issue('practitionerId', t('calendar.form.practitionerRequired'), values.kind !== 'other_event' && !values.practitionerId);
      const timesRead = isWallTime(values.start) && isWallTime(values.end) && Boolean(values.date) && !checkDate(values.date);
      const minutes = durationOf(values, timeZone);
      issue('end', t('calendar.form.endAfterStart'), timesRead && (minutes === null || minutes <= 0));
      if (CLIENT_KINDS.includes(values.kind) && !editing) {
        const nameMissing = t('calendar.form.nameRequired', words);
        if (values.newClient) {
          issue('newClient.first_name', nameMissing, values.newClient.first_name.trim() === '');
          issue('newClient.last_name', nameMissing, values.newClient.last_name.trim() === '');
        } else {
          issue('clientId', t('calendar.form.clientRequired', words), !values.clientId);
        }
      }
      if (values.kind === 'client_session') {
        issue('serviceId', t('calendar.form.serviceRequired'), !values.serviceId);
        issue('locationId', t('calendar.form.locationRequired'), !values.locationId);
        const priceError = moneyInputError(values.price, values.currency);
        if (priceError) issue('price', moneyMessage(priceError, values.currency), true);
      }
      issue('medium', t('calendar.form.mediumRequired'), values.kind === 'client_contact' && !values.medium);
      issue('contactWith', t('calendar.form.contactWithRequired'), values.kind === 'collateral_contact' && !values.contactWith);
      issue('title', t('calendar.form.titleRequired'), values.kind === 'other_event' && values.title.trim() === '');
      if (mayPrice && logsNoShow(values)) {
        const fee = noShowFee(values.noShowFee, values.currency, noShowFees[values.currency] ?? 0);
        issue('noShowFee.amount', t('calendar.popover.noShowAmountError'), !fee.ok && fee.error === 'amount');
        issue('noShowFee.reason', t('calendar.popover.noShowWaiveReasonError'), !fee.ok && fee.error === 'reason');
      }
      if (!editing && values.repeats !== 'none') {
        issue('repeats', t('calendar.form.repeatNeedsClient', words), CLIENT_KINDS.includes(values.kind) && values.newClient !== null);
        if (values.repeatEnd === 'until') {
          const untilProblem = values.repeatUntil ? checkDate(values.repeatUntil) : null;
          issue('repeatUntil', required, !values.repeatUntil);
          if (untilProblem) issue('repeatUntil', untilProblem, true);
          issue(
            'repeatUntil',
            t('calendar.form.repeatUntilBeforeStart'),
            Boolean(values.date && values.repeatUntil && values.repeatUntil < values.date),
          );
        }
        issue(
          'repeatCount',
          t('calendar.form.repeatCountRange', { min: MIN_REPEAT_COUNT, max: MAX_REPEAT_COUNT }),
          values.repeatEnd === 'count' && repeatCountOf(values.repeatCount) === null,
        );
      }
    });
}
