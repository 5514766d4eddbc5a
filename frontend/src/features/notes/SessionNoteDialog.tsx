/**
 * One session's note in a dialog, shaped by what the API says this user may do with it:
 * - anyone who may not read it (the front desk) gets the status line only: none, a draft, or signed by whom and
 *   when, with how many amendments, and nothing that suggests the text could be shown;
 * - the treating clinician writes the draft (Save; Sign asks first, since signing locks the session), and once
 *   it is signed reads it with its amendments (oldest first), adds amendments, and may unlock it with a reason;
 * - an admin reads the text, the amendments and the history and may unlock a signed note with a reason.
 * Earlier signed versions that were unlocked are kept in the note's history, shown collapsed. Esc or Close with
 * unsaved words asks first; 409s open the conflict dialog, other problems show above the buttons.
 */
import { Accordion, Box, Button, Group, Modal, Paper, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAddNoteAmendment,
  useSaveNoteDraft,
  useSessionNote,
  useSignNote,
  useUnlockNote,
  type NoteAmendment,
  type SessionNote,
} from '../../api/queries/notes';
import { ApiError } from '../../api/problem';
import { useApiErrorFeedback } from '../../components/apiErrors';
import { ConfirmDialog, type ConfirmRequest } from '../../components/ConfirmDialog';
import { ConflictDialog } from '../../components/ConflictDialog';
import { FormProblems } from '../../components/FormActions';
import { LoadError } from '../../components/LoadError';
import { useUnsavedChanges } from '../../components/useUnsavedChanges';
import { problemText } from '../../i18n/problemText';
import { formatDateIn } from '../calendar/zonedTime';
import { formatNoteTime, noteStatusText } from './noteStatus';

/** The API's limit for a note's text and for an amendment. */
const MAX_TEXT = 20_000;
const MAX_REASON = 500;

export interface SessionNoteDialogProps {
  appointmentId: string;
  /** Which session this is, for the dialog's heading ("Zoila Muñoz · mar 16 dic, 16:00–16:45"). */
  session: string;
  /** The practice's zone and the UI's locale: every time is written in them. */
  timeZone: string;
  locale: string;
  onClose: () => void;
}

type Step = 'sign' | 'unlock';

/** Words kept as written (line breaks too), wrapped anywhere rather than pushing the dialog wider. */
function NoteText({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="sm" radius="sm" data-testid={testId}>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Paper>
  );
}

export function SessionNoteDialog({ appointmentId, session, timeZone, locale, onClose }: SessionNoteDialogProps) {
  const { t } = useTranslation();
  const query = useSessionNote(appointmentId);
  const note = query.data;
  const save = useSaveNoteDraft();
  const sign = useSignNote();
  const amend = useAddNoteAmendment();
  const unlock = useUnlockNote();
  const feedback = useApiErrorFeedback();

  // What is typed; null while the draft shown is the saved one.
  const [draft, setDraft] = useState<string | null>(null);
  const [amendment, setAmendment] = useState('');
  const [textError, setTextError] = useState<string | null>(null);
  const [step, setStep] = useState<Step | null>(null);
  const [stepError, setStepError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const savedText = note?.text ?? '';
  const shownDraft = draft ?? savedText;
  const draftDirty = draft !== null && draft !== savedText;
  const guard = useUnsavedChanges(() => draftDirty || amendment.trim() !== '' || reason.trim() !== '');
  const close = () => guard.leave(onClose);
  const body = useRef<HTMLDivElement>(null);

  /**
   * Esc reaches every open dialog at once: while a question or conflict sits above this dialog (the focus is in
   * it), only that one answers.
   */
  function closeFromModal() {
    const active = document.activeElement;
    const mine = body.current?.closest('[role="dialog"]');
    if (active instanceof Element && mine && !mine.contains(active) && active.closest('[role="dialog"]')) return;
    close();
  }
  const when = (instant: string) => formatNoteTime(instant, timeZone, locale);

  function started() {
    feedback.reset();
    setTextError(null);
    setDone(null);
  }

  /** A failed call on the text being written: its field message on the text box, a 409 to the conflict dialog. */
  function failed(error: unknown) {
    feedback.handle(error, ['text'], (errors) => setTextError(errors.text ?? null));
  }

  function saveDraft() {
    started();
    save.mutate(
      { appointmentId, text: shownDraft },
      {
        onSuccess: () => {
          setDraft(null);
          setDone(t('notes.draft.saved'));
        },
        onError: failed,
      },
    );
  }

  function addAmendment() {
    started();
    if (amendment.trim() === '') {
      setTextError(t('notes.amendments.required'));
      return;
    }
    amend.mutate(
      { appointmentId, text: amendment },
      {
        onSuccess: () => {
          setAmendment('');
          setDone(t('notes.amendments.added'));
        },
        onError: failed,
      },
    );
  }

  function ask(next: Step) {
    started();
    setStepError(null);
    setReasonError(null);
    setStep(next);
  }

  function stopAsking() {
    setStep(null);
    setReason('');
    setReasonError(null);
    setStepError(null);
  }

  /** Sign or unlock failed: a conflict is explained in its own dialog; anything else stays in the question. */
  function stepFailed(error: unknown) {
    if (error instanceof ApiError && error.status === 409) {
      stopAsking();
      feedback.handle(error);
      return;
    }
    const text = problemText(error, t);
    if (text.fieldErrors.reason) setReasonError(text.fieldErrors.reason);
    else if (text.fieldErrors.text) {
      // The draft saved on the way to signing was refused: say so on the text box.
      stopAsking();
      setTextError(text.fieldErrors.text);
    } else setStepError(text.message);
  }

  async function confirmSign() {
    setStepError(null);
    try {
      // What is on screen is what gets signed: unsaved words are saved first.
      if (draftDirty) {
        await save.mutateAsync({ appointmentId, text: shownDraft });
        setDraft(null);
      }
      await sign.mutateAsync({ appointmentId });
      stopAsking();
      setDone(t('notes.sign.done'));
    } catch (error) {
      stepFailed(error);
    }
  }

  function confirmUnlock() {
    setStepError(null);
    if (reason.trim() === '') {
      setReasonError(t('notes.unlock.reasonRequired'));
      return;
    }
    unlock.mutate(
      { appointmentId, reason },
      {
        onSuccess: () => {
          stopAsking();
          // A draft takes no amendments: what was typed for one goes with the signature.
          setAmendment('');
          setDone(t('notes.unlock.done'));
        },
        onError: stepFailed,
      },
    );
  }

  const question: ConfirmRequest | null =
    step === 'sign'
      ? { title: t('notes.sign.title'), message: t('notes.sign.body'), confirmLabel: t('notes.sign.confirm'), onConfirm: () => void confirmSign() }
      : step === 'unlock'
        ? { title: t('notes.unlock.title'), message: t('notes.unlock.body'), confirmLabel: t('notes.unlock.confirm'), danger: true, focusCancel: true, onConfirm: confirmUnlock }
        : null;

  return (
    <>
      <Modal opened onClose={closeFromModal} size="lg" title={t('notes.title')} data-testid="session-note">
        <Stack gap="md" ref={body}>
          <Text size="sm" c="dimmed" truncate title={session}>
            {session}
          </Text>
          {note ? (
            <NoteBody
              note={note}
              when={when}
              signedDay={(instant) => formatDateIn(instant, timeZone, locale)}
              status={noteStatusText(note, t, timeZone, locale)}
              draft={shownDraft}
              onDraft={(value) => {
                setDraft(value);
                setTextError(null);
              }}
              amendment={amendment}
              onAmendment={(value) => {
                setAmendment(value);
                setTextError(null);
              }}
              textError={textError}
            />
          ) : query.isError ? (
            <LoadError error={query.error} title={t('notes.loadFailed')} onRetry={() => void query.refetch()} />
          ) : (
            <Stack gap="xs" aria-busy="true">
              <Skeleton height={14} width="60%" />
              <Skeleton height={120} />
            </Stack>
          )}

          <FormProblems messages={feedback.messages} />
          {done ? (
            <Text size="sm" c="dimmed" role="status" data-testid="note-done">
              {done}
            </Text>
          ) : null}
          <Group justify="space-between" gap="sm">
            <Group gap="sm">
              {note?.signed && note.may_unlock ? (
                <Button variant="subtle" color="red" onClick={() => ask('unlock')}>
                  {t('notes.unlock.button')}
                </Button>
              ) : null}
            </Group>
            <Group gap="sm" justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('notes.close')}
              </Button>
              {note?.signed && note.may_write ? (
                <Button variant="light" loading={amend.isPending} onClick={addAmendment}>
                  {t('notes.amendments.add')}
                </Button>
              ) : null}
              {note && !note.signed && note.may_write ? (
                <>
                  <Button variant="light" loading={save.isPending && step === null} disabled={!draftDirty} onClick={saveDraft}>
                    {t('notes.draft.save')}
                  </Button>
                  <Button disabled={shownDraft.trim() === ''} onClick={() => ask('sign')}>
                    {t('notes.sign.button')}
                  </Button>
                </>
              ) : null}
            </Group>
          </Group>
        </Stack>
      </Modal>
      {/* Beside the dialog, not in it: Esc in a question must not also reach the dialog under it. */}
      <ConfirmDialog request={question} loading={save.isPending || sign.isPending || unlock.isPending} error={stepError} onClose={stopAsking}>
        {step === 'unlock' ? (
          <Textarea
            label={t('notes.unlock.reason')}
            required
            rows={2}
            maxLength={MAX_REASON}
            value={reason}
            error={reasonError}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setReasonError(null);
            }}
          />
        ) : null}
      </ConfirmDialog>
      {feedback.conflict ? <ConflictDialog error={feedback.conflict} onClose={feedback.closeConflict} /> : null}
      {guard.dialog}
    </>
  );
}

interface NoteBodyProps {
  note: SessionNote;
  status: string;
  when: (instant: string) => string;
  signedDay: (instant: string) => string;
  draft: string;
  onDraft: (value: string) => void;
  amendment: string;
  onAmendment: (value: string) => void;
  textError: string | null;
}

/** The note as this user may see it and work on it. */
function NoteBody({ note, status, when, signedDay, draft, onDraft, amendment, onAmendment, textError }: NoteBodyProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Text size="sm" fw={600} data-testid="note-status">
        {status}
      </Text>

      {!note.content_visible ? null : note.signed ? (
        <>
          <Stack gap={6}>
            <Title order={3} size="h6">
              {t('notes.signedText')}
            </Title>
            <NoteText testId="note-signed-text">{note.text ?? ''}</NoteText>
          </Stack>
          {note.amendments.length > 0 ? (
            <Stack gap={6} data-testid="note-amendments">
              <Title order={3} size="h6">
                {t('notes.amendments.title')}
              </Title>
              <AmendmentList amendments={note.amendments} when={when} />
            </Stack>
          ) : null}
          {note.may_write ? (
            <Textarea
              label={t('notes.amendments.label')}
              description={t('notes.amendments.hint')}
              rows={3}
              resize="vertical"
              maxLength={MAX_TEXT}
              value={amendment}
              error={textError}
              onChange={(event) => onAmendment(event.currentTarget.value)}
            />
          ) : null}
        </>
      ) : note.may_write ? (
        <Textarea
          label={t('notes.draft.label')}
          description={t('notes.draft.hint')}
          rows={10}
          resize="vertical"
          maxLength={MAX_TEXT}
          value={draft}
          error={textError}
          onChange={(event) => onDraft(event.currentTarget.value)}
          data-autofocus
        />
      ) : (
        <Stack gap={6}>
          <Title order={3} size="h6">
            {t('notes.draft.readOnly')}
          </Title>
          {note.text ? <NoteText testId="note-draft-text">{note.text}</NoteText> : <Text size="sm" c="dimmed">{t('notes.draft.empty')}</Text>}
        </Stack>
      )}

      {note.content_visible && note.history.length > 0 ? (
        <Accordion variant="contained" data-testid="note-history">
          <Accordion.Item value="history">
            <Accordion.Control>{t('notes.history.title', { count: note.history.length })}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                {note.history.map((version) => (
                  <Stack gap={4} key={`${version.signed_at}-${version.unlocked_at}`}>
                    <Text size="xs" c="dimmed">
                      {version.unlocked_by_name
                        ? t('notes.history.item', { signed: signedDay(version.signed_at), name: version.unlocked_by_name, reason: version.unlock_reason })
                        : t('notes.history.itemNoName', { signed: signedDay(version.signed_at), reason: version.unlock_reason })}
                    </Text>
                    <NoteText>{version.text}</NoteText>
                    {version.amendments.length > 0 ? (
                      <Stack gap={4} pl="sm" data-testid="note-history-amendments">
                        <Text size="xs" fw={700}>
                          {t('notes.amendments.title')}
                        </Text>
                        <AmendmentList amendments={version.amendments} when={when} />
                      </Stack>
                    ) : null}
                  </Stack>
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      ) : null}
    </Stack>
  );
}

/** Amendments to one signed text, oldest first, each with its author and time. */
function AmendmentList({ amendments, when }: { amendments: NoteAmendment[]; when: (iso: string) => string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
      {amendments.map((item) => (
        <Box component="li" key={item.id}>
          <Text size="xs" c="dimmed" mb={4}>
            {t('notes.amendments.by', { name: item.author_name, when: when(item.created_at) })}
          </Text>
          <NoteText>{item.text}</NoteText>
        </Box>
      ))}
    </Stack>
  );
}
