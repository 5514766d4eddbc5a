/**
 * Paper at the front desk (issue 17, point 9), in Spanish and in English, against the demo practice in Lima: the
 * daily close lists the day's payments one by one, is closed under the front desk's name, and prints (page.pdf
 * with print media) with the practice's name, the day in full, who closed it, a payment's amount and no app
 * chrome; the calendar's week prints with a heading saying which range and whose calendar, its colours, and
 * every hour of the day rather than a scrolled box's five. The PDFs go to test-results/ (and a PNG of their
 * first page where poppler's pdftoppm is installed); their text is read with pdftotext where installed, else
 * from the page as print media lays it out.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/locales/en';
import { es } from '../src/i18n/locales/es';
import { dateOrderFor, formatDateInput } from '../src/lib/dates';
import { formatMoney } from '../src/lib/money';
import { launchBrowser, newPage, okApiAs, screenshot, screenshotDir, signIn, type OkApi, serverUrl } from './browser';
import { audit, report } from './axe';
import { addDays, limaDate } from './lima';

const FRONT_DESK = { email: 'frontdesk@tend.example', password: 'tend-demo-front' };
const WORDS = { es, en } as const;
type Language = keyof typeof WORDS;
// Unique per run: the database may be reused (TEND_E2E_BASE_URL).
const suffix = Math.random().toString(36).slice(2, 7);

const plain = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const hasTool = (tool: string) => spawnSync(tool, ['-v'], { encoding: 'utf8' }).status === 0;
const PDFTOTEXT = hasTool('pdftotext');
const PDFTOPPM = hasTool('pdftoppm');

/** "2026-12-07" → "Monday, December 7, 2026" / "lunes, 7 de diciembre de 2026", as the daily close writes it. */
function longDate(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`));
}

interface Printed {
  path: string;
  /** The PDF's text (pdftotext), or the text print media lays out when pdftotext is not installed. */
  text: string;
}

/** Prints the page as print media lays it out to test-results/<name>.pdf; its first page to a PNG when possible. */
async function printToPdf(page: Page, name: string, fallbackText: () => Promise<string>): Promise<Printed> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.pdf`);
  // Without pdftotext the text is read from the page while it is laid out for paper: between the same
  // beforeprint and afterprint that page.pdf() fires (after it, the screen's layout — every hour — is back).
  let laidOut = '';
  if (!PDFTOTEXT) {
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    laidOut = await fallbackText();
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  }
  await page.pdf({ path, format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
  if (PDFTOPPM) spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path, join(screenshotDir, `${name}-page1`)]);
  const text = PDFTOTEXT ? spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).stdout : laidOut;
  return { path, text: plain(text) };
}

/** The app's frame is off the paper: its header and navigation are not displayed with print media. */
async function expectNoChrome(page: Page): Promise<void> {
  const shown = await page.evaluate(() =>
    ['.mantine-AppShell-header', '.mantine-AppShell-navbar'].map((selector) => {
      const element = document.querySelector(selector);
      return element ? getComputedStyle(element).display : 'none';
    }),
  );
  expect(shown).toEqual(['none', 'none']);
}

/** The first day, from today back, whose close is still open (the database may be reused, or the other language closed today). */
async function openDay(api: OkApi, today: string): Promise<string> {
  for (let back = 0; back < 60; back += 1) {
    const day = addDays(today, -back);
    const close = await api<{ closed_at: string | null }>('GET', `/ledger/daily-close?day=${day}`);
    if (close.closed_at === null) return day;
  }
  throw new Error('no open day in the last 60');
}

describe('paper: the daily close and the calendar print', () => {
  const baseUrl = serverUrl();
  let browser: Browser;
  let api: OkApi;
  let practiceName: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    api = await okApiAs(baseUrl, FRONT_DESK);
    practiceName = (await api<{ name: string }>('GET', '/practice')).name;
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const language of ['es', 'en'] as const) {
    const words = WORDS[language].ledger.close;
    const locale = `${language}-PE`;

    it(`${language}: the daily close lists the day's payments, is closed by the front desk and prints with who closed it`, async () => {
      const today = limaDate(Date.now());
      const day = await openDay(api, today);
      const client = (await api<{ items: Array<{ id: string; first_name: string; last_name: string }> }>('GET', '/clients?limit=1')).items[0]!;
      const amount = 10_000 + Math.floor(Math.random() * 9_000);
      const reference = `R${suffix}${language}`; // one word: a PDF's narrow column never splits it
      await api('POST', `/clients/${client.id}/payments`, { amount_minor: amount, currency: 'PEN', payment_method: 'cash', reference, effective_date: day });
      const shownAmount = plain(formatMoney(amount, 'PEN', locale));
      const listed = await api<{ entries: unknown[] }>('GET', `/ledger/daily-close?day=${day}`);

      const page = await newPage(browser, { language, bypassCSP: true });
      await signIn(page, baseUrl, FRONT_DESK);
      await page.goto(`${baseUrl}/ledger`);
      await page.getByTestId('daily-close').waitFor();
      if (day !== today) await page.getByRole('textbox', { name: words.day }).fill(formatDateInput(day, dateOrderFor(language)));
      const closeReport = page.getByTestId('daily-close');
      await closeReport.getByRole('heading', { name: words.heading.replace('{{date}}', longDate(day, language)) }).waitFor();

      // Each payment and refund of the day, ours among them with its client, reference and amount.
      const rows = page.getByTestId('close-entries').locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(listed.entries.length);
      const ours = plain(await rows.filter({ hasText: reference }).textContent());
      expect(ours).toContain(`${client.last_name}, ${client.first_name}`);
      expect(ours).toContain(shownAmount);
      expect(await page.getByTestId('close-status').textContent()).toBe(words.notClosed);

      await page.getByRole('button', { name: words.closeDay }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: words.confirm }).click();
      await dialog.waitFor({ state: 'detached' });
      const status = page.getByTestId('close-status');
      await expect.poll(async () => plain(await status.textContent())).toMatch(
        // With the date when an earlier day is closed today.
        language === 'es' ? /^Cerrado por Lucía Recepción (el .+ )?a las \d{2}:\d{2}$/ : /^Closed by Lucía Recepción (on .+ )?at \d{1,2}:\d{2} [AP]M$/,
      );
      const closedText = plain(await status.textContent());
      expect(await page.getByRole('button', { name: words.closeDay }).count()).toBe(0);
      await screenshot(page, `daily-close-${language}-1280`);

      const findings = await audit(page, `${language} daily close (closed)`);
      expect(findings, report(findings)).toEqual([]);

      await page.emulateMedia({ media: 'print' });
      await expectNoChrome(page);
      expect(await page.getByRole('button', { name: words.print }).isVisible()).toBe(false);
      expect(await page.getByTestId('close-signature').isVisible()).toBe(true);
      const printed = await printToPdf(page, `daily-close-${language}`, async () => (await closeReport.innerText()) ?? '');
      expect(printed.text).toContain(practiceName);
      expect(printed.text).toContain(longDate(day, language));
      expect(printed.text).toContain(closedText);
      expect(printed.text.toLowerCase()).toContain(language === 'es' ? 'cerrado por' : 'closed by');
      expect(printed.text).toContain(shownAmount);
      expect(printed.text).toContain(reference);
      expect(printed.text).toContain(`${words.signature}:`);
      await page.emulateMedia({ media: 'screen' });

      await page.setViewportSize({ width: 768, height: 1024 });
      await screenshot(page, `daily-close-${language}-768`);
      await page.context().close();
    });

    it(`${language}: the calendar's week prints with its range and practitioners, colours and every hour, without chrome`, async () => {
      const calendarWords = WORDS[language].calendar.print;
      const page = await newPage(browser, { language });
      await signIn(page, baseUrl, FRONT_DESK);
      await page.goto(`${baseUrl}/calendar?date=${limaDate(Date.now())}`);
      const heading = page.getByTestId('calendar-print-heading');
      await heading.waitFor({ state: 'attached' });
      await page.locator('[data-event-id]').first().waitFor();
      expect(await heading.isVisible()).toBe(false); // on screen the toolbar says it
      const title = plain(await page.getByTestId('calendar-title').textContent());

      await page.emulateMedia({ media: 'print' });
      await expectNoChrome(page);
      expect(await heading.isVisible()).toBe(true);
      expect(plain(await heading.textContent())).toBe(
        `${calendarWords.heading.replace('{{range}}', title)}${calendarWords.allPractitioners}`,
      );
      for (const hidden of [WORDS[language].calendar.toolbar.newAppointment, calendarWords.button]) {
        expect(await page.getByRole('button', { name: hidden, exact: true }).isVisible()).toBe(false);
      }
      // Blocks keep their colours on paper.
      const block = await page.locator('[data-event-id]').first().evaluate((element) => {
        const style = getComputedStyle(element);
        return { adjust: style.printColorAdjust || style.getPropertyValue('-webkit-print-color-adjust') };
      });
      expect(block.adjust).toBe('exact');
      const printed = await printToPdf(page, `calendar-week-${language}`, async () => page.locator('main').innerText());
      expect(printed.text).toContain(calendarWords.heading.replace('{{range}}', title));
      // Morning to evening, not the five hours a scrolled box shows; and not the empty small hours before the first session.
      const [noon, four, small] = language === 'es' ? ['12:00', '16:00', '03:00'] : ['12pm', '4pm', '3am'];
      expect(printed.text).toContain(noon);
      expect(printed.text).toContain(four);
      expect(printed.text).not.toContain(small);
      await page.context().close();
    });
  }
});
