/**
 * An appointment's note in one line, for the event popover: its status (none yet, a draft, signed by whom and
 * when), and for those who may read or write it the way into the note. The front desk gets the line alone.
 * Nothing is shown while it loads or when the note cannot be read at all.
 */
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSessionNote } from '../../api/queries/notes';
import { noteStatusText } from './noteStatus';

export interface NoteSummaryProps {
  appointmentId: string;
  timeZone: string;
  locale: string;
  onOpen: () => void;
}

export function NoteSummary({ appointmentId, timeZone, locale, onOpen }: NoteSummaryProps) {
  const { t } = useTranslation();
  const note = useSessionNote(appointmentId).data;
  if (!note) return null;
  // Something to read, or the treating clinician's to write; an admin has nothing to open before a note exists.
  const openable = note.content_visible && (note.exists || note.may_write);
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap" data-testid="note-summary">
      <Text size="sm" c="dimmed" style={{ minWidth: 0 }} data-testid="note-status">
        {noteStatusText(note, t, timeZone, locale)}
      </Text>
      {openable ? (
        <Button size="compact-xs" variant="light" style={{ flexShrink: 0 }} onClick={onOpen}>
          {note.exists ? t('notes.open') : t('notes.write')}
        </Button>
      ) : null}
    </Group>
  );
}
