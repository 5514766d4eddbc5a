/**
 * Issue 17 through the calendar, in Spanish: ten Tuesdays at 16:00; the second dragged alone to the Wednesday
 * ("Solo esta"); then that same block dragged to 17:00 with "Esta y las siguientes". The preview says the nine
 * move (the one dragged among them, none kept back, none added), and after confirming the calendar shows, without
 * a reload, the block where the server put it: Wednesday 17:00, with the series still at ten sessions. Each run
 * has its own practitioner and client, so a reused database never has anything in the way.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, report } from './axe';
import { type OkApi, launchBrowser, newPage, okApiAs, screenshot, signIn, serverUrl } from './browser';
import { addDays, futureTuesday, inLima, type Entry } from './lima';

const ADMIN = { email: 'admin@tend.example', password: 'tend-demo-admin' };
const FRONT_DESK = { email: 'frontdesk@tend.example', password: 'tend-demo-front' };
const suffix = `D${Math.random().toString(36).slice(2, 7)}`;

async function openWeek(page: Page, baseUrl: string, date: string, practitionerId: string) {
  await page.goto(`${baseUrl}/calendar?date=${date}&p=${practitionerId}`);
  await page.locator(`[role="columnheader"][data-date="${date}"]`).waitFor();
}

/** The top edge of a time row of the week grid. */
async function rowTop(page: Page, time: string): Promise<number> {
  const row = page.locator(`[data-time="${time}:00"]`).last();
  await row.scrollIntoViewIfNeeded();
  const box = await row.boundingBox();
  if (!box) throw new Error(`no row at ${time}`);
  return box.y;
}

/** Drags a block with the mouse onto `date`'s lane, `hours` later in the day (0: the same time). */
async function dragTo(page: Page, block: Locator, date: string, hours: number) {
  const hour = (await rowTop(page, '17:00')) - (await rowTop(page, '16:00'));
  await block.scrollIntoViewIfNeeded();
  const from = await block.boundingBox();
  const lane = await page.locator(`[role="cell"][data-date="${date}"]`).boundingBox();
  if (!from || !lane) throw new Error(`no geometry to drag to ${date}`);
  const grab = { x: from.x + from.width / 2, y: from.y + 12 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 8, grab.y, { steps: 4 });
  await page.mouse.move(lane.x + lane.width / 2, grab.y + hours * hour, { steps: 16 });
  await page.mouse.up();
}

/** The day whose lane the block is drawn in, and the time row its top is nearest to. */
async function placeOf(page: Page, block: Locator): Promise<string | null> {
  await block.scrollIntoViewIfNeeded();
  const box = await block.boundingBox();
  if (!box) return null;
  const centre = box.x + box.width / 2;
  let day: string | null = null;
  for (const lane of await page.locator('[role="cell"][data-date]').all()) {
    const area = await lane.boundingBox();
    if (area && centre >= area.x && centre < area.x + area.width) day = await lane.getAttribute('data-date');
  }
  let nearest = { time: '?', distance: Infinity };
  for (const row of await page.locator('[data-time]').all()) {
    const area = await row.boundingBox();
    const time = await row.getAttribute('data-time');
    if (area && time && Math.abs(area.y - box.y) < nearest.distance) nearest = { time: time.slice(0, 5), distance: Math.abs(area.y - box.y) };
  }
  return `${day} ${nearest.time}`;
}

describe('this and following from an occurrence moved on its own (issue 17)', () => {
  const baseUrl = serverUrl();
  let browser: Browser;
  let api: OkApi;
  let practitionerId: string;
  let clientId: string;

  async function sessions(from: string): Promise<Entry[]> {
    const found = new Map<string, Entry>();
    for (const [start, end] of [
      [from, addDays(from, 56)],
      [addDays(from, 56), addDays(from, 112)],
    ]) {
      const query = `start=${encodeURIComponent(`${start}T00:00:00-05:00`)}&end=${encodeURIComponent(`${end}T00:00:00-05:00`)}`;
      for (const entry of await api<Entry[]>('GET', `/appointments?${query}&client_id=${clientId}`)) found.set(entry.id, entry);
    }
    return [...found.values()].sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at));
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await okApiAs(baseUrl, ADMIN);
    const practitioner = await admin('POST', '/practitioners', { name: `Lic. Corte ${suffix}`, commission_rate_bp: 4000, color: '#00695c' });
    practitionerId = String(practitioner.id);
    api = await okApiAs(baseUrl, FRONT_DESK);
    clientId = String((await api('POST', '/clients', { first_name: `Rosa ${suffix}`, last_name: 'Martes' })).id);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('moves the session dragged to Wednesday 17:00, keeps ten, and the calendar shows it without a reload', async () => {
    const tuesday = futureTuesday(5);
    const services = (await api<{ items: Array<{ id: string; code: string }> }>('GET', '/services')).items;
    const locations = (await api<{ items: Array<{ id: string }> }>('GET', '/locations')).items;
    const created = await api<{ occurrences: number }>('POST', '/series', {
      kind: 'client_session',
      practitioner_id: practitionerId,
      client_id: clientId,
      service_id: services.find((item) => item.code === '90834')!.id,
      location_id: locations[0]!.id,
      start_date: tuesday,
      local_time: '16:00',
      duration_minutes: 45,
      rule: { freq: 'weekly', interval: 1, by_weekday: ['TU'], count: 10 },
    });
    expect(created.occurrences).toBe(10);
    const booked = await sessions(tuesday);
    expect(booked).toHaveLength(10);
    const second = booked[1]!;
    const secondTuesday = addDays(tuesday, 7);
    const wednesday = addDays(secondTuesday, 1);

    const page = await newPage(browser, { language: 'es', bypassCSP: true });
    await signIn(page, baseUrl, FRONT_DESK);
    await openWeek(page, baseUrl, secondTuesday, practitionerId);
    const block = page.locator(`[data-event-id="${second.id}"]`);
    await block.waitFor();

    // First, only this one goes to the Wednesday.
    await dragTo(page, block, wednesday, 0);
    const dialog = page.getByRole('dialog', { name: 'Mover una cita que se repite' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Solo esta' }).check();
    await dialog.getByText('Se mueve 1 cita:').waitFor();
    await dialog.getByRole('button', { name: 'Mover', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => placeOf(page, block), { timeout: 15_000 }).toBe(`${wednesday} 16:00`);

    // Then that same one to 17:00, this and the following ones.
    await dragTo(page, block, wednesday, 1);
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Esta y las siguientes' }).check();
    await dialog.getByText('Se mueven 9 citas:').waitFor();
    expect(await dialog.getByText(/se queda como está|se quedan como están/).count()).toBe(0);
    expect(await dialog.getByText(/Se añade/).count()).toBe(0);
    expect(await dialog.getByTestId('series-stays').count()).toBe(0);
    expect(await dialog.getByTestId('series-moves').getByRole('listitem').first().textContent()).toMatch(/17:00/);
    await screenshot(page, 'series-split-preview-es');
    const findings = await audit(page, 'series split preview (es)');
    expect(findings, report(findings)).toEqual([]);

    await dialog.getByRole('button', { name: 'Mover', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Se movieron 9 citas.').waitFor();
    // Without a reload, the block is where the server put it.
    await expect.poll(() => placeOf(page, block), { timeout: 15_000 }).toBe(`${wednesday} 17:00`);
    await screenshot(page, 'series-split-done-es');

    const after = await sessions(tuesday);
    expect(after.map((entry) => inLima(entry.starts_at))).toEqual([
      { date: tuesday, time: '16:00' },
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((week) => ({ date: addDays(tuesday, 7 * week + 1), time: '17:00' })),
    ]);
    expect(after[1]!.id).toBe(second.id);
    await page.context().close();
  });
});
