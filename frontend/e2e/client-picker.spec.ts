/**
 * The booking form's client picker, as the front desk types fast: Enter while the search for what is typed is
 * still on its way picks nobody (the earlier list on screen is not choosable), the one client matching every
 * word is picked once the answer is in, and an inactive client is marked in the list and warned about in the form.
 * Each run books nothing and has its own two Sofías (one inactive), found by a unique word in their names.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, report } from './axe';
import { launchBrowser, newPage, okApiAs, screenshot, signIn, serverUrl } from './browser';

const FRONT_DESK = { email: 'frontdesk@tend.example', password: 'tend-demo-front' };
// Unique per run: the database may be reused (TEND_E2E_BASE_URL).
const word = `q${Math.random().toString(36).slice(2, 7)}`;
const inactive = { first_name: 'Sofía', last_name: `Córdova ${word} Álvarez`, status: 'inactive' };
const active = { first_name: 'Sofía', last_name: `Córdova ${word} Díaz` };
const nameOf = (client: { first_name: string; last_name: string }) => `${client.first_name} ${client.last_name}`;

/** The booking form, opened from the calendar's toolbar. */
async function openBooking(page: Page, baseUrl: string, language: 'en' | 'es') {
  await page.goto(`${baseUrl}/calendar`);
  const title = language === 'es' ? 'Nueva cita' : 'New appointment';
  await page.getByRole('button', { name: title, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  return { dialog, picker: dialog.getByRole('combobox', { name: /^(Client|Patient|Paciente|Cliente)/ }) };
}

describe('client picker', () => {
  const baseUrl = serverUrl();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    const api = await okApiAs(baseUrl, FRONT_DESK);
    for (const client of [inactive, active]) await api('POST', '/clients', client);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('picks nobody on Enter while the search runs, then the one client every word matches', async () => {
    const page = await newPage(browser, { language: 'en' });
    await signIn(page, baseUrl, FRONT_DESK);
    const { dialog, picker } = await openBooking(page, baseUrl, 'en');

    // The searches for this run's Sofías wait until the test lets them through: "still on its way", for sure.
    let letThrough!: () => void;
    const held = new Promise<void>((resolve) => (letThrough = resolve));
    const ours = (url: URL) => url.pathname === '/api/v1/clients' && (url.searchParams.get('q') ?? '').includes(word);
    await page.route(ours, async (route: Route) => {
      await held;
      await route.continue();
    });

    // Opened, the picker lists the first clients: the list an arrow-down + Enter used to choose from.
    await picker.click();
    await page.getByRole('option').first().waitFor();
    const typed = `sofia cordova ${word} d`;
    await picker.pressSequentially(typed);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    expect(await picker.inputValue()).toBe(typed);
    await page.getByText('Searching…').waitFor();
    await screenshot(page, 'client-picker-searching-en');
    expect(await page.getByRole('option').count()).toBe(0);
    expect(await dialog.isVisible()).toBe(true); // Enter did not submit the form either

    letThrough();
    const diaz = page.getByRole('option', { name: nameOf(active) });
    await diaz.waitFor();
    // "d" starts Díaz only (it is also inside "Córdova"): one Sofía left.
    expect(await page.getByRole('option', { name: nameOf(inactive) }).count()).toBe(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => picker.inputValue()).toBe(nameOf(active));
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await page.unroute(ours);
    await page.context().close();
  });

  it('marks an inactive client in the list and warns in the form before booking (Spanish)', async () => {
    const page = await newPage(browser, { language: 'es', bypassCSP: true });
    await signIn(page, baseUrl, FRONT_DESK);
    const { dialog, picker } = await openBooking(page, baseUrl, 'es');

    await picker.click();
    await picker.fill(`córdova ${word}`);
    const alvarez = page.getByRole('option', { name: new RegExp(`^${nameOf(inactive)}`) });
    await alvarez.waitFor();
    expect(await alvarez.textContent()).toContain('Inactivo');
    await screenshot(page, 'client-picker-inactive-option-es');
    const listFindings = await audit(page, 'client picker list with an inactive client (es)');
    expect(listFindings, report(listFindings)).toEqual([]);
    expect(await page.getByRole('option', { name: new RegExp(`^${nameOf(active)}`) }).textContent()).not.toContain('Inactivo');
    await alvarez.click();

    const warning = dialog.getByRole('alert');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(`La ficha de ${nameOf(inactive)} está inactiva`);
    expect(await picker.inputValue()).toBe(nameOf(inactive));
    // Booking stays possible (someone coming back): the form's button is there to press.
    expect(await dialog.getByRole('button', { name: 'Agendar', exact: true }).isEnabled()).toBe(true);

    await screenshot(page, 'client-picker-inactive-warning-es');
    const findings = await audit(page, 'booking an inactive client (es)');
    expect(findings, report(findings)).toEqual([]);
    await page.context().close();
  });
});
