/** What opens over the calendar: a block's popover, the booking and edit forms, the series-move question, a
 * move's clashes and the long-resize question. */
import type { CalendarEntry } from '../../api/types';
import { useAppointment } from '../../api/queries/appointments';
import { AppointmentForm, type AppointmentFormMode } from './AppointmentForm';
import type { CalendarBlock } from './calendarBlocks';
import { ClashDialog } from './ClashDialog';
import { clientNameOf } from './EventContent';
import { EventPopover } from './EventPopover';
import { LongResizeDialog } from './LongResizeDialog';
import { SeriesMoveDialog } from './SeriesMoveDialog';
import type { BoardMoves } from './useBoardMoves';
import type { SchedulingReference } from './useSchedulingReference';

export interface PopoverState {
  blockId: string;
  anchor: DOMRect;
}

interface BoardDialogsProps {
  reference: SchedulingReference & { timeZone: string };
  popover: PopoverState | null;
  shownBlock: CalendarBlock | undefined;
  form: AppointmentFormMode | null;
  editingId: string | null;
  entryById: Map<string, CalendarEntry>;
  moves: BoardMoves;
  describe: (appointmentId: string) => string | null;
  onClosePopover: () => void;
  onEdit: (entry: CalendarEntry) => void;
  onCloseForm: () => void;
  onCloseEdit: () => void;
}

export function BoardDialogs(props: BoardDialogsProps) {
  const { reference, popover, shownBlock, form, editingId, moves, describe } = props;
  const editing = useAppointment(editingId);
  const { timeZone, locale } = reference;
  const { seriesMove, moveClash, longResize } = moves;
  return (
    <>
      {shownBlock && popover ? (
        <EventPopover
          key={shownBlock.id}
          block={shownBlock}
          anchor={popover.anchor}
          reference={reference}
          onClose={props.onClosePopover}
          onEdit={props.onEdit}
        />
      ) : null}
      {form ? <AppointmentForm mode={form} reference={reference} onClose={props.onCloseForm} describeClash={describe} /> : null}
      {editingId && editing.data ? (
        <AppointmentForm
          key={editing.data.id}
          mode={{ type: 'edit', appointment: editing.data, clientName: clientNameOf(props.entryById.get(editingId)) }}
          reference={reference}
          onClose={props.onCloseEdit}
          describeClash={describe}
        />
      ) : null}
      {seriesMove.pending ? (
        <SeriesMoveDialog
          key={`${seriesMove.pending.entry.id}-${seriesMove.pending.startsAt}-${seriesMove.pending.endsAt}`}
          move={seriesMove.pending}
          reference={reference}
          describe={describe}
          onCancel={seriesMove.cancel}
          onDone={seriesMove.done}
        />
      ) : null}
      <ClashDialog
        clashes={moveClash.clashes}
        action="move"
        timeZone={timeZone}
        locale={locale}
        describe={describe}
        loading={moveClash.loading}
        onClose={moveClash.close}
        onOverride={moveClash.override}
      />
      <LongResizeDialog pending={longResize.pending} timeZone={timeZone} locale={locale} onKeep={longResize.keep} onRevert={longResize.revert} />
    </>
  );
}
