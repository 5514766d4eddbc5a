/**
 * Recurring series in the calendar, as the front desk uses them: book a weekly series through the booking form,
 * drag one future occurrence to another day, choose "This and the following ones", read the preview, confirm, and
 * find those occurrences on the new day (the earlier ones where they were); and in Spanish, a drag whose preview
 * is audited by axe and then cancelled puts the block back. Each run has its own practitioner and clients, so a
 * reused database never has anything in the way.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, report } from './axe';
import { type OkApi, launchBrowser, newPage, okApiAs, screenshot, signIn, serverUrl } from './browser';
import { addDays, futureTuesday, inLima, type Entry } from './lima';

const ADMIN = { email: 'admin@tend.example', password: 'tend-demo-admin' };
const FRONT_DESK = { email: 'frontdesk@tend.example', password: 'tend-demo-front' };
const suffix = `S${Math.random().toString(36).slice(2, 7)}`;
const PRACTITIONER = `Lic. Serie ${suffix}`;
const client = { first: `Olga ${suffix}`, last: 'Semanal', name: `Olga ${suffix} Semanal` };
const other = { first: `Pía ${suffix}`, last: 'Semanal' };

/** The week of `date`, only this run's practitioner shown. */
async function openWeek(page: Page, baseUrl: string, date: string, practitionerId: string) {
  await page.goto(`${baseUrl}/calendar?date=${date}&p=${practitionerId}`);
  await page.locator(`[role="columnheader"][data-date="${date}"]`).waitFor();
}

/** The centre of the point where a day's lane crosses a time row of the week grid. */
async function slotPoint(page: Page, date: string, time: string): Promise<{ x: number; y: number }> {
  const row = page.locator(`[data-time="${time}:00"]`).last();
  await row.scrollIntoViewIfNeeded();
  const lane = await page.locator(`[role="cell"][data-date="${date}"]`).boundingBox();
  const slot = await row.boundingBox();
  if (!lane || !slot) throw new Error(`no slot at ${date} ${time}`);
  return { x: lane.x + lane.width / 2, y: slot.y + slot.height / 2 };
}

/** Drags a block sideways with the mouse onto another day's lane, at the same time of day. */
async function dragToDay(page: Page, block: Locator, date: string) {
  await block.scrollIntoViewIfNeeded();
  const from = await block.boundingBox();
  const lane = await page.locator(`[role="cell"][data-date="${date}"]`).boundingBox();
  if (!from || !lane) throw new Error(`no geometry to drag to ${date}`);
  const grab = { x: from.x + from.width / 2, y: from.y + 12 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 8, grab.y, { steps: 4 });
  await page.mouse.move(lane.x + lane.width / 2, grab.y, { steps: 16 });
  await page.mouse.up();
}

/** The day whose lane the block is drawn in. */
async function dayOf(page: Page, block: Locator): Promise<string | null> {
  const box = await block.boundingBox();
  if (!box) return null;
  const centre = box.x + box.width / 2;
  for (const lane of await page.locator('[role="cell"][data-date]').all()) {
    const area = await lane.boundingBox();
    if (area && centre >= area.x && centre < area.x + area.width) return lane.getAttribute('data-date');
  }
  return null;
}

async function pickOption(page: Page, input: Locator, option: string | RegExp) {
  await input.click();
  await page.getByRole('option', { name: option }).first().click();
}

describe('recurring series in the calendar', () => {
  const baseUrl = serverUrl();
  let browser: Browser;
  let api: OkApi;
  let practitionerId: string;
  let serviceId: string;
  let locationId: string;
  let clientId: string;
  let otherId: string;

  async function seriesOf(who: string, from: string): Promise<Entry[]> {
    const start = `${from}T00:00:00-05:00`;
    const end = `${addDays(from, 60)}T00:00:00-05:00`;
    const entries = await api<Entry[]>('GET', `/appointments?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}&client_id=${who}`);
    return entries.sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at));
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await okApiAs(baseUrl, ADMIN);
    const practitioner = await admin('POST', '/practitioners', { name: PRACTITIONER, commission_rate_bp: 4000, color: '#6a1b9a' });
    practitionerId = String(practitioner.id);
    api = await okApiAs(baseUrl, FRONT_DESK);
    clientId = String((await api('POST', '/clients', { first_name: client.first, last_name: client.last })).id);
    otherId = String((await api('POST', '/clients', { first_name: other.first, last_name: other.last })).id);
    const services = (await api<{ items: Array<{ id: string; code: string }> }>('GET', '/services')).items;
    serviceId = services.find((item) => item.code === '90834')!.id;
    locationId = (await api<{ items: Array<{ id: string }> }>('GET', '/locations')).items[0]!.id;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('books a weekly series in the form, then moves one occurrence and the following ones to another day', async () => {
    const page = await newPage(browser, { language: 'en', bypassCSP: true });
    await signIn(page, baseUrl, FRONT_DESK);
    const tuesday = futureTuesday(9);
    await openWeek(page, baseUrl, tuesday, practitionerId);

    const slot = await slotPoint(page, tuesday, '10:00');
    await page.mouse.click(slot.x, slot.y);
    const form = page.getByRole('dialog', { name: 'New appointment' });
    await form.waitFor();
    expect(await form.getByRole('combobox', { name: /Practitioner/ }).inputValue()).toBe(PRACTITIONER);
    await form.getByRole('combobox', { name: /Client|Patient|Paciente/ }).fill(client.name);
    // Exactly the one registered (the picker also offers to register someone new by the name typed).
    await page.getByRole('option', { name: client.name, exact: true }).click();
    await pickOption(page, form.getByRole('combobox', { name: /Service/ }), /^90834/);
    expect(await form.getByRole('textbox', { name: 'End' }).inputValue()).toBe('10:45 AM');
    await pickOption(page, form.getByRole('combobox', { name: 'Repeats' }), 'Every week on Tuesday');
    await pickOption(page, form.getByRole('combobox', { name: 'Ends' }), 'After a number of appointments');
    await form.getByRole('textbox', { name: /Number of appointments/ }).fill('6');
    await form.getByRole('button', { name: 'Book', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByText(/^Booked 6 appointments, the first on /).waitFor();

    const booked = await seriesOf(clientId, tuesday);
    expect(booked.map((entry) => inLima(entry.starts_at))).toEqual(
      [0, 1, 2, 3, 4, 5].map((week) => ({ date: addDays(tuesday, 7 * week), time: '10:00' })),
    );
    expect(new Set(booked.map((entry) => entry.series_id)).size).toBe(1);
    expect(booked[0]!.series_id).not.toBeNull();

    // The third one, two weeks on, goes to the Wednesday: it and the three after it move, the first two stay.
    const third = booked[2]!;
    const thirdDay = addDays(tuesday, 14);
    const wednesday = addDays(thirdDay, 1);
    await openWeek(page, baseUrl, thirdDay, practitionerId);
    const block = page.locator(`[data-event-id="${third.id}"]`);
    await block.waitFor();
    expect(await block.getByTestId('recurring-mark').count()).toBe(1);
    await dragToDay(page, block, wednesday);

    const dialog = page.getByRole('dialog', { name: 'Move a recurring appointment' });
    await dialog.waitFor();
    // Nothing is saved before a choice is made.
    expect(inLima((await api<Entry>('GET', `/appointments/${third.id}`)).starts_at).date).toBe(thirdDay);
    await dialog.getByRole('radio', { name: 'This and the following ones' }).check();
    const moves = dialog.getByTestId('series-moves').getByRole('listitem');
    await moves.first().waitFor();
    expect(await dialog.getByText('4 appointments move:').count()).toBe(1);
    expect(await moves.count()).toBe(4);
    expect(await moves.first().textContent()).toMatch(/Tue.*→.*Wed/);
    expect(await dialog.getByTestId('series-clashes').count()).toBe(0);
    await screenshot(page, 'series-move-preview-en');
    const findings = await audit(page, 'series move preview (en)');
    expect(findings, report(findings)).toEqual([]);

    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Moved 4 appointments.').waitFor();
    await expect.poll(() => dayOf(page, block), { timeout: 15_000 }).toBe(wednesday);
    // Its popover says it repeats.
    await block.click();
    const popover = page.getByTestId('event-popover');
    await popover.waitFor();
    expect(await popover.getByTestId('recurring').textContent()).toContain('Recurring');
    await screenshot(page, 'series-popover-en');
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });

    const after = await seriesOf(clientId, tuesday);
    expect(after.map((entry) => inLima(entry.starts_at))).toEqual([
      { date: tuesday, time: '10:00' },
      { date: addDays(tuesday, 7), time: '10:00' },
      ...[2, 3, 4, 5].map((week) => ({ date: addDays(tuesday, 7 * week + 1), time: '10:00' })),
    ]);
    expect(after.every((entry) => Date.parse(entry.ends_at) - Date.parse(entry.starts_at) === 45 * 60_000)).toBe(true);
    expect(after.slice(0, 2).map((entry) => entry.id)).toEqual(booked.slice(0, 2).map((entry) => entry.id));

    // The week after shows its occurrence on the Wednesday too.
    const fourth = page.locator(`[data-event-id="${booked[3]!.id}"]`);
    await openWeek(page, baseUrl, addDays(tuesday, 21), practitionerId);
    await fourth.waitFor();
    expect(await dayOf(page, fourth)).toBe(addDays(tuesday, 22));

    // The series ends at the fifth: it and the sixth are removed, after saying how many.
    const fifth = page.locator(`[data-event-id="${booked[4]!.id}"]`);
    await openWeek(page, baseUrl, addDays(tuesday, 28), practitionerId);
    await fifth.click();
    const fifthPopover = page.getByTestId('event-popover');
    await fifthPopover.getByRole('button', { name: 'End the series here…' }).click();
    await fifthPopover.getByText('Remove this appointment and the following ones, 2 in all? Nothing is charged.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Keep the series');
    await screenshot(page, 'series-end-en');
    const endFindings = await audit(page, 'end the series (en)');
    expect(endFindings, report(endFindings)).toEqual([]);
    await fifthPopover.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByText('Removed 2 appointments.').waitFor();
    await fifth.waitFor({ state: 'detached' });
    expect((await seriesOf(clientId, tuesday)).map((entry) => entry.id)).toEqual(booked.slice(0, 4).map((entry) => entry.id));
    await page.context().close();
  });

  it('asks in Spanish, passes axe, and a cancelled drag puts the block back', async () => {
    const tuesday = futureTuesday(9);
    const created = await api<{ occurrences: number }>('POST', '/series', {
      kind: 'client_session',
      practitioner_id: practitionerId,
      client_id: otherId,
      service_id: serviceId,
      location_id: locationId,
      start_date: tuesday,
      local_time: '15:00',
      duration_minutes: 45,
      rule: { freq: 'weekly', interval: 1, by_weekday: ['TU'], count: 4 },
    });
    expect(created.occurrences).toBe(4);
    const [first] = await seriesOf(otherId, tuesday);

    const page = await newPage(browser, { language: 'es', bypassCSP: true });
    await signIn(page, baseUrl, FRONT_DESK);
    await openWeek(page, baseUrl, tuesday, practitionerId);
    const block = page.locator(`[data-event-id="${first!.id}"]`);
    await block.waitFor();
    await dragToDay(page, block, addDays(tuesday, 2));

    const dialog = page.getByRole('dialog', { name: 'Mover una cita que se repite' });
    await dialog.waitFor();
    // The keyboard gets there: focus is in the dialog, on the first choice; the arrows pick the next.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    await dialog.getByRole('radio', { name: 'Solo esta' }).focus();
    await page.keyboard.press('Space');
    await dialog.getByText('Se mueve 1 cita:').waitFor();
    await page.keyboard.press('ArrowDown');
    await dialog.getByText('Se mueven 4 citas:').waitFor();
    expect(await dialog.getByRole('radio', { name: 'Esta y las siguientes' }).isChecked()).toBe(true);
    const findings = await audit(page, 'series move preview (es)');
    expect(findings, report(findings)).toEqual([]);
    await screenshot(page, 'series-move-preview-es');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => dayOf(page, block)).toBe(tuesday);
    expect(inLima((await api<Entry>('GET', `/appointments/${first!.id}`)).starts_at)).toEqual({ date: tuesday, time: '15:00' });
    await page.context().close();
  });
});
