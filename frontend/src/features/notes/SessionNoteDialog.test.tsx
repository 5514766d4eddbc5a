import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionNote } from '../../api/queries/notes';
import { createQueryClient } from '../../queryClient';
import { fakeApi, json, signInAs, type ApiCall } from '../../test/fakeApi';
import { theme } from '../../theme';
import { SessionNoteDialog } from './SessionNoteDialog';

const SLOW = { timeout: 8_000 };
const ID = 'a1';
const NOTE_PATH = `/api/v1/appointments/${ID}/note`;
const CARMEN = { id: '00000000-0000-0000-0000-00000000000c', name: 'Dra. Carmen Quispe' };
// 16:50 in Lima on 16 December 2026; the amendment a day later at 09:05.
const SIGNED_AT = '2026-12-16T21:50:00Z';
const AMENDED_AT = '2026-12-17T14:05:00Z';

function note(extra: Partial<SessionNote> = {}): SessionNote {
  return {
    appointment_id: ID,
    exists: false,
    signed: false,
    signed_at: null,
    signed_by_user_id: null,
    signed_by_name: null,
    updated_at: null,
    amendment_count: 0,
    content_visible: true,
    text: '',
    amendments: [],
    history: [],
    may_write: false,
    may_unlock: false,
    ...extra,
  };
}

/** What the front desk is told about a signed note with one amendment: that much, and nothing of the text. */
const signedForFrontDesk = note({
  exists: true,
  signed: true,
  signed_at: SIGNED_AT,
  signed_by_user_id: CARMEN.id,
  signed_by_name: CARMEN.name,
  updated_at: SIGNED_AT,
  amendment_count: 1,
  content_visible: false,
  text: null,
});

const amendment = { id: 'm1', text: 'Se acordó una sesión extra.', created_at: AMENDED_AT, author_user_id: CARMEN.id, author_name: CARMEN.name };

/** The same note as an admin reads it, after an earlier signed version was unlocked once. */
const signedForAdmin = note({
  ...signedForFrontDesk,
  content_visible: true,
  text: 'Paciente refiere mejoría.',
  amendments: [amendment],
  history: [
    {
      text: 'Primera versión.',
      signed_at: '2026-12-16T20:00:00Z',
      signed_by_name: CARMEN.name,
      unlocked_at: '2026-12-16T20:30:00Z',
      unlocked_by_name: 'Demo Admin',
      unlock_reason: 'Fecha equivocada',
      amendments: [{ ...amendment, id: 'm0', text: 'Adenda a la primera versión.' }],
    },
  ],
  may_unlock: true,
});

function renderDialog(locale = 'en-PE') {
  const router = createMemoryRouter([
    {
      path: '/',
      element: (
        <SessionNoteDialog
          appointmentId={ID}
          session="Zoila Muñoz · Wed, Dec 16, 4:00 – 4:45 PM"
          timeZone="America/Lima"
          locale={locale}
          onClose={() => {}}
        />
      ),
    },
  ]);
  render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={createQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const dialog = () => screen.findByRole('dialog', { name: /Session note|Nota de la sesión/ }, SLOW);
const writes = (calls: ApiCall[]) => calls.filter((call) => call.method !== 'GET').map((call) => [call.method, call.path, call.body]);

beforeEach(() => signInAs('front_desk'));
afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('the session note, for the front desk', { timeout: 30_000 }, () => {
  it('says who signed it and when, and how many amendments, with no text and nothing to open', async () => {
    const calls = fakeApi({ [`GET ${NOTE_PATH}`]: () => json(200, signedForFrontDesk) });
    renderDialog();
    const shown = await dialog();

    const status = await within(shown).findByTestId('note-status', undefined, SLOW);
    expect(status).toHaveTextContent('Note signed by Dra. Carmen Quispe · Dec 16, 2026 4:50 PM · 1 amendment');
    expect(within(shown).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(shown).queryByTestId('note-signed-text')).not.toBeInTheDocument();
    expect(within(shown).queryByText(/Signed text|Amendments|earlier signed/)).not.toBeInTheDocument();
    expect(within(shown).getAllByRole('button').map((button) => button.textContent)).toEqual(['', 'Close']);
    expect(writes(calls)).toEqual([]);
  });

  it('in Spanish: a draft, and a signed note on the 24-hour clock', async () => {
    await i18n.changeLanguage('es');
    fakeApi({ [`GET ${NOTE_PATH}`]: () => json(200, note({ exists: true, content_visible: false, text: null })) });
    renderDialog('es-PE');
    const status = await within(await dialog()).findByTestId('note-status', undefined, SLOW);
    expect(status).toHaveTextContent(/^Nota: borrador$/);
  });

  it('in Spanish: signed by whom, when (Lima time) and how many amendments', async () => {
    await i18n.changeLanguage('es');
    fakeApi({ [`GET ${NOTE_PATH}`]: () => json(200, { ...signedForFrontDesk, amendment_count: 2 }) });
    renderDialog('es-PE');
    const status = await within(await dialog()).findByTestId('note-status', undefined, SLOW);
    expect(status.textContent).toMatch(/^Nota firmada por Dra\. Carmen Quispe · 16 dic\.? 2026 16:50 · 2 adendas$/);
  });

  it('says when there is no note yet', async () => {
    fakeApi({ [`GET ${NOTE_PATH}`]: () => json(200, note({ content_visible: false, text: null })) });
    renderDialog();
    expect(await within(await dialog()).findByTestId('note-status', undefined, SLOW)).toHaveTextContent(/^No note yet$/);
  });
});

describe('the session note, for the treating clinician', { timeout: 30_000 }, () => {
  /** The clinician's API: the note changes as the calls are made, like the server's. */
  function clinicianApi(start: SessionNote) {
    let current = start;
    return fakeApi({
      [`GET ${NOTE_PATH}`]: () => json(200, current),
      [`PUT ${NOTE_PATH}`]: ({ body }) => {
        current = { ...current, exists: true, text: (body as { text: string }).text, updated_at: SIGNED_AT };
        return json(200, current);
      },
      [`POST ${NOTE_PATH}/sign`]: () => {
        current = { ...current, signed: true, signed_at: SIGNED_AT, signed_by_name: CARMEN.name, signed_by_user_id: CARMEN.id, may_unlock: true };
        return json(200, current);
      },
      [`POST ${NOTE_PATH}/amendments`]: ({ body }) => {
        const added = { ...amendment, text: (body as { text: string }).text };
        current = { ...current, amendments: [...current.amendments, added], amendment_count: current.amendment_count + 1 };
        return json(201, current);
      },
      [`POST ${NOTE_PATH}/unlock`]: () => {
        current = { ...current, signed: false, signed_at: null, signed_by_name: null, signed_by_user_id: null, may_unlock: false };
        return json(200, current);
      },
    });
  }

  it('in Spanish: writes and saves the draft, signs it after the warning, then adds an amendment', async () => {
    await i18n.changeLanguage('es');
    signInAs('clinician');
    const calls = clinicianApi(note({ may_write: true }));
    renderDialog('es-PE');
    const user = userEvent.setup();
    const shown = await dialog();

    const draft = await within(shown).findByRole('textbox', { name: 'Nota (borrador)' }, SLOW);
    expect(within(shown).getByRole('button', { name: 'Firmar la nota' })).toBeDisabled();
    await user.type(draft, 'Paciente refiere mejoría.');
    await user.click(within(shown).getByRole('button', { name: 'Guardar borrador' }));
    await waitFor(() => expect(within(shown).getByTestId('note-done')).toHaveTextContent('Borrador guardado.'), SLOW);
    expect(within(shown).getByTestId('note-status')).toHaveTextContent('Nota: borrador');

    await user.click(within(shown).getByRole('button', { name: 'Firmar la nota' }));
    const question = await screen.findByRole('dialog', { name: '¿Firmar esta nota?' });
    expect(question).toHaveTextContent('Al firmar, la sesión queda bloqueada; los cambios posteriores son adendas.');
    await user.click(within(question).getByRole('button', { name: 'Firmar' }));

    const signed = await within(shown).findByTestId('note-signed-text', undefined, SLOW);
    expect(signed).toHaveTextContent('Paciente refiere mejoría.');
    expect(within(shown).getByTestId('note-status')).toHaveTextContent('Nota firmada por Dra. Carmen Quispe · 16 dic');
    expect(within(shown).queryByRole('textbox', { name: 'Nota (borrador)' })).not.toBeInTheDocument();

    await user.type(within(shown).getByRole('textbox', { name: /Nueva adenda/ }), 'Se acordó una sesión extra.');
    await user.click(within(shown).getByRole('button', { name: 'Agregar adenda' }));
    const amendments = await within(shown).findByTestId('note-amendments', undefined, SLOW);
    expect(amendments).toHaveTextContent('Dra. Carmen Quispe · 17 dic');
    expect(amendments).toHaveTextContent('09:05');
    expect(amendments).toHaveTextContent('Se acordó una sesión extra.');
    expect(within(shown).getByTestId('note-status')).toHaveTextContent('· 1 adenda');

    expect(writes(calls)).toEqual([
      ['PUT', NOTE_PATH, { text: 'Paciente refiere mejoría.' }],
      ['POST', `${NOTE_PATH}/sign`, null],
      ['POST', `${NOTE_PATH}/amendments`, { text: 'Se acordó una sesión extra.' }],
    ]);
  });

  it('saves unsaved words before signing them, so what is signed is what is on screen', async () => {
    signInAs('clinician');
    const calls = clinicianApi(note({ exists: true, text: 'Primer párrafo.', may_write: true }));
    renderDialog();
    const user = userEvent.setup();
    const shown = await dialog();
    const draft = await within(shown).findByRole('textbox', { name: 'Note (draft)' }, SLOW);
    expect(draft).toHaveValue('Primer párrafo.');
    await user.type(draft, ' Segundo.');
    await user.click(within(shown).getByRole('button', { name: 'Sign note' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Sign this note?' })).getByRole('button', { name: 'Sign' }));
    await within(shown).findByTestId('note-signed-text', undefined, SLOW);
    expect(writes(calls)).toEqual([
      ['PUT', NOTE_PATH, { text: 'Primer párrafo. Segundo.' }],
      ['POST', `${NOTE_PATH}/sign`, null],
    ]);
  });

  it('asks before Esc throws away an unsaved draft, and keeps it on "Keep editing"', async () => {
    signInAs('clinician');
    const calls = clinicianApi(note({ may_write: true }));
    renderDialog();
    const user = userEvent.setup();
    const shown = await dialog();
    await user.type(await within(shown).findByRole('textbox', { name: 'Note (draft)' }, SLOW), 'A medio escribir');
    await user.keyboard('{Escape}');
    const asked = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(asked).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Leave without saving?' })).not.toBeInTheDocument());
    expect(within(shown).getByRole('textbox', { name: 'Note (draft)' })).toHaveValue('A medio escribir');
    expect(writes(calls)).toEqual([]);
  });

  it('a refused signature (an empty note) opens the conflict dialog with what to do', async () => {
    signInAs('clinician');
    fakeApi({
      [`GET ${NOTE_PATH}`]: () => json(200, note({ exists: true, text: 'Algo', may_write: true })),
      [`POST ${NOTE_PATH}/sign`]: () =>
        json(409, { status: 409, title: 'Conflict', code: 'conflict.note_empty', detail: 'The note is empty.', next_step: 'Write the note first.' }),
    });
    renderDialog();
    const user = userEvent.setup();
    const shown = await dialog();
    await within(shown).findByRole('textbox', { name: 'Note (draft)' }, SLOW);
    await user.click(within(shown).getByRole('button', { name: 'Sign note' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Sign this note?' })).getByRole('button', { name: 'Sign' }));
    const conflict = await screen.findByRole('dialog', { name: 'Cannot do that yet' }, SLOW);
    expect(conflict).toHaveTextContent('This note is empty.');
    expect(conflict).toHaveTextContent('What to do: Write the note first, then sign it.');
  });

  it('a refused save says why in the UI language (403 forbidden.note_author_only)', async () => {
    await i18n.changeLanguage('es');
    signInAs('clinician');
    fakeApi({
      [`GET ${NOTE_PATH}`]: () => json(200, note({ may_write: true })),
      [`PUT ${NOTE_PATH}`]: () =>
        json(403, { status: 403, title: 'Forbidden', code: 'forbidden.note_author_only', detail: 'Only the treating clinician writes notes.' }),
    });
    renderDialog('es-PE');
    const user = userEvent.setup();
    const shown = await dialog();
    await user.type(await within(shown).findByRole('textbox', { name: 'Nota (borrador)' }, SLOW), 'Texto');
    await user.click(within(shown).getByRole('button', { name: 'Guardar borrador' }));
    expect(await within(shown).findByRole('alert', undefined, SLOW)).toHaveTextContent(
      'Solo el clínico tratante escribe, firma y enmienda las notas de sesión.',
    );
  });
});

describe('the session note, for an admin', { timeout: 30_000 }, () => {
  it('reads the text, the amendments and the history (collapsed), cannot edit, and unlocks with a reason', async () => {
    signInAs('admin');
    let current = signedForAdmin;
    const calls = fakeApi({
      [`GET ${NOTE_PATH}`]: () => json(200, current),
      [`POST ${NOTE_PATH}/unlock`]: () => {
        current = { ...current, signed: false, signed_at: null, signed_by_name: null, signed_by_user_id: null, may_unlock: false };
        return json(200, current);
      },
    });
    renderDialog();
    const user = userEvent.setup();
    const shown = await dialog();

    expect(await within(shown).findByTestId('note-signed-text', undefined, SLOW)).toHaveTextContent('Paciente refiere mejoría.');
    expect(within(shown).getByTestId('note-amendments')).toHaveTextContent('Dra. Carmen Quispe · Dec 17, 2026 9:05 AM');
    expect(within(shown).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(shown).queryByRole('button', { name: /Sign|Save|Add amendment/ })).not.toBeInTheDocument();

    const history = within(shown).getByRole('button', { name: '1 earlier signed version' });
    expect(history).toHaveAttribute('aria-expanded', 'false');
    await user.click(history);
    expect(history).toHaveAttribute('aria-expanded', 'true');
    expect(within(shown).getByTestId('note-history')).toHaveTextContent(
      'Signed version of Dec 16, 2026, unlocked by Demo Admin: Fecha equivocada',
    );
    expect(within(shown).getByTestId('note-history')).toHaveTextContent('Primera versión.');
    // An earlier text's amendment stays with it, not with the current text's.
    expect(within(shown).getByTestId('note-history-amendments')).toHaveTextContent('Adenda a la primera versión.');
    expect(within(shown).getByTestId('note-amendments')).not.toHaveTextContent('Adenda a la primera versión.');

    await user.click(within(shown).getByRole('button', { name: 'Unlock' }));
    const question = await screen.findByRole('dialog', { name: 'Unlock this note?' });
    expect(question).toHaveTextContent('the unlock is recorded with your name and reason');
    await user.click(within(question).getByRole('button', { name: 'Unlock note' }));
    expect(within(question).getByRole('textbox', { name: /Reason/ })).toHaveAccessibleDescription(
      'Say why the note is unlocked; it is recorded.',
    );
    expect(writes(calls)).toEqual([]);

    await user.type(within(question).getByRole('textbox', { name: /Reason/ }), 'Corregir la hora de la sesión');
    await user.click(within(question).getByRole('button', { name: 'Unlock note' }));
    await waitFor(() => expect(within(shown).getByTestId('note-status')).toHaveTextContent(/^Note: draft$/), SLOW);
    expect(within(shown).getByTestId('note-done')).toHaveTextContent('Note unlocked: it is a draft again.');
    expect(within(shown).getByTestId('note-draft-text')).toHaveTextContent('Paciente refiere mejoría.');
    expect(writes(calls)).toEqual([['POST', `${NOTE_PATH}/unlock`, { reason: 'Corregir la hora de la sesión' }]]);
  });

  it('in Spanish: Esc in the unlock question closes the question only', async () => {
    await i18n.changeLanguage('es');
    signInAs('admin');
    fakeApi({ [`GET ${NOTE_PATH}`]: () => json(200, signedForAdmin) });
    renderDialog('es-PE');
    const user = userEvent.setup();
    const shown = await dialog();
    await within(shown).findByTestId('note-signed-text', undefined, SLOW);
    expect(within(shown).getByRole('button', { name: '1 versión firmada anterior' })).toBeInTheDocument();
    await user.click(within(shown).getByRole('button', { name: 'Desbloquear' }));
    await screen.findByRole('dialog', { name: '¿Desbloquear esta nota?' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '¿Desbloquear esta nota?' })).not.toBeInTheDocument());
    expect(screen.getByRole('dialog', { name: 'Nota de la sesión' })).toBeInTheDocument();
  });
});
