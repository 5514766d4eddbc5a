/**
 * Session notes against the demo practice in Lima: the demo clinician (Dra. Carmen Quispe) opens one of her past
 * sessions in the calendar, writes the note in Spanish, signs it and adds an amendment; the front desk then sees,
 * in English on a tablet, that the note is signed (by whom, when, with one amendment) and never its text, in the
 * event popover and from the client's Appointments tab. axe-core runs on the note in both modes; screenshots
 * of both go to /tmp/notes-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, report, settle } from './axe';
import { type OkApi, launchBrowser, newPage, okApiAs, signIn, serverUrl } from './browser';
import { DAY_MS, limaDate } from './lima';

const CLINICIAN = { email: 'clinician@tend.example', password: 'tend-demo-clinician' };
const FRONT_DESK = { email: 'frontdesk@tend.example', password: 'tend-demo-front' };
const CLINICIAN_NAME = 'Dra. Carmen Quispe';
// Unique per run: the database may be reused (TEND_E2E_BASE_URL).
const suffix = `N${Math.random().toString(36).slice(2, 7)}`;
const client = { first: `Noemí ${suffix}`, last: 'Ñaupari', name: `Noemí ${suffix} Ñaupari` };
const NOTE_TEXT = `Paciente refiere mejoría del sueño (${suffix}). Se trabajó registro de pensamientos.`;
const AMENDMENT = `Adenda ${suffix}: se acordó una sesión adicional.`;

/** The session's block in the day view, opened: its popover. */
async function openSession(page: Page, baseUrl: string, date: string, sessionId: string) {
  await page.goto(`${baseUrl}/calendar?view=day&date=${date}`);
  const block = page.locator(`[data-event-id="${sessionId}"]`);
  await block.waitFor();
  await block.scrollIntoViewIfNeeded();
  await block.click();
  const popover = page.getByTestId('event-popover');
  await popover.waitFor();
  return popover;
}

describe('session notes', () => {
  const baseUrl = serverUrl();
  let browser: Browser;
  let clinician: OkApi;
  let frontDesk: OkApi;
  let clientId = '';
  let sessionId = '';
  let sessionDate = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    clinician = await okApiAs(baseUrl, CLINICIAN);
    frontDesk = await okApiAs(baseUrl, FRONT_DESK);
    const me = await clinician<{ practitioner_id: string }>('GET', '/auth/me');
    const created = await frontDesk('POST', '/clients', { first_name: client.first, last_name: client.last });
    clientId = String(created.id);
    // One of her sessions some evenings ago (the demo books nothing then), another day each run.
    sessionDate = limaDate(Date.now() - (2 + Math.floor(Math.random() * 20)) * DAY_MS);
    const services = (await frontDesk('GET', '/services')).items as Array<{ id: string; code: string }>;
    const locations = (await frontDesk('GET', '/locations')).items as Array<{ id: string }>;
    const session = await frontDesk('POST', '/appointments', {
      kind: 'client_session',
      client_id: clientId,
      practitioner_id: me.practitioner_id,
      service_id: services.find((item) => item.code === '90834')!.id,
      location_id: locations[0]!.id,
      starts_at: `${sessionDate}T20:10:00-05:00`,
      ends_at: `${sessionDate}T20:55:00-05:00`,
      allow_conflicts: true,
    });
    sessionId = String(session.id);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the clinician writes and signs the note of her session, then adds an amendment (Spanish, 1280×800)', async () => {
    const page = await newPage(browser, { language: 'es', bypassCSP: true });
    await signIn(page, baseUrl, CLINICIAN);
    const popover = await openSession(page, baseUrl, sessionDate, sessionId);
    expect(await popover.getByTestId('note-status').textContent()).toBe('Sin nota todavía');
    await popover.getByRole('button', { name: 'Escribir la nota' }).click();

    const note = page.getByRole('dialog', { name: 'Nota de la sesión' });
    await note.waitFor();
    expect(await note.textContent()).toContain(client.name);
    await note.getByRole('textbox', { name: 'Nota (borrador)' }).fill(NOTE_TEXT);
    await note.getByRole('button', { name: 'Guardar borrador' }).click();
    await note.getByText('Borrador guardado.').waitFor();
    expect(await note.getByTestId('note-status').textContent()).toBe('Nota: borrador');
    const draftFindings = await audit(page, 'note draft (es)');

    await note.getByRole('button', { name: 'Firmar la nota' }).click();
    const question = page.getByRole('dialog', { name: '¿Firmar esta nota?' });
    await question.getByText('Al firmar, la sesión queda bloqueada; los cambios posteriores son adendas.').waitFor();
    await question.getByRole('button', { name: 'Firmar', exact: true }).click();
    await question.waitFor({ state: 'detached' });
    expect(await note.getByTestId('note-signed-text').textContent()).toBe(NOTE_TEXT);
    // 24-hour clock in Lima's zone: "Nota firmada por Dra. Carmen Quispe · 16 dic 2026 20:58".
    expect(await note.getByTestId('note-status').textContent()).toMatch(
      new RegExp(`^Nota firmada por ${CLINICIAN_NAME.replace(/\./g, '\\.')} · \\d{1,2} \\S+ \\d{4} \\d{2}:\\d{2}$`),
    );

    await note.getByRole('textbox', { name: /Nueva adenda/ }).fill(AMENDMENT);
    await note.getByRole('button', { name: 'Agregar adenda' }).click();
    const amendments = note.getByTestId('note-amendments');
    await amendments.getByText(AMENDMENT).waitFor();
    expect(await amendments.textContent()).toContain(CLINICIAN_NAME);
    expect(await note.getByTestId('note-status').textContent()).toMatch(/ · 1 adenda$/);
    await settle(page);
    await page.screenshot({ path: '/tmp/notes-clinician-es.png' });
    const signedFindings = await audit(page, 'note signed (es)');
    expect(report([...draftFindings, ...signedFindings])).toBe('');

    // The server agrees: signed, one amendment, the text as written.
    const saved = await clinician(`GET`, `/appointments/${sessionId}/note`);
    expect(saved).toMatchObject({ signed: true, signed_by_name: CLINICIAN_NAME, amendment_count: 1, text: NOTE_TEXT });

    // Closing the note (Esc: nothing is left unsaved) comes back to the popover, which now says it is signed.
    await page.keyboard.press('Escape');
    await note.waitFor({ state: 'detached' });
    const popover2 = page.getByTestId('event-popover');
    await popover2.waitFor();
    expect(await popover2.getByTestId('note-status').textContent()).toMatch(/^Nota firmada por .* · 1 adenda$/);
    await page.context().close();
  });

  it('the front desk sees that the note is signed, by whom and when, never its text (English, 768×1024)', async () => {
    const page = await newPage(browser, { language: 'en', viewport: { width: 768, height: 1024 }, bypassCSP: true });
    await signIn(page, baseUrl, FRONT_DESK);
    const popover = await openSession(page, baseUrl, sessionDate, sessionId);
    const status = popover.getByTestId('note-status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(new RegExp(`^Note signed by ${CLINICIAN_NAME.replace(/\./g, '\\.')} · .+ · 1 amendment$`));
    expect(await popover.getByRole('button', { name: /note/i }).count()).toBe(0);
    // The popover stays usable on a tablet: inside the viewport, its status buttons reachable.
    const box = await popover.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 768).toBe(true);
    await page.screenshot({ path: '/tmp/notes-frontdesk-popover-en.png' });
    const popoverFindings = await audit(page, 'popover with note status (front desk, en)');
    await page.keyboard.press('Escape');

    await page.goto(`${baseUrl}/clients/${clientId}/appointments`);
    const rows = page.getByTestId('past-appointments');
    await rows.waitFor();
    await rows.getByRole('button', { name: /^Session note: / }).click();
    const note = page.getByRole('dialog', { name: 'Session note' });
    await note.getByTestId('note-status').waitFor();
    expect(await note.getByTestId('note-status').textContent()).toMatch(/^Note signed by .* · 1 amendment$/);
    expect(await note.getByRole('textbox').count()).toBe(0);
    const shown = (await page.content()) + (await page.evaluate(() => document.body.innerText));
    expect(shown).not.toContain(NOTE_TEXT);
    expect(shown).not.toContain(AMENDMENT);
    await settle(page);
    await page.screenshot({ path: '/tmp/notes-frontdesk-en.png' });
    const noteFindings = await audit(page, 'note status (front desk, en)');
    expect(report([...popoverFindings, ...noteFindings])).toBe('');

    // And the API told the front desk no more than that.
    const seen = await frontDesk('GET', `/appointments/${sessionId}/note`);
    expect(seen).toMatchObject({ signed: true, content_visible: false, text: null, amendments: [], amendment_count: 1 });
    await page.context().close();
  });
});
