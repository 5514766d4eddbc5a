/**
 * The ledger as the front desk uses it (in her own language, Spanish), against the demo practice in Lima, in one
 * flow: she logs a past session as a no-show from the client's Appointments tab with the fee box ticked, and the
 * practice's fee appears a moment later (posted by the background job) in the Ledger tab and the balance chip; a
 * payment in soles and one in dollars recorded through the dialog give two balance chips; correcting the session
 * to attended from the calendar's popover voids the fee and charges the session. Then the practice's Ledger page
 * shows the day's close.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { es } from '../src/i18n/locales/es';
import { formatMoney, minorToInput } from '../src/lib/money';
import { type OkApi, launchBrowser, newPage, okApiAs, screenshot, serverUrl } from './browser';
import { DAY_MS, limaDate } from './lima';

const ADMIN = { email: 'admin@tend.example', password: 'tend-demo-admin' };
const FRONT_DESK = { email: 'frontdesk@tend.example', password: 'tend-demo-front' };
const PRACTITIONER = 'Lic. Renato Chávez León';
// Unique per run: the database may be reused (TEND_E2E_BASE_URL), and the client must be findable by name.
const suffix = `L${Math.random().toString(36).slice(2, 7)}`;
const client = { first: `Lucía ${suffix}`, last: 'Huamán', name: `Lucía ${suffix} Huamán` };

interface Line {
  id: string;
  kind: string;
  charge_type: string | null;
  amount_minor: number;
  currency: string;
  reversed: boolean;
  reverses_id: string | null;
}

/** Polls `check` until it answers true (the ledger's job runs a moment after the change), on a loaded machine too. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((wait) => setTimeout(wait, 500));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** "{{amount}}" and friends filled in, as i18next does. */
function say(template: string, values: Record<string, string> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

/** Intl separates "S/" from the amount with a no-break space; compare texts with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

/** Money as the SPA writes it for this practice (in Peru) in Spanish. */
const money = (amountMinor: number, currency: string) => plain(formatMoney(amountMinor, currency, 'es-PE'));

async function signIn(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('textbox', { name: /^(Email|Correo electrónico)$/ }).fill(FRONT_DESK.email);
  await page.getByLabel(/Password|Contraseña/, { exact: false }).and(page.locator('input')).fill(FRONT_DESK.password);
  await page.getByRole('button', { name: /^(Sign in|Entrar)$/ }).click();
  // The front desk lands on the client list, in her own language (Spanish).
  await page.waitForURL(/\/clients$/);
  await page.getByRole('banner').getByRole('button', { name: es.auth.signOut }).waitFor();
}

/** The header's balance chips, as read aloud ("Debe S/ 25.00"). */
async function chips(page: Page): Promise<string[]> {
  const header = page.getByRole('main').locator('[aria-label^="Debe "], [aria-label^="A favor "], [aria-label^="Sin saldo"]');
  return (await header.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''))).map(plain);
}

function statementRow(page: Page, currency: string, text: string): Locator {
  return page.getByTestId(`statement-${currency}`).locator('tbody tr').filter({ hasText: text });
}

describe('ledger', () => {
  const baseUrl = serverUrl();
  let browser: Browser;
  let api: OkApi;
  let clientId: string;
  let feeMinor: number;
  let sessionPrice: number;

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await okApiAs(baseUrl, ADMIN);
    api = await okApiAs(baseUrl, FRONT_DESK);

    // The practice takes soles and dollars and charges a no-show fee in soles.
    const practice = await admin<{ currencies: string[]; no_show_fees: Record<string, number> }>('GET', '/practice');
    const currencies = [...new Set([...practice.currencies, 'PEN', 'USD'])];
    const fees = { ...practice.no_show_fees, PEN: practice.no_show_fees.PEN || 2500 };
    if (currencies.length !== practice.currencies.length || fees.PEN !== practice.no_show_fees.PEN) {
      await admin('PATCH', '/practice', { currencies, no_show_fees: fees });
    }
    feeMinor = fees.PEN;

    // Required custom fields of the practice (another spec may have added one) get a value.
    const fieldPage = await api<{ items: Array<{ key: string; required: boolean; active: boolean; field_type: string; options: string[] | null }> } | Array<never>>('GET', '/custom-fields');
    const fields = Array.isArray(fieldPage) ? fieldPage : fieldPage.items;
    const required = Object.fromEntries(
      fields.filter((f) => f.required && f.active).map((f) => [f.key, f.options?.[0] ?? (f.field_type === 'number' ? 1 : 'x')]),
    );
    const services = (await api<{ items: Array<{ code: string; prices: Record<string, number> }> }>('GET', '/services')).items;
    sessionPrice = services.find((item) => item.code === '90834')!.prices.PEN!;
    // The client is Renato's, so the booking form picks him.
    const practitioners = (await api<{ items: Array<{ id: string; name: string }> }>('GET', '/practitioners')).items;
    const created = await api('POST', '/clients', {
      first_name: client.first,
      last_name: client.last,
      custom_fields: required,
      practitioner_ids: [practitioners.find((item) => item.name === PRACTITIONER)!.id],
    });
    clientId = String(created.id);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('logs a no-show with its fee, takes payments in two currencies, and voids the fee when corrected to attended', async () => {
    const page = await newPage(browser, { language: 'es' });
    await signIn(page, baseUrl);
    const fee = say(es.clients.balance.owes, { amount: money(feeMinor, 'PEN') });
    // A session some evenings ago (another day each run), logged as it went: a no-show.
    const day = limaDate(Date.now() - (2 + Math.floor(Math.random() * 20)) * DAY_MS);

    await page.goto(`${baseUrl}/clients/${clientId}/appointments`);
    await page.getByRole('heading', { name: client.name }).waitFor();
    await page.getByRole('button', { name: es.calendar.clientTab.book }).click();
    const form = page.getByRole('dialog', { name: es.calendar.form.newTitle });
    await form.waitFor();
    await form.getByRole('textbox', { name: new RegExp(`^${es.calendar.form.date}`) }).fill(day);
    await form.getByLabel(new RegExp(`^${es.calendar.form.start}`)).fill('20:05');
    // The practice's first location is chosen once the locations have loaded.
    await expect
      .poll(() => form.getByRole('combobox', { name: new RegExp(`^${es.calendar.form.location}`) }).inputValue(), { timeout: 15_000 })
      .not.toBe('');
    await form.getByRole('combobox', { name: new RegExp(`^${es.calendar.form.service}`) }).click();
    await page.getByRole('option', { name: /90834/ }).click();
    expect(await form.getByLabel(new RegExp(`^${es.calendar.form.end}`)).inputValue()).toBe('20:50');
    await form.getByRole('radiogroup', { name: es.calendar.form.recordAs }).getByText(es.calendar.statuses.no_show, { exact: true }).click();
    // The fee box is ticked with the practice's fee for the session's currency.
    const feeFields = form.getByTestId('no-show-fee');
    expect(await feeFields.getByRole('checkbox').isChecked()).toBe(true);
    expect(await feeFields.getByRole('textbox', { name: say(es.calendar.popover.noShowAmount, { currency: 'PEN' }) }).inputValue()).toBe(
      minorToInput(feeMinor, 'PEN'),
    );
    await screenshot(page, 'ledger-log-no-show');
    await form.getByRole('button', { name: es.calendar.form.book }).click();
    // Another run on a reused database may have booked Renato then: book over it.
    const clash = page.getByRole('dialog', { name: es.calendar.clash.title });
    await Promise.race([form.waitFor({ state: 'detached' }), clash.waitFor()]);
    if (await clash.isVisible()) await clash.getByRole('button', { name: es.calendar.clash.bookAnyway }).click();
    await form.waitFor({ state: 'detached' });
    const logged = await api<Array<{ id: string; status: string }>>(
      'GET',
      `/appointments?client_id=${clientId}&start=${day}T00:00:00-05:00&end=${day}T23:59:00-05:00`,
    );
    expect(logged.map((entry) => entry.status)).toEqual(['no_show']);
    const sessionId = logged[0]!.id;

    // The fee, in the Ledger tab and in the header's balance chip (the job posts it a moment later).
    await page.getByRole('tab', { name: es.clients.detail.tabs.ledger }).click();
    const feeRow = statementRow(page, 'PEN', es.ledger.chargeTypes.no_show_fee);
    await feeRow.waitFor({ timeout: 30_000 });
    expect(plain(await feeRow.textContent())).toContain(money(feeMinor, 'PEN'));
    await expect.poll(() => chips(page), { timeout: 15_000 }).toEqual([fee]);
    await screenshot(page, 'ledger-tab-fee');

    // A payment in soles, applied to the fee's bill (the dialog offers it, oldest first).
    await page.getByRole('button', { name: es.ledger.statement.recordPayment }).click();
    let dialog = page.getByRole('dialog', { name: es.ledger.payment.title });
    await dialog.waitFor();
    expect(await dialog.getByRole('combobox', { name: es.ledger.payment.currency }).inputValue()).toBe('PEN');
    await dialog.getByRole('textbox', { name: es.ledger.payment.amount }).fill('10');
    await dialog.getByRole('textbox', { name: es.ledger.payment.reference }).fill(`Op ${suffix}`);
    await expect.poll(async () => plain(await dialog.getByTestId('allocation-summary').textContent())).toContain(money(1000, 'PEN'));
    await dialog.getByRole('button', { name: es.ledger.payment.submit }).click();
    await dialog.waitFor({ state: 'detached' });
    const owesPen = say(es.clients.balance.owes, { amount: money(feeMinor - 1000, 'PEN') });
    await expect.poll(() => chips(page), { timeout: 15_000 }).toEqual([owesPen]);

    // A payment in dollars: no bill in dollars, so it is the client's credit, in a chip of its own.
    await page.getByRole('button', { name: es.ledger.statement.recordPayment }).click();
    dialog = page.getByRole('dialog', { name: es.ledger.payment.title });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: es.ledger.payment.currency }).click();
    await page.getByRole('option', { name: 'USD', exact: true }).click();
    await dialog.getByTestId('no-open-bills').waitFor();
    await dialog.getByRole('textbox', { name: es.ledger.payment.amount }).fill('20');
    await dialog.getByRole('combobox', { name: es.ledger.payment.method }).click();
    await page.getByRole('option', { name: es.ledger.methods.card, exact: true }).click();
    await dialog.getByRole('button', { name: es.ledger.payment.submit }).click();
    await dialog.waitFor({ state: 'detached' });
    const creditUsd = say(es.clients.balance.credit, { amount: money(2000, 'USD') });
    await expect.poll(() => chips(page), { timeout: 15_000 }).toEqual([owesPen, creditUsd]);
    await page.getByTestId('statement-USD').waitFor();

    // The session did take place: corrected to attended from the calendar's popover, the job voids the fee and
    // charges the session.
    await page.goto(`${baseUrl}/calendar?view=day&date=${day}`);
    const block = page.locator(`[data-event-id="${sessionId}"]`);
    await block.waitFor();
    await block.scrollIntoViewIfNeeded();
    await block.click();
    const popover = page.getByTestId('event-popover');
    await popover.getByRole('button', { name: es.calendar.popover.correctToAttended }).click();
    await popover.getByRole('button', { name: es.calendar.popover.backToScheduled }).waitFor();
    await expect.poll(async () => popover.textContent()).toContain(es.calendar.statuses.attended);
    await until('the fee to be reversed and the session charged', async () => {
      const { lines } = await api<{ lines: Line[] }>('GET', `/clients/${clientId}/ledger`);
      return lines.some((line) => line.charge_type === 'session_fee') && lines.some((line) => line.charge_type === 'no_show_fee' && line.reversed);
    });
    await page.goto(`${baseUrl}/clients/${clientId}/ledger`);
    await statementRow(page, 'PEN', es.ledger.chargeTypes.session_fee).first().waitFor();
    const voided = statementRow(page, 'PEN', es.ledger.statement.reversed);
    await voided.waitFor();
    expect(plain(await voided.textContent())).toContain(es.ledger.chargeTypes.no_show_fee);
    const struck = await voided.getByText(es.ledger.chargeTypes.no_show_fee, { exact: true }).evaluate((element) => getComputedStyle(element).textDecorationLine);
    expect(struck).toBe('line-through');
    await statementRow(page, 'PEN', say(es.ledger.describe.reversalOf, { what: es.ledger.chargeTypes.no_show_fee })).waitFor();
    // Soles: fee − payment − reversed fee + session = the session less the payment (its S/ 10 became credit).
    const owesNow = say(es.clients.balance.owes, { amount: money(sessionPrice - 1000, 'PEN') });
    await expect.poll(() => chips(page), { timeout: 15_000 }).toEqual([owesNow, creditUsd]);
    await screenshot(page, 'ledger-tab-corrected');

    // The statement as CSV: fetched with the signed-in user's token, saved as a file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: es.ledger.statement.download }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`statement-${clientId}.csv`);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split(/\r?\n/)[0]).toBe('date,kind,type,memo,reference,currency,amount_minor,delta_minor,balance_minor');
    expect(csv).toContain(`Op ${suffix}`);
    await page.context().close();
  });

  it("shows the day's payments in the practice's daily close", async () => {
    const page = await newPage(browser, { language: 'es' });
    await signIn(page, baseUrl);
    await page.goto(`${baseUrl}/ledger`);
    await page.getByRole('heading', { name: es.nav.ledger, level: 1 }).waitFor();
    const report = page.getByTestId('daily-close');
    await report.waitFor();
    // Other specs (and the demo) may have taken payments today too: each currency has its own total.
    await page.getByTestId('close-payments-total-PEN').waitFor();
    await page.getByTestId('close-payments-total-USD').waitFor();
    // Today's entries include this run's payments (a page at a time: more may come before them).
    await page.getByRole('tab', { name: es.ledger.page.tabs.entries }).click();
    const today = limaDate(Date.now());
    await page.getByRole('textbox', { name: es.ledger.entries.from }).fill(today);
    const mine = page.getByTestId('ledger-entries').getByRole('link', { name: client.name }).first();
    const more = page.getByRole('button', { name: es.common.loadMore });
    for (let pages = 0; pages < 20 && !(await mine.isVisible()); pages += 1) {
      await Promise.race([mine.waitFor(), more.waitFor()]).catch(() => undefined);
      if (!(await mine.isVisible()) && (await more.isVisible())) await more.click();
    }
    await mine.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: es.ledger.tables.export }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`ledger-${today}-${today}.csv`);
    expect(await readFile((await download.path())!, 'utf8')).toContain(client.last);
    await page.context().close();
  });
});
