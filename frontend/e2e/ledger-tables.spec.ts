/**
 * The practice's aging as the front desk reads it, in Spanish at 1280×800 and in English on a tablet (768×1024):
 * narrowed to three clients by name, sorted by what they owe (largest first, then smallest first) with the
 * header saying so, totalled per currency, and exported: the downloaded CSV holds the rows shown, in the order
 * shown. axe finds nothing serious on the aging, unpaid bills and entries screens.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/locales/en';
import { es } from '../src/i18n/locales/es';
import { formatMoney } from '../src/lib/money';
import { audit, report } from './axe';
import { launchBrowser, newPage, okApiAs, screenshot, signIn, type OkApi, serverUrl } from './browser';
import { DAY_MS, limaDate } from './lima';

const ADMIN = { email: 'admin@tend.example', password: 'tend-demo-admin' };
const FRONT_DESK = { email: 'frontdesk@tend.example', password: 'tend-demo-front' };
// Unique per run: the database may be reused (TEND_E2E_BASE_URL), and the search must find only these clients.
const suffix = `T${Math.random().toString(36).slice(2, 7)}`;

/** Three clients who owe: soles 100 days old, soles 10 days old, dollars 40 days old. */
const OWING = [
  { last: 'Alva', currency: 'PEN', amount: 30000, daysAgo: 100 },
  { last: 'Benites', currency: 'PEN', amount: 12000, daysAgo: 10 },
  { last: 'Cruz', currency: 'USD', amount: 5000, daysAgo: 40 },
] as const;
const first = `Tabla ${suffix}`;
const shownName = (last: string) => `${first} ${last}`;

/** Intl separates "S/" from the amount with a no-break space; compare texts with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

/** The aging table's rows as shown: [name, currency, balance]. */
async function shownRows(page: Page): Promise<string[][]> {
  return page
    .getByTestId('aging')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].slice(0, 3).map((cell) => (cell.textContent ?? '').replace(/\s/g, ' '))));
}

/** A CSV file (RFC 4180: quoted cells may hold commas and doubled quotes) as rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted && char === '"' && text[index + 1] === '"') {
      cell += '"';
      index += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted || (char !== ',' && char !== '\n' && char !== '\r')) {
      cell += char;
    } else if (char === ',') {
      endCell();
    } else if (char === '\n') {
      endCell();
      rows.push(row);
      row = [];
    }
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

describe('ledger tables', () => {
  const baseUrl = serverUrl();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin: OkApi = await okApiAs(baseUrl, ADMIN);
    const practice = await admin<{ currencies: string[] }>('GET', '/practice');
    if (!practice.currencies.includes('USD')) await admin('PATCH', '/practice', { currencies: [...practice.currencies, 'USD'] });
    type Field = { key: string; required: boolean; active: boolean; field_type: string; options: string[] | null };
    const fieldPage = await admin<{ items: Field[] } | Field[]>('GET', '/custom-fields');
    const fields = Array.isArray(fieldPage) ? fieldPage : fieldPage.items;
    const required = Object.fromEntries(
      fields.filter((f) => f.required && f.active).map((f) => [f.key, f.options?.[0] ?? (f.field_type === 'number' ? 1 : 'x')]),
    );
    for (const owing of OWING) {
      const created = await admin<{ id: string }>('POST', '/clients', { first_name: first, last_name: owing.last, custom_fields: required });
      await admin('POST', `/clients/${created.id}/charges`, {
        amount_minor: owing.amount,
        currency: owing.currency,
        memo: 'Informe',
        effective_date: limaDate(Date.now() - owing.daysAgo * DAY_MS),
      });
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const { language, words, locale, viewport } of [
    { language: 'es', words: es, locale: 'es-PE', viewport: { width: 1280, height: 800 } },
    { language: 'en', words: en, locale: 'en-PE', viewport: { width: 768, height: 1024 } },
  ] as const) {
    it(`sorts, narrows and exports the aging as shown (${language}, ${viewport.width} px)`, async () => {
      const page = await newPage(browser, { language, viewport, bypassCSP: true });
      await signIn(page, baseUrl, FRONT_DESK);
      // Money as the SPA writes it for this practice (in Peru) in the UI language.
      const money = (amountMinor: number, currency: string) => plain(formatMoney(amountMinor, currency, locale));
      await page.goto(`${baseUrl}/ledger?section=aging`);
      await page.getByTestId('aging').waitFor();

      const filters = page.getByRole('group', { name: words.ledger.tables.filters });
      await filters.getByRole('searchbox').fill(suffix);
      await expect.poll(async () => (await shownRows(page)).length).toBe(3);

      const balance = page.getByRole('columnheader', { name: words.ledger.aging.columns.balance });
      await balance.getByRole('button').click();
      expect(await balance.getAttribute('aria-sort')).toBe('descending');
      // Largest first within each currency; dollars are never compared with soles.
      expect(await shownRows(page)).toEqual([
        [shownName('Alva'), 'PEN', money(30000, 'PEN')],
        [shownName('Benites'), 'PEN', money(12000, 'PEN')],
        [shownName('Cruz'), 'USD', money(5000, 'USD')],
      ]);
      await balance.getByRole('button').press('Enter');
      expect(await balance.getAttribute('aria-sort')).toBe('ascending');
      const rows = await shownRows(page);
      expect(rows.map(([name]) => name)).toEqual([shownName('Benites'), shownName('Alva'), shownName('Cruz')]);
      expect(plain(await page.getByTestId('aging-total-PEN').textContent())).toContain(money(42000, 'PEN'));
      expect(plain(await page.getByTestId('aging-total-USD').textContent())).toContain(money(5000, 'USD'));
      expect(await page.getByRole('link', { name: shownName('Cruz') }).getAttribute('href')).toMatch(/^\/clients\/[\w-]+\/ledger$/);
      await screenshot(page, `ledger-tables-aging-${language}-${viewport.width}`);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: words.ledger.tables.export }).click()]);
      expect(download.suggestedFilename()).toBe('aging.csv');
      const file = parseCsv(await readFile((await download.path())!, 'utf8'));
      expect(file[0]?.slice(0, 3)).toEqual(['client', 'currency', 'balance_minor']);
      // The file's rows are the screen's rows, in the screen's order ("Last, First" and minor units in the file).
      const byLast = Object.fromEntries(OWING.map((owing) => [shownName(owing.last), owing]));
      expect(file.slice(1).map((cells) => cells.slice(0, 3))).toEqual(
        rows.map(([name]) => {
          const owing = byLast[name!]!;
          return [`${owing.last}, ${first}`, owing.currency, String(owing.amount)];
        }),
      );

      const findings = await audit(page, `aging-${language}`);
      // The other two tables with their filters (whatever the demo practice holds today) pass axe as well.
      for (const [section, table] of [
        ['unpaid', 'unpaid-bills'],
        ['entries', 'ledger-entries'],
      ] as const) {
        await page.goto(`${baseUrl}/ledger?section=${section}`);
        await page.locator(`[data-testid="${table}"], [data-testid="empty-state"]`).first().waitFor();
        await screenshot(page, `ledger-tables-${section}-${language}-${viewport.width}`);
        findings.push(...(await audit(page, `${section}-${language}`)));
      }
      expect(findings.length, `axe found serious or critical violations:\n${report(findings)}`).toBe(0);
      await page.context().close();
    });
  }
});
