/**
 * Peru's conventions and the chosen language, in a real browser: English picked on the login page stays English
 * after the front desk (who saved Spanish) signs in; English screens use the practice's English word for its
 * clients ("Patients", never "Pacientes"); dollars read "US$ 40.00" in both languages; the practice's zone reads
 * "Lima (UTC−5)"; the week starts on Monday; month abbreviations follow es-PE ("set."/"dic.") everywhere.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, report } from './axe';
import { launchBrowser, newPage, screenshot, serverUrl } from './browser';

const ADMIN = { email: 'admin@tend.example', password: 'tend-demo-admin' };
const FRONT_DESK = { email: 'frontdesk@tend.example', password: 'tend-demo-front' };

async function signInFromLoginPage(page: Page, baseUrl: string, who: { email: string; password: string }, language: 'English' | 'Español') {
  await page.goto(`${baseUrl}/login`);
  // The person picks the language on the login page, as a visitor would.
  await page.getByText(language, { exact: true }).click();
  const english = language === 'English';
  await page.getByRole('heading', { name: english ? 'Sign in to Tend' : 'Entrar en Tend' }).waitFor();
  await page.getByRole('textbox', { name: english ? 'Email' : 'Correo electrónico' }).fill(who.email);
  await page.getByLabel(english ? 'Password' : 'Contraseña', { exact: false }).and(page.locator('input')).fill(who.password);
  await page.getByRole('button', { name: english ? 'Sign in' : 'Entrar', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

describe("Peru's conventions and the chosen language", () => {
  const baseUrl = serverUrl();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('keeps English chosen on the login page and names clients in English', async () => {
    // A Spanish browser: the login page opens in Spanish and the person switches it to English.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'es-PE' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('heading', { name: 'Entrar en Tend' }).waitFor();
    await signInFromLoginPage(page, baseUrl, FRONT_DESK, 'English');
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await navigation.getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    expect(await page.getByText(/pacientes/i).count()).toBe(0);
    // A reload keeps it.
    await page.reload();
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await screenshot(page, 'peru-english-after-sign-in');
    await page.context().close();
  });

  it('writes dollars "US$", the zone as a city and the week from Monday, in both languages', async () => {
    for (const language of ['Español', 'English'] as const) {
      const page = await newPage(browser, { bypassCSP: true }); // axe is injected
      const es = language === 'Español';
      await signInFromLoginPage(page, baseUrl, ADMIN, language);
      await page.goto(`${baseUrl}/settings/practitioners`);
      await page.getByRole('heading', { name: es ? 'Profesionales' : 'Practitioners' }).first().waitFor();
      const table = page.getByRole('table').first();
      await table.getByText(/US\$\s40\.00|US\$\s50\.00/).first().waitFor();
      expect(await table.getByText(/(^|[^S])\$\s?\d/).count()).toBe(0); // never a bare "$"
      expect(await table.getByText(/USD\s\d/).count()).toBe(0);

      await page.goto(`${baseUrl}/settings/practice`);
      const zone = page.getByRole('combobox', { name: es ? 'Zona horaria' : 'Time zone' });
      await zone.waitFor();
      expect(await zone.inputValue()).toBe('Lima (UTC\u22125)');
      const weekStart = page.getByRole('combobox', { name: es ? 'La semana empieza el' : 'Week starts on' });
      expect(await weekStart.inputValue()).toBe(es ? 'Lunes' : 'Monday');
      expect(await page.getByRole('textbox', { name: es ? 'Palabra para «cliente» en inglés' : 'Word for "client" in English' }).inputValue()).toBe('patient');
      await screenshot(page, `peru-settings-${es ? 'es' : 'en'}`);
      const findings = await audit(page, `practice settings (${language})`);
      expect(findings, report(findings)).toEqual([]);

      // The calendar's week starts on Monday.
      // 2026-12-09 is a Wednesday: its week is shown from Monday 7 December.
      await page.goto(`${baseUrl}/calendar?view=week&date=2026-12-09`);
      await page.locator('[role="columnheader"][data-date="2026-12-09"]').waitFor();
      const first = page.locator('[role="columnheader"][data-date]').first();
      expect(await first.getAttribute('data-date')).toBe('2026-12-07');
      await page.context().close();
    }
  });
});
