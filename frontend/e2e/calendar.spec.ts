/**
 * The calendar as the front desk uses it, against the demo practice in Lima: book a session by clicking a free
 * slot, move it by dragging it with the mouse, record a past session as a no-show from its popover (reached with
 * the keyboard), and the week in Spanish at 1280×800 as a screenshot.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OkApi, launchBrowser, okApiAs, screenshot, signIn, serverUrl } from './browser';
import { DAY_MS, inLima, limaIso } from './lima';

const FRONT_DESK = { email: 'frontdesk@tend.example', password: 'tend-demo-front' };
// Unique per run: the database may be reused (TEND_E2E_BASE_URL), and the client must be findable by name.
const suffix = `K${Math.random().toString(36).slice(2, 7)}`;
const client = { first: `Inés ${suffix}`, last: 'Ñique', name: `Inés ${suffix} Ñique` };
const PRACTITIONER = 'Lic. Renato Chávez León';

/**
 * A Saturday (Lima) beyond the demo's schedule, a different one each run, so a run against a reused database
 * does not find its own earlier booking in the slot it clicks.
 */
function freeSaturday(): string {
  const today = new Date(`${inLima(Date.now()).date}T12:00:00Z`);
  const untilSaturday = (6 - today.getUTCDay() + 7) % 7;
  const weeks = 8 + Math.floor(Math.random() * 40);
  return new Date(today.getTime() + (untilSaturday + 7 * weeks) * DAY_MS).toISOString().slice(0, 10);
}

async function newPage(browser: Browser, language: 'en' | 'es'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: language === 'es' ? 'es-PE' : 'en-US' });
  await context.addInitScript((chosen) => window.localStorage.setItem('tend.language', chosen), language);
  return context.newPage();
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

async function pickOption(page: Page, input: Locator, option: string | RegExp) {
  await input.click();
  await page.getByRole('option', { name: option }).first().click();
}

function block(page: Page, text: string): Locator {
  return page.locator('[data-event-id]').filter({ hasText: text });
}

describe('calendar', () => {
  const baseUrl = serverUrl();
  let browser: Browser;
  let api: OkApi;
  let clientId: string;
  let pastSessionId: string;
  let pastDate: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    api = await okApiAs(baseUrl, FRONT_DESK);
    const created = await api('POST', '/clients', { first_name: client.first, last_name: client.last });
    clientId = String(created.id);
    // A session some days ago, in the evening (the demo books nothing then), that nobody recorded: the calendar
    // flags it. Another day each run, so runs against a reused database do not pile up in one slot.
    const services = (await api('GET', '/services')).items as Array<{ id: string; code: string }>;
    const locations = (await api('GET', '/locations')).items as Array<{ id: string }>;
    const practitioners = (await api('GET', '/practitioners')).items as Array<{ id: string; name: string }>;
    pastDate = inLima(Date.now() - (2 + Math.floor(Math.random() * 20)) * DAY_MS).date;
    const past = await api('POST', '/appointments', {
      kind: 'client_session',
      client_id: clientId,
      practitioner_id: practitioners.find((item) => item.name === PRACTITIONER)!.id,
      service_id: services.find((item) => item.code === '90834')!.id,
      location_id: locations[0]!.id,
      starts_at: limaIso(pastDate, '21:10'),
      ends_at: limaIso(pastDate, '21:55'),
      allow_conflicts: true,
    });
    pastSessionId = String(past.id);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('books a session by clicking a free slot, then moves it by dragging', async () => {
    const page = await newPage(browser, 'en');
    await signIn(page, baseUrl, FRONT_DESK);
    const saturday = freeSaturday();
    await page.goto(`${baseUrl}/calendar?date=${saturday}`);
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    await page.locator(`[role="columnheader"][data-date="${saturday}"]`).waitFor();

    const slot = await slotPoint(page, saturday, '10:00');
    await page.mouse.click(slot.x, slot.y);
    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    await dialog.waitFor();
    // English time fields read the 12-hour clock.
    expect(await dialog.getByRole('textbox', { name: 'Start' }).inputValue()).toBe('10:00 AM');

    await pickOption(page, dialog.getByRole('combobox', { name: /Practitioner/ }), PRACTITIONER);
    await dialog.getByRole('combobox', { name: /Paciente|Patient|Client/ }).fill(client.name);
    await page.getByRole('option', { name: client.name, exact: true }).click();
    await pickOption(page, dialog.getByRole('combobox', { name: /Service/ }), /^90834/);
    // The service's 45 minutes set the end, its price the price.
    expect(await dialog.getByRole('textbox', { name: 'End' }).inputValue()).toBe('10:45 AM');
    expect(await dialog.getByRole('textbox', { name: /Price/ }).inputValue()).toBe('150.00');
    await dialog.getByRole('button', { name: 'Book', exact: true }).click();
    // A run against a reused database may find its own earlier booking there.
    const clash = page.getByRole('dialog', { name: 'This time clashes' });
    await Promise.race([dialog.waitFor({ state: 'detached' }), clash.waitFor()]);
    if (await clash.isVisible()) await clash.getByRole('button', { name: 'Book anyway' }).click();
    await dialog.waitFor({ state: 'detached' });

    const booked = block(page, client.name);
    await booked.waitFor();
    expect(await booked.textContent()).toContain('10:00 – 10:45');
    const eventId = await booked.getAttribute('data-event-id');

    // Drag it down two 15-minute slots with the mouse.
    const from = await booked.boundingBox();
    const next = await page.locator('[data-time="10:15:00"]').last().boundingBox();
    const first = await page.locator('[data-time="10:00:00"]').last().boundingBox();
    if (!from || !next || !first) throw new Error('no geometry to drag with');
    const step = next.y - first.y;
    const grab = { x: from.x + from.width / 2, y: from.y + 12 };
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    await page.mouse.move(grab.x, grab.y + step / 2, { steps: 4 });
    await page.mouse.move(grab.x, grab.y + 2 * step, { steps: 12 });
    await page.mouse.up();

    const moved = page.locator(`[data-event-id="${eventId}"]`);
    await expect.poll(async () => moved.textContent(), { timeout: 10_000 }).toContain('10:30 – 11:15');
    // Against a reused database an earlier run's session may be there: then the move asks first.
    const done = page.getByText('Moved to').first();
    const moveClash = page.getByRole('dialog', { name: 'This time clashes' });
    await Promise.race([done.waitFor(), moveClash.waitFor()]);
    if (await moveClash.isVisible()) await moveClash.getByRole('button', { name: 'Move anyway' }).click();
    await done.waitFor();
    await expect.poll(async () => moved.textContent()).toContain('10:30 – 11:15');
    const saved = await api('GET', `/appointments/${eventId}`);
    expect(inLima(String(saved.starts_at))).toEqual({ date: saturday, time: '10:30' });
    expect(inLima(String(saved.ends_at)).time).toBe('11:15');
    await page.context().close();
  });

  it('records a past session as a no-show from its popover, opened with the keyboard', async () => {
    const page = await newPage(browser, 'en');
    await signIn(page, baseUrl, FRONT_DESK);
    await page.goto(`${baseUrl}/calendar?view=day&date=${pastDate}`);
    const past = page.locator(`[data-event-id="${pastSessionId}"]`);
    await past.waitFor();
    await past.scrollIntoViewIfNeeded();
    expect(await past.textContent()).toContain('Needs attendance');

    // Tab reaches the block, Enter opens it, Esc closes it and gives focus back.
    await past.focus();
    await page.keyboard.press('Enter');
    const popover = page.getByTestId('event-popover');
    await popover.waitFor();
    expect(await popover.textContent()).toContain(client.name);
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-event-id'))).toBe(pastSessionId);

    await page.keyboard.press('Enter');
    await popover.waitFor();
    await popover.getByRole('button', { name: 'No-show' }).click();
    // The fee box is ticked with the practice's fee; recording it posts the fee (a job, a moment later).
    const step = popover.getByTestId('no-show-step');
    const feeBox = step.getByRole('checkbox');
    const practice = await api('GET', '/practice');
    const session = await api('GET', `/appointments/${pastSessionId}`);
    const fee = Number((practice.no_show_fees as Record<string, number>)[String(session.currency)] ?? 0);
    expect(await feeBox.isChecked()).toBe(fee > 0);
    await step.getByRole('button', { name: 'Record no-show' }).click();
    await popover.getByRole('button', { name: 'Back to scheduled' }).waitFor();
    expect(await popover.textContent()).toContain('No-show');
    await expect.poll(async () => past.textContent()).toContain('No-show');
    expect(await past.textContent()).not.toContain('Needs attendance');
    expect((await api('GET', `/appointments/${pastSessionId}`)).status).toBe('no_show');
    if (fee > 0) {
      await expect
        .poll(async () => {
          const ledger = await api('GET', `/clients/${String(session.client_id)}/ledger`);
          return (ledger.lines as { appointment_id: string; charge_type: string }[]).filter(
            (line) => line.appointment_id === pastSessionId && line.charge_type === 'no_show_fee',
          ).length;
        }, { timeout: 15_000 })
        .toBe(1);
    }
    await page.context().close();
  });

  it('shows the week in Spanish at 1280×800', async () => {
    const page = await newPage(browser, 'es');
    await signIn(page, baseUrl, FRONT_DESK);
    await page.goto(`${baseUrl}/calendar`);
    await page.getByRole('heading', { name: 'Agenda', level: 1 }).waitFor();
    await page.locator('[data-event-id]').first().waitFor();
    await page.waitForTimeout(300); // let the blocks settle after the window loads
    await screenshot(page, 'calendar-week-es');
    await page.context().close();
  });
});
