/**
 * Seeing the day and trusting a drag (issue 17, points 5, 8 and 10), in Spanish at 1280×800 and in English at
 * 768×1024: a sideways drag lands on a 15-minute slot (checked through the API); a resize past the end of the day
 * asks, and "put it back" leaves it as it was; a move onto a colleague's session names the clash (who, what,
 * whose); the legend lists the practitioners; a no-show carries its mark; a double booking is marked on both
 * blocks; the month lists a busy day's sessions; the day by practitioner has one column per practitioner; axe-core
 * finds nothing serious in the week, the month (other months' days included), the columns and an empty range.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/locales/en';
import { es } from '../src/i18n/locales/es';
import { audit, report } from './axe';
import { type OkApi, launchBrowser, newPage, okApiAs, screenshot, signIn, serverUrl } from './browser';
import { addDays, DAY_MS, type Entry, inLima, limaIso } from './lima';

const FRONT_DESK = { email: 'frontdesk@tend.example', password: 'tend-demo-front' };
const LOCALES = { es, en } as const;
const SIZES = { es: { width: 1280, height: 800 }, en: { width: 768, height: 1024 } } as const;
// Unique per run: the database may be reused (TEND_E2E_BASE_URL).
const suffix = `D${Math.random().toString(36).slice(2, 7)}`;

interface Practitioner {
  id: string;
  name: string;
  active: boolean;
}

/** A Tuesday (Lima) 3 to 40 weeks ahead, another each run: its Wednesday is in the same week in both languages. */
function futureTuesday(): string {
  const today = inLima(Date.now()).date;
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  return addDays(today, ((2 - weekday + 7) % 7) + 7 * (3 + Math.floor(Math.random() * 37)));
}

/** The top edge of a time row of the grid. */
async function rowTop(page: Page, time: string): Promise<number> {
  const row = page.locator(`[data-time="${time}:00"]`).last();
  await row.scrollIntoViewIfNeeded();
  const box = await row.boundingBox();
  if (!box) throw new Error(`no row at ${time}`);
  return box.y;
}

/** Drags with the mouse from `grab` by (dx, dy), through a few steps as a hand would. */
async function drag(page: Page, grab: { x: number; y: number }, dx: number, dy: number) {
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 6, grab.y + 3, { steps: 4 });
  await page.mouse.move(grab.x + dx, grab.y + dy, { steps: 16 });
  await page.mouse.up();
}

describe('the calendar day: drags, marks, legend, month and columns', () => {
  const baseUrl = serverUrl();
  let browser: Browser;
  let api: OkApi;
  let practitioners: Practitioner[];
  let serviceId: string;
  let locationId: string;
  let noShow: Entry;

  async function book(practitionerId: string, clientId: string, date: string, from: string, to: string): Promise<string> {
    const booked = await api('POST', '/appointments', {
      kind: 'client_session',
      client_id: clientId,
      practitioner_id: practitionerId,
      service_id: serviceId,
      location_id: locationId,
      starts_at: limaIso(date, from),
      ends_at: limaIso(date, to),
      allow_conflicts: true,
    });
    return String(booked.id);
  }

  async function axeClean(page: Page, screen: string) {
    const found = await audit(page, screen);
    expect(found, report(found)).toEqual([]);
  }

  /** A future Tuesday whose evening (and Wednesday's) the practitioner has free: a drag there meets no clash. */
  async function freeEvenings(practitionerId: string): Promise<string> {
    for (;;) {
      const tuesday = futureTuesday();
      const window = `start=${encodeURIComponent(limaIso(tuesday, '18:00'))}&end=${encodeURIComponent(limaIso(addDays(tuesday, 2), '00:00'))}`;
      const found = await api<Entry[]>('GET', `/appointments?${window}&practitioner_id=${practitionerId}`);
      const evening = found.filter((entry) => inLima(entry.ends_at).time > '18:00' || inLima(entry.ends_at).date > inLima(entry.starts_at).date);
      if (evening.length === 0) return tuesday;
    }
  }

  async function newClient(first: string, practitionerId: string): Promise<{ id: string; name: string }> {
    const created = await api('POST', '/clients', { first_name: `${first} ${suffix}`, last_name: 'Llosa', practitioner_ids: [practitionerId] });
    return { id: String(created.id), name: `${first} ${suffix} Llosa` };
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    api = await okApiAs(baseUrl, FRONT_DESK);
    practitioners = ((await api('GET', '/practitioners')).items as Practitioner[]).filter((item) => item.active);
    const services = (await api('GET', '/services')).items as Array<{ id: string; code: string }>;
    serviceId = services.find((item) => item.code === '90834')!.id;
    locationId = ((await api('GET', '/locations')).items as Array<{ id: string }>)[0]!.id;
    // A no-show the demo recorded in the last five weeks.
    const now = Date.now();
    const window = `start=${encodeURIComponent(new Date(now - 35 * DAY_MS).toISOString())}&end=${encodeURIComponent(new Date(now).toISOString())}&status=no_show`;
    noShow = (await api<Entry[]>('GET', `/appointments?${window}`))[0]!;
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const language of ['es', 'en'] as const) {
    const t = LOCALES[language].calendar;
    const board = t.board;
    const size = SIZES[language];
    const tag = `${language}-${size.width}`;

    it(`snaps a sideways drag to 15 minutes, asks before a 25-hour resize and names a clash (${language}, ${size.width}px)`, async () => {
      const [mine, theirs] = practitioners;
      const tuesday = await freeEvenings(mine!.id);
      const wednesday = addDays(tuesday, 1);
      const ana = await newClient(`Ana${language}`, mine!.id);
      const beto = await newClient(`Beto${language}`, theirs!.id);
      // Evenings, which the demo's schedule leaves free.
      const moved = await book(mine!.id, ana.id, tuesday, '19:00', '19:45');
      const stretched = await book(mine!.id, ana.id, tuesday, '20:30', '21:15');
      await book(mine!.id, beto.id, wednesday, '21:30', '22:15');

      const page = await newPage(browser, { language, viewport: size });
      await signIn(page, baseUrl, FRONT_DESK);
      await page.goto(`${baseUrl}/calendar?date=${tuesday}&p=${mine!.id}`);
      const block = (id: string) => page.locator(`[data-event-id="${id}"]`);
      await block(moved).waitFor();

      // Sideways to Wednesday, the hand a little low: a third of a slot later, which must not stay.
      const quarter = ((await rowTop(page, '20:00')) - (await rowTop(page, '19:00'))) / 4;
      await block(moved).scrollIntoViewIfNeeded();
      const from = (await block(moved).boundingBox())!;
      const lane = (await page.locator(`[role="cell"][data-date="${wednesday}"]`).boundingBox())!;
      await drag(page, { x: from.x + from.width / 2, y: from.y + 10 }, lane.x + lane.width / 2 - (from.x + from.width / 2), quarter / 3);
      // The toast sits at the top, clear of a dialog's buttons.
      const toast = page.getByText(t.moved.split('{{')[0]!.trim()).first();
      await toast.waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
        await screenshot(page, `calendar-day-no-toast-${tag}`);
        throw error;
      });
      expect((await toast.boundingBox())!.y).toBeLessThan(200);
      const saved = await api<Entry>('GET', `/appointments/${moved}`);
      expect(inLima(saved.starts_at).date).toBe(wednesday);
      expect(Number(inLima(saved.starts_at).time.slice(3)) % 15).toBe(0);
      expect(Number(inLima(saved.ends_at).time.slice(3)) % 15).toBe(0);

      // Its bottom edge dragged onto Wednesday evening: 25 hours, asked, and put back.
      await block(stretched).scrollIntoViewIfNeeded();
      await block(stretched).hover();
      const edge = (await block(stretched).boundingBox())!;
      const target = (await page.locator(`[role="cell"][data-date="${wednesday}"]`).boundingBox())!;
      await drag(page, { x: edge.x + edge.width / 2, y: edge.y + edge.height - 2 }, target.x + target.width / 2 - (edge.x + edge.width / 2), 4 * quarter);
      const ask = page.getByRole('dialog', { name: board.longResize.title });
      await ask.waitFor();
      await screenshot(page, `calendar-day-long-resize-${tag}`);
      await ask.getByRole('button', { name: board.longResize.revert }).click();
      await ask.waitFor({ state: 'detached' });
      await expect.poll(async () => block(stretched).textContent()).toMatch(/(20|8):30 ?[-–] ?(21|9):15/);
      const kept = await api<Entry>('GET', `/appointments/${stretched}`);
      expect([inLima(kept.starts_at).time, inLima(kept.ends_at).time]).toEqual(['20:30', '21:15']);

      // An hour later onto Wednesday, over Beto's session: the clash names him, the service and the practitioner.
      await block(stretched).scrollIntoViewIfNeeded();
      const again = (await block(stretched).boundingBox())!;
      const over = (await page.locator(`[role="cell"][data-date="${wednesday}"]`).boundingBox())!;
      await drag(page, { x: again.x + again.width / 2, y: again.y + 10 }, over.x + over.width / 2 - (again.x + again.width / 2), 4 * quarter);
      const clash = page.getByRole('dialog', { name: t.clash.title });
      await clash.waitFor();
      const item = clash.getByTestId('clash-item').filter({ hasText: beto.name });
      await item.waitFor();
      // Named once the window around the clash has loaded (until then by the calendar's own title of it).
      await expect.poll(async () => item.textContent()).toContain(`(${mine!.name})`);
      await screenshot(page, `calendar-day-clash-${tag}`);
      await clash.getByRole('button', { name: t.clash.choose }).click();
      await clash.waitFor({ state: 'detached' });
      await page.context().close();
    });

    it(`shows whose colour, no-shows, double bookings, a busy month and a column per practitioner (${language}, ${size.width}px)`, async () => {
      const [first, second, third] = practitioners;
      const tuesday = futureTuesday();
      const carla = await newClient(`Carla${language}`, first!.id);
      const dora = await newClient(`Dora${language}`, first!.id);
      // Late in the evening, where the demo books nothing: no "+more" can hide them.
      const twice = [await book(first!.id, carla.id, tuesday, '20:00', '20:45'), await book(first!.id, dora.id, tuesday, '20:15', '21:00')];
      const busy: string[] = [];
      for (const [index, hour] of ['08', '09', '10', '11', '12', '13', '14', '15'].entries()) {
        const whose = [first, second, third][index % 3]!;
        const person = await newClient(`Eva${index}${language}`, whose.id);
        busy.push(person.name);
        await book(whose.id, person.id, tuesday, `${hour}:00`, `${hour}:45`);
      }

      const page = await newPage(browser, { language, viewport: size, bypassCSP: true });
      await signIn(page, baseUrl, FRONT_DESK);
      await page.goto(`${baseUrl}/calendar?date=${tuesday}`);
      const block = (id: string) => page.locator(`[data-event-id="${id}"]`);
      await block(twice[0]!).waitFor();

      const legend = page.getByRole('list', { name: board.legend });
      expect(await legend.getByRole('listitem').allTextContents()).toEqual(practitioners.map((item) => item.name));
      for (const id of twice) {
        await block(id).getByTestId('double-booked-mark').waitFor();
      }
      await block(twice[0]!).scrollIntoViewIfNeeded();
      await screenshot(page, `calendar-day-week-${tag}`);
      await axeClean(page, `week-${tag}`);

      // The month lists the busy Tuesday's sessions, not one and "+7 more"; other months' days read (axe).
      await page.goto(`${baseUrl}/calendar?view=month&date=${tuesday}`);
      await block(twice[0]!).waitFor();
      const cell = page.locator(`[data-date="${tuesday}"]:not([role="columnheader"])`).first();
      for (const name of busy) await cell.getByText(name).waitFor();
      await screenshot(page, `calendar-day-month-${tag}`);
      await axeClean(page, `month-${tag}`);

      // One column per practitioner, each headed by a name; the double booking in the first one's column.
      await page.goto(`${baseUrl}/calendar?view=team&date=${tuesday}`);
      const columns = page.getByTestId('practitioner-columns');
      await columns.waitFor();
      await block(twice[0]!).waitFor();
      const heads = columns.locator('[data-practitioner-id]');
      expect(await heads.count()).toBe(practitioners.length);
      for (const [index, practitioner] of practitioners.entries()) {
        expect(await heads.nth(index).getAttribute('data-practitioner-id')).toBe(practitioner.id);
        await heads.nth(index).getByTitle(practitioner.name, { exact: true }).waitFor();
      }
      expect(await heads.nth(0).locator(`[data-event-id="${twice[1]}"]`).count()).toBe(1);
      expect(await heads.nth(1).locator(`[data-event-id="${twice[1]}"]`).count()).toBe(0);
      await screenshot(page, `calendar-day-columns-${tag}`);
      await axeClean(page, `columns-${tag}`);

      // A no-show carries its mark, in words.
      const noShowDay = inLima(noShow.starts_at).date;
      await page.goto(`${baseUrl}/calendar?view=day&date=${noShowDay}`);
      const mark = block(noShow.id).getByTestId('no-show-mark');
      await mark.waitFor();
      expect(await mark.textContent()).toContain(board.noShowMark);

      // An empty range: nothing booked years ahead.
      await page.goto(`${baseUrl}/calendar?view=day&date=${addDays(tuesday, 3 * 365)}`);
      await page.locator('[data-time="12:00:00"]').first().waitFor();
      await screenshot(page, `calendar-day-empty-${tag}`);
      await axeClean(page, `empty-${tag}`);
      await page.context().close();
    });
  }
});
