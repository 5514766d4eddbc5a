/**
 * Booking and changing a series from the keyboard only (after signing in): Tab to "New appointment", a client and a
 * service picked by typing + Enter, a 24-hour time typed, saved with Enter; then an occurrence of a weekly series
 * reached with Tab, opened with Enter, its time changed in the form, "this and the following ones" chosen with the
 * arrow keys, the preview read and confirmed, and the API asked which occurrences moved. Spanish at 1280×800 and
 * English at 768×1024; the keys pressed are counted and printed. axe audits the form and the scope question.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, report } from './axe';
import { type OkApi, launchBrowser, newPage, okApiAs, screenshot, serverUrl } from './browser';
import { addDays, futureTuesday, inLima, type Entry } from './lima';

const ADMIN = { email: 'admin@tend.example', password: 'tend-demo-admin' };
const FRONT_DESK = { email: 'frontdesk@tend.example', password: 'tend-demo-front' };

const WORDS = {
  es: {
    newAppointment: 'Nueva cita', date: 'Fecha', start: 'Inicio', book: 'Agendar', edit: 'Cambiar horario o datos',
    editTitle: 'Cambiar la cita', ask: 'Cambiar una cita que se repite', moves: 'Se mueven 4 citas:', confirm: 'Guardar cambios',
  },
  en: {
    newAppointment: 'New appointment', date: 'Date', start: 'Start', book: 'Book', edit: 'Change time or details',
    editTitle: 'Change appointment', ask: 'Change a recurring appointment', moves: '4 appointments move:', confirm: 'Save changes',
  },
} as const;

/** Presses keys, counting each press (a key with modifiers, "Control+a", is one). */
class Keys {
  count = 0;
  constructor(private readonly page: Page) {}
  async press(key: string, times = 1) {
    for (let i = 0; i < times; i += 1) {
      await this.page.keyboard.press(key);
      this.count += 1;
    }
  }
  async type(text: string) {
    await this.page.keyboard.type(text);
    this.count += text.length;
  }
  /** Tab (or Shift+Tab) until `reached` holds for the focused element; at most `limit` presses. */
  async tabTo(reached: () => Promise<boolean>, limit = 60, key = 'Tab') {
    for (let i = 0; i < limit; i += 1) {
      if (await reached()) return;
      await this.press(key);
    }
    throw new Error(`focus never reached the target in ${limit} presses of ${key}`);
  }
}

/**
 * What axe finds on the form and its questions. The empty calendar behind them has its own finding (its scroller is
 * not focusable: issue 17 point 10, fixed with the calendar board, not here), left out so this spec audits the form.
 */
async function auditForm(page: Page, screen: string) {
  const findings = await audit(page, screen);
  return findings.filter(
    (finding) => !(finding.rule === 'scrollable-region-focusable' && finding.targets.every((target) => target.startsWith('.fc'))),
  );
}

/** Signs in with the keyboard (Enter submits the login form): the count starts after it. */
async function signInByKeys(page: Page, baseUrl: string, credentials: { email: string; password: string }) {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('textbox', { name: /^(Email|Correo electrónico)$/ }).fill(credentials.email);
  const password = page.getByLabel(/Password|Contraseña/, { exact: false }).and(page.locator('input'));
  await password.fill(credentials.password);
  await password.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      text: element?.textContent?.trim() ?? '',
      label: element?.getAttribute('aria-label') ?? (element?.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent ?? '' : ''),
      event: element?.closest('[data-event-id]')?.getAttribute('data-event-id') ?? null,
    };
  });

describe('booking and changing a series from the keyboard', () => {
  const baseUrl = serverUrl();
  let browser: Browser;
  let api: OkApi;
  let serviceId: string;
  let locationId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    api = await okApiAs(baseUrl, FRONT_DESK);
    serviceId = (await api<{ items: Array<{ id: string; code: string }> }>('GET', '/services')).items.find((item) => item.code === '90834')!.id;
    locationId = (await api<{ items: Array<{ id: string }> }>('GET', '/locations')).items[0]!.id;
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const language of ['es', 'en'] as const) {
    it(`books and moves "this and the following" with keys only (${language})`, async () => {
      const words = WORDS[language];
      const suffix = `K${Math.random().toString(36).slice(2, 7)}`;
      const admin = await okApiAs(baseUrl, ADMIN);
      const practitionerId = String((await admin('POST', '/practitioners', { name: `Lic. Teclado ${suffix}`, commission_rate_bp: 4000, color: '#00695c' })).id);
      const client = { first: `Tecla ${suffix}`, last: 'Rápida' };
      const clientId = String((await api('POST', '/clients', { first_name: client.first, last_name: client.last })).id);
      const viewport = language === 'es' ? { width: 1280, height: 800 } : { width: 768, height: 1024 };
      const page = await newPage(browser, { language, bypassCSP: true, viewport });
      await signInByKeys(page, baseUrl, FRONT_DESK);
      const keys = new Keys(page);

      // 1. A new booking: Tab to the button, client and service by typing + Enter, the day and a 24-hour time typed.
      const day = futureTuesday(9);
      await page.goto(`${baseUrl}/calendar?date=${day}&p=${practitionerId}`);
      await page.locator(`[role="columnheader"][data-date="${day}"]`).waitFor();
      await keys.tabTo(async () => (await focused(page)).text === words.newAppointment);
      await keys.press('Enter');
      const form = page.getByRole('dialog', { name: words.newAppointment });
      await form.waitFor();
      const clientBox = form.getByRole('combobox', { name: /Paciente|Patient|Client/ });
      await expect.poll(() => clientBox.evaluate((element) => element === document.activeElement)).toBe(true);
      await keys.type(`${client.first} ${client.last}`);
      await page.getByRole('option', { name: `${client.first} ${client.last}`, exact: true }).waitFor();
      await keys.press('Enter');
      await keys.press('Tab');
      await keys.type('90834');
      await keys.press('Enter');
      await expect.poll(() => form.getByRole('combobox', { name: /Servicio|Service/ }).inputValue()).toMatch(/^90834/);
      await keys.tabTo(async () => (await focused(page)).label.startsWith(words.date), 12, 'Shift+Tab');
      await keys.press('Control+a');
      await keys.type(day);
      await keys.tabTo(async () => (await focused(page)).label.startsWith(words.start), 4);
      await keys.type('1600');
      await keys.press('Tab');
      const end = form.getByRole('textbox', { name: language === 'es' ? /^Fin/ : /^End/ });
      expect(await form.getByRole('textbox', { name: new RegExp(`^${words.start}`) }).inputValue()).toBe(language === 'es' ? '16:00' : '4:00 PM');
      expect(await end.inputValue()).toBe(language === 'es' ? '16:45' : '4:45 PM');
      await screenshot(page, `keyboard-booking-form-${language}`);
      const formFindings = await auditForm(page, `booking form from the keyboard (${language})`);
      expect(formFindings, report(formFindings)).toEqual([]);
      await keys.press('Enter');
      await form.waitFor({ state: 'detached' });
      const booked = await api<Entry[]>('GET', `/appointments?start=${day}T00:00:00-05:00&end=${addDays(day, 1)}T00:00:00-05:00&client_id=${clientId}`);
      expect(booked.map((entry) => inLima(entry.starts_at))).toEqual([{ date: day, time: '16:00' }]);
      const bookingKeys = keys.count;

      // 2. A weekly series of six; the third moves to 17:00 with the following ones.
      await api('POST', '/series', {
        kind: 'client_session', practitioner_id: practitionerId, client_id: clientId, service_id: serviceId, location_id: locationId,
        start_date: addDays(day, 1), local_time: '10:00', duration_minutes: 45, time_zone: 'America/Lima',
        rule: { freq: 'weekly', interval: 1, by_weekday: ['WE'], count: 6 },
      });
      const seriesOf = async () =>
        (await api<Entry[]>('GET', `/appointments?start=${addDays(day, 1)}T00:00:00-05:00&end=${addDays(day, 60)}T00:00:00-05:00&client_id=${clientId}`))
          .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at));
      const series = await seriesOf();
      expect(series).toHaveLength(6);
      const third = series[2]!;
      keys.count = 0;
      await page.goto(`${baseUrl}/calendar?date=${inLima(third.starts_at).date}&p=${practitionerId}`);
      await page.locator(`[data-event-id="${third.id}"]`).waitFor();
      await keys.tabTo(async () => (await focused(page)).event === third.id, 80);
      await keys.press('Enter');
      const popover = page.getByTestId('event-popover');
      await popover.waitFor();
      await keys.tabTo(async () => (await focused(page)).text === words.edit, 20);
      await keys.press('Enter');
      const edit = page.getByRole('dialog', { name: words.editTitle });
      await edit.waitFor();
      await keys.tabTo(async () => (await focused(page)).label.startsWith(words.start), 12);
      await keys.type('1700');
      await keys.press('Enter');
      const ask = page.getByRole('dialog', { name: words.ask });
      await ask.waitFor();
      // Focus is on "only this one" (not chosen yet); the arrow chooses the next.
      await keys.press('ArrowDown');
      await ask.getByText(words.moves).waitFor();
      expect(await ask.getByTestId('series-moves').getByRole('listitem').count()).toBe(4);
      // Nothing saved before confirming.
      expect(inLima((await api<Entry>('GET', `/appointments/${third.id}`)).starts_at).time).toBe('10:00');
      await screenshot(page, `keyboard-series-preview-${language}`);
      const askFindings = await auditForm(page, `series scope from the form (${language})`);
      expect(askFindings, report(askFindings)).toEqual([]);
      await keys.tabTo(async () => (await focused(page)).text === words.confirm, 10);
      await keys.press('Enter');
      await ask.waitFor({ state: 'detached' });
      await edit.waitFor({ state: 'detached' });
      const after = await seriesOf();
      expect(after.map((entry) => inLima(entry.starts_at).time)).toEqual(['10:00', '10:00', '17:00', '17:00', '17:00', '17:00']);
      expect(after.map((entry) => inLima(entry.starts_at).date)).toEqual(series.map((entry) => inLima(entry.starts_at).date));
      console.log(`[keys] ${language}: booking ${bookingKeys} keys; series change ${keys.count} keys; 0 clicks`);
      await page.context().close();
    });
  }
});
