/**
 * The calendar as the demo clinician (Dra. Carmen Quispe) sees it, in Spanish and in English: a colleague's session
 * is a "Busy" block without the client while cancelled appointments are hidden (the default), a colleague's
 * cancelled session is never shown, her own cancelled one only with "Show cancelled"; and "New appointment" proposes
 * a time still to come in this week, in a past week and in a future week (its first day at 09:00). axe-core runs on
 * the day with the busy block.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/locales/en';
import { es } from '../src/i18n/locales/es';
import { audit, report } from './axe';
import { type OkApi, launchBrowser, newPage, okApiAs, signIn, serverUrl } from './browser';
import { addDays, DAY_MS, inLima, limaMs, to24h } from './lima';

const CLINICIAN = { email: 'clinician@tend.example', password: 'tend-demo-clinician' };
const FRONT_DESK = { email: 'frontdesk@tend.example', password: 'tend-demo-front' };
// Unique per run: the database may be reused (TEND_E2E_BASE_URL).
const suffix = `B${Math.random().toString(36).slice(2, 7)}`;
const theirClient = { first: `Bruno ${suffix}`, last: 'Ccori' };
const myClient = { first: `Berta ${suffix}`, last: 'Ñahui' };
const LOCALES = { es, en } as const;

/** The start the open booking form proposes, read from its Date (DD/MM/YYYY or MM/DD/YYYY) and Start fields. */
async function proposedStart(page: Page, language: 'es' | 'en'): Promise<{ date: string; time: string }> {
  const { calendar: t, common } = LOCALES[language];
  const dialog = page.getByRole('dialog', { name: t.form.newTitle });
  await dialog.waitFor();
  const typed = await dialog.getByRole('textbox', { name: t.form.date }).inputValue();
  const [a, b, year] = typed.split('/');
  const [day, month] = language === 'es' ? [a, b] : [b, a];
  const time = to24h(await dialog.getByRole('textbox', { name: t.form.start }).inputValue());
  // A time still to come: the form does not offer to log it as a past session.
  expect(await dialog.getByRole('radiogroup', { name: t.form.recordAs }).count()).toBe(0);
  await dialog.getByRole('button', { name: common.cancel, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  return { date: `${year}-${month}-${day}`, time };
}

describe('calendar: colleagues busy time and the proposed start', () => {
  const baseUrl = serverUrl();
  let browser: Browser;
  let frontDesk: OkApi;
  let day = '';
  const ids = { busy: '', theirCancelled: '', mine: '', myCancelled: '' };

  beforeAll(async () => {
    browser = await launchBrowser();
    frontDesk = await okApiAs(baseUrl, FRONT_DESK);
    const clinician = await okApiAs(baseUrl, CLINICIAN);
    const me = await clinician<{ practitioner_id: string }>('GET', '/auth/me');
    const practitioners = (await frontDesk('GET', '/practitioners')).items as Array<{ id: string; active?: boolean }>;
    const colleague = practitioners.find((item) => item.id !== me.practitioner_id && item.active !== false)!.id;
    const services = (await frontDesk('GET', '/services')).items as Array<{ id: string; code: string }>;
    const locations = (await frontDesk('GET', '/locations')).items as Array<{ id: string }>;
    const theirs = await frontDesk('POST', '/clients', { first_name: theirClient.first, last_name: theirClient.last, practitioner_ids: [colleague] });
    const mine = await frontDesk('POST', '/clients', { first_name: myClient.first, last_name: myClient.last, practitioner_ids: [me.practitioner_id] });
    // Some weeks ahead, another day each run, in the evening (the demo books nothing then).
    day = inLima(Date.now() + (14 + Math.floor(Math.random() * 60)) * DAY_MS).date;
    async function book(practitionerId: string, clientId: string, from: string, to: string, cancel: boolean): Promise<string> {
      const booked = await frontDesk('POST', '/appointments', {
        kind: 'client_session',
        client_id: clientId,
        practitioner_id: practitionerId,
        service_id: services.find((item) => item.code === '90834')!.id,
        location_id: locations[0]!.id,
        starts_at: `${day}T${from}:00-05:00`,
        ends_at: `${day}T${to}:00-05:00`,
        allow_conflicts: true,
      });
      if (cancel) await frontDesk('POST', `/appointments/${String(booked.id)}/status`, { status: 'cancelled', reason: 'Viaje' });
      return String(booked.id);
    }
    ids.busy = await book(colleague, String(theirs.id), '18:00', '18:45', false);
    ids.theirCancelled = await book(colleague, String(theirs.id), '19:00', '19:45', true);
    ids.mine = await book(me.practitioner_id, String(mine.id), '20:00', '20:45', false);
    // A crowded hour: more colleagues' blocks than the calendar stacks side by side (4); hers still shows.
    for (let n = 0; n < 5; n += 1) await book(colleague, String(theirs.id), '20:00', '20:45', false);
    ids.myCancelled = await book(me.practitioner_id, String(mine.id), '21:00', '21:45', true);
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const language of ['es', 'en'] as const) {
    const t = LOCALES[language].calendar;

    it(`shows a colleague's session as busy, without the client, with cancellations hidden and shown (${language})`, async () => {
      const page = await newPage(browser, { language, bypassCSP: true });
      await signIn(page, baseUrl, CLINICIAN);
      await page.goto(`${baseUrl}/calendar?view=day&date=${day}`);
      const block = (id: string) => page.locator(`[data-event-id="${id}"]`);
      // Her own session says the window has loaded; then what else it drew can be checked.
      await block(ids.mine).waitFor();
      const busy = block(ids.busy);
      await busy.waitFor({ timeout: 10_000 });
      expect(await busy.textContent()).toContain(t.busy);
      expect(await busy.textContent()).not.toContain(theirClient.first);
      expect(await page.getByText(theirClient.first).count()).toBe(0);
      expect(await block(ids.theirCancelled).count()).toBe(0);
      expect(await block(ids.myCancelled).count()).toBe(0);
      const findings = await audit(page, `calendar-busy-${language}`);
      expect(findings, report(findings)).toEqual([]);

      // The switch reads the URL, which changes a moment after the click: wait for what it shows.
      await page.getByRole('switch', { name: t.filters.showCancelled }).click();
      await block(ids.myCancelled).waitFor();
      expect(await page.getByRole('switch', { name: t.filters.showCancelled }).isChecked()).toBe(true);
      expect(await block(ids.busy).textContent()).toContain(t.busy);
      expect(await block(ids.theirCancelled).count()).toBe(0);
      await page.context().close();
    });

    it(`proposes a time still to come for a new appointment, in this, a past and a future week (${language})`, async () => {
      const page = await newPage(browser, { language });
      await signIn(page, baseUrl, CLINICIAN);
      await page.goto(`${baseUrl}/calendar`);
      const newAppointment = page.getByRole('button', { name: t.toolbar.newAppointment, exact: true });
      await newAppointment.waitFor();

      await newAppointment.click();
      const now = Date.now();
      const proposed = await proposedStart(page, language);
      expect(limaMs(proposed.date, proposed.time)).toBeGreaterThan(now);
      // Today while the working day lasts (the next quarter hour), else the next morning: never days ahead.
      expect([inLima(now).date, inLima(now + DAY_MS).date]).toContain(proposed.date);
      if (inLima(now).time < '19:30') expect(proposed.date).toBe(inLima(now).date);

      // Another week by its address (what the toolbar's arrows write), then the same button.
      const weekAt = async (date: string) => {
        await page.goto(`${baseUrl}/calendar?date=${date}`);
        await newAppointment.waitFor();
        await newAppointment.click();
        return proposedStart(page, language);
      };
      const fromPast = await weekAt(addDays(inLima(now).date, -14));
      expect(limaMs(fromPast.date, fromPast.time)).toBeGreaterThan(Date.now());
      expect([inLima(now).date, inLima(now + DAY_MS).date]).toContain(fromPast.date);

      const ahead = addDays(inLima(now).date, 14);
      const fromFuture = await weekAt(ahead);
      // The first day of that week (Sunday in English, Monday in Spanish) at 09:00: never today, never past it.
      expect(fromFuture.time).toBe('09:00');
      expect(fromFuture.date > inLima(now + DAY_MS).date && fromFuture.date <= ahead).toBe(true);
      expect(Date.parse(`${ahead}T12:00:00Z`) - Date.parse(`${fromFuture.date}T12:00:00Z`)).toBeLessThan(7 * DAY_MS);
      await page.context().close();
    });
  }
});
