/**
 * axe-core on every screen and every dialog reachable from it, in English and in Spanish: any serious or critical
 * violation fails, listed by screen, rule and element. Texts come from the catalogues, so the test follows them.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_SECTIONS } from '../src/features/settings/sections';
import { en } from '../src/i18n/locales/en';
import { es } from '../src/i18n/locales/es';
import { audit, report, settle, type AxeFinding } from './axe';
import { launchBrowser, newPage, serverUrl } from './browser';

const ADMIN = { email: 'admin@tend.example', password: 'tend-demo-admin' };
const CATALOGUES = { en, es } as const;
type Language = keyof typeof CATALOGUES;

const suffix = `A${Math.random().toString(36).slice(2, 7)}`;
const reader = { first: `Axel ${suffix}`, last: 'Lector' };
const relative = { first: `Rita ${suffix}`, last: 'Lector' };

/** `{{name}}` filled in, as i18next does; the practice's word for clients is the catalogue's default one. */
function text(t: (typeof CATALOGUES)[Language], template: string, values: Record<string, string> = {}): string {
  const label = (t.clients as { label?: { one?: string; other?: string } }).label;
  const [one, other] = [label?.one ?? 'client', label?.other ?? 'clients'];
  const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  const words: Record<string, string> = { client: one, clients: other, Client: capitalized(one), Clients: capitalized(other) };
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? words[key] ?? '');
}

/** A list answer: a page (`items`) or a plain array. */
type Listing<T> = T[] | { items: T[] };
const itemsOf = <T,>(page: Listing<T>): T[] => (Array.isArray(page) ? page : page.items);

async function api(baseUrl: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(login.status).toBe(200);
  const { access_token: token } = (await login.json()) as { access_token: string };
  return async <T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const raw = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${raw}`);
    return JSON.parse(raw) as T;
  };
}

/** Matches a name that starts with `prefix` (a catalogue text with its variable part left empty). */
const startsWith = (prefix: string) => new RegExp(`^${prefix.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

describe('accessibility (axe-core)', () => {
  const baseUrl = serverUrl();
  let browser: Browser;
  let clientId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const call = await api(baseUrl);
    // A client with a relationship and an open enrollment, so every row action and dialog is there to audit.
    const fields = itemsOf(
      await call<Listing<{ key: string; required: boolean; active: boolean; field_type: string; options: string[] | null }>>('GET', '/custom-fields'),
    );
    const required = Object.fromEntries(
      fields
        .filter((field) => field.required && field.active)
        .map((field) => [field.key, field.options?.[0] ?? (field.field_type === 'number' ? 1 : 'x')]),
    );
    const a = await call('POST', '/clients', { first_name: reader.first, last_name: reader.last, phone: '+51 900 100 001', custom_fields: required });
    const b = await call('POST', '/clients', { first_name: relative.first, last_name: relative.last, custom_fields: required });
    clientId = String(a.id);
    await call('POST', `/clients/${clientId}/relationships`, {
      related_client_id: String(b.id),
      relationship_type: 'parent_guardian',
      legal_guardian: true,
      emergency_contact: true,
    });
    const program = itemsOf(await call<Listing<{ id: string; active: boolean }>>('GET', '/programs')).find((item) => item.active);
    expect(program).toBeDefined();
    await call('POST', `/clients/${clientId}/enrollments`, { program_id: program?.id, start_date: '2024-01-08' });
    // Money on the record: a session attended last week (its charge and bill come from the ledger's job), a
    // charge and a payment, so the statement's rows, the bills and their dialogs are there to audit.
    const services = itemsOf(await call<Listing<{ id: string; code: string }>>('GET', '/services'));
    const locations = itemsOf(await call<Listing<{ id: string }>>('GET', '/locations'));
    const practitioners = itemsOf(await call<Listing<{ id: string }>>('GET', '/practitioners'));
    const day = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    await call('POST', '/appointments', {
      kind: 'client_session',
      client_id: clientId,
      practitioner_id: practitioners[0]?.id,
      service_id: services.find((service) => service.code === '90834')?.id ?? services[0]?.id,
      location_id: locations[0]?.id,
      starts_at: `${day}T21:10:00-05:00`,
      ends_at: `${day}T21:55:00-05:00`,
      price_minor: 15000,
      currency: 'PEN',
      status: 'attended',
      allow_conflicts: true,
    });
    await call('POST', `/clients/${clientId}/charges`, { amount_minor: 8000, currency: 'PEN', memo: 'Informe' });
    await call('POST', `/clients/${clientId}/payments`, { amount_minor: 5000, currency: 'PEN', payment_method: 'cash' });
    for (let attempt = 0; attempt < 90; attempt += 1) {
      const bills = await call<unknown[]>('GET', `/clients/${clientId}/bills`);
      if (bills.length > 0) break;
      await new Promise((wait) => setTimeout(wait, 500));
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signIn(page: Page, t: (typeof CATALOGUES)[Language]) {
    await page.getByRole('textbox', { name: t.auth.email }).fill(ADMIN.email);
    await page.getByLabel(t.auth.password, { exact: false }).and(page.locator('input')).fill(ADMIN.password);
    await page.getByRole('button', { name: t.auth.signIn, exact: true }).click();
    await page.getByRole('banner').getByRole('button', { name: t.auth.signOut }).waitFor();
  }

  /**
   * Opens a dialog with `opener`, audits it, closes it with Escape and checks that focus went back to the opener.
   * `opened` finds the dialog (a confirm dialog opened from a menu has a different opener to return to).
   */
  async function auditDialog(page: Page, screen: string, opener: Locator, findings: AxeFinding[], returnsTo: Locator | null = opener) {
    await opener.click();
    const dialog = page.getByRole('dialog').last();
    await dialog.waitFor();
    findings.push(...(await audit(page, screen)));
    // Escape closes an open dropdown inside the dialog first, then the dialog.
    for (let attempt = 0; attempt < 3 && (await dialog.count()) > 0; attempt += 1) {
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached', timeout: 1_000 }).catch(() => undefined);
    }
    await dialog.waitFor({ state: 'detached' });
    if (returnsTo) {
      await page.waitForFunction(() => document.activeElement !== document.body);
      expect(await returnsTo.evaluate((element) => element === document.activeElement), `${screen}: focus back on the opener`).toBe(true);
    }
  }

  for (const language of ['en', 'es'] as const) {
    it(`finds no serious or critical violation on any screen or dialog (${language})`, async () => {
      const t = CATALOGUES[language];
      const say = (template: string, values: Record<string, string> = {}) => text(t, template, values);
      const page = await newPage(browser, { language, bypassCSP: true });
      const findings: AxeFinding[] = [];
      const visited: string[] = [];
      const at = async (screen: string) => {
        visited.push(screen);
        findings.push(...(await audit(page, `${language} ${screen}`)));
      };
      const dialog = async (screen: string, opener: Locator, returnsTo: Locator | null = opener) => {
        visited.push(screen);
        await auditDialog(page, `${language} ${screen}`, opener, findings, returnsTo);
      };
      const main = page.getByRole('main');

      try {
        await page.goto(`${baseUrl}/login`);
        await page.getByRole('heading', { name: say(t.auth.signInTitle) }).waitFor();
        await at('login');
        await signIn(page, t);

        for (const [route, heading] of [
          ['/calendar', t.nav.calendar],
          ['/ledger', t.nav.ledger],
          ['/ledger?section=unpaid', t.nav.ledger],
          ['/ledger?section=aging', t.nav.ledger],
          ['/ledger?section=entries', t.nav.ledger],
          ['/reports', t.nav.reports],
          ['/no-such-page', t.errors.notFoundTitle],
        ] as const) {
          await page.goto(`${baseUrl}${route}`);
          await main.getByRole('heading', { name: heading }).first().waitFor();
          await at(route);
        }

        // Clients: the list, a search, the new-client form.
        await page.goto(`${baseUrl}/clients`);
        await page.getByTestId('clients-table').locator('tbody tr').first().waitFor();
        await at('client list');
        await page.getByRole('searchbox').fill(suffix);
        // The search runs once typing pauses: until then the whole list is still there (not yet dimmed as
        // stale), so wait for the rows the search finds, not for any rows.
        const rows = page.getByTestId('clients-table').locator('tbody tr');
        await expect
          .poll(async () => {
            const texts = await rows.allTextContents();
            return texts.length >= 2 && texts.every((text) => text.includes(suffix));
          }, { timeout: 15_000 })
          .toBe(true);
        await at('client list, searched');
        await page.goto(`${baseUrl}/clients/new`);
        await main.getByRole('heading', { level: 1 }).waitFor();
        await at('new client');

        // Client detail, each tab, and the dialogs on them.
        const readerName = `${reader.first} ${reader.last}`;
        const relativeName = `${relative.first} ${relative.last}`;
        await page.goto(`${baseUrl}/clients/${clientId}`);
        await main.getByRole('heading', { name: readerName }).waitFor();
        await at('client profile');
        await main.getByRole('button', { name: say(t.clients.profile.edit) }).click();
        await main.getByRole('button', { name: say(t.clients.form.save) }).waitFor();
        await at('client profile, editing');

        await page.goto(`${baseUrl}/clients/${clientId}/relationships`);
        await page.getByTestId('relationships-table').waitFor();
        await at('client relationships');
        await dialog('new relationship', main.getByRole('button', { name: say(t.clients.relationships.add) }));
        await dialog('edit relationship', main.getByRole('button', { name: say(t.clients.relationships.editAria, { related: relativeName }) }));
        await dialog('remove relationship (confirm)', main.getByRole('button', { name: say(t.clients.relationships.removeAria, { related: relativeName }) }));

        await page.goto(`${baseUrl}/clients/${clientId}/programs`);
        await page.getByTestId('enrollments-table').waitFor();
        await at('client programs');
        await dialog('new enrollment', main.getByRole('button', { name: say(t.clients.programs.enroll) }));
        await dialog('end enrollment', main.getByRole('button', { name: startsWith(say(t.clients.programs.endAria, { program: '' })) }).first());

        // The client's ledger: the statement, the money dialogs, a row's menu and what it opens; the bills.
        await page.goto(`${baseUrl}/clients/${clientId}/ledger`);
        await page.getByTestId('statement-PEN').waitFor();
        await at('client ledger');
        await dialog('record payment', main.getByRole('button', { name: say(t.ledger.statement.recordPayment) }));
        await dialog('charge or adjustment', main.getByRole('button', { name: say(t.ledger.statement.recordCharge) }));
        const entryActions = main.getByRole('button', { name: startsWith(t.ledger.statement.actionsFor.split('{{')[0] ?? '') });
        const paymentActions = entryActions.first();
        await paymentActions.click();
        await page.getByRole('menu').waitFor();
        await at('client ledger: row menu');
        await dialog('refund payment', page.getByRole('menuitem', { name: say(t.ledger.statement.refund) }), paymentActions);
        await paymentActions.click();
        await dialog('apply payment', page.getByRole('menuitem', { name: say(t.ledger.statement.apply) }), paymentActions);
        await paymentActions.click();
        await dialog('reverse entry', page.getByRole('menuitem', { name: say(t.ledger.statement.reverse) }), paymentActions);
        await page.goto(`${baseUrl}/clients/${clientId}/bills`);
        await page.getByTestId('bills-table').waitFor();
        await main.getByRole('button', { name: startsWith(say(t.ledger.bills.detailsAria, { date: '' })) }).first().click();
        await at('client bills, one opened');
        await dialog('cancel bill', main.getByRole('button', { name: startsWith(say(t.ledger.bills.cancelAria, { date: '' })) }).first());

        // Settings: every section, its "new" form, a row's menu and the confirm dialog behind it.
        for (const section of SETTINGS_SECTIONS) {
          const key = section.label.split('.').pop() as Exclude<keyof typeof t.settings.nav, 'label'>;
          await page.goto(`${baseUrl}/settings/${section.path}`);
          await main.getByRole('heading', { name: t.settings.nav[key], level: 2 }).waitFor();
          await at(`settings ${section.path}`);
          if (key === 'practice') continue;
          const labels = t.settings[key];
          await dialog(`settings ${section.path}: ${labels.new}`, main.getByRole('button', { name: labels.new }).first());

          // The last row: the first may be the signed-in admin, who cannot deactivate herself.
          const more = main.getByRole('button', { name: startsWith(say(t.common.moreActions, { name: '' })) }).last();
          if (section.path === 'api-keys') {
            // The one-time secret, then revoking the key just made.
            const keyName = `Axe ${suffix} ${language}`;
            await main.getByRole('button', { name: labels.new }).first().click();
            const form = page.getByRole('dialog', { name: labels.new });
            await form.getByRole('textbox', { name: startsWith(say(t.settings.apiKeys.name)) }).fill(keyName);
            await form.getByRole('button', { name: say(t.settings.apiKeys.create) }).click();
            const created = page.getByRole('dialog', { name: say(t.settings.apiKeys.createdTitle, { name: keyName }) });
            await created.waitFor();
            visited.push('settings api-keys: secret shown once');
            findings.push(...(await audit(page, `${language} settings api-keys: secret shown once`)));
            await created.getByRole('button', { name: say(t.settings.apiKeys.done) }).click();
            await created.waitFor({ state: 'detached' });
            const revoke = main.getByRole('button', { name: startsWith(say(t.settings.apiKeys.revokeNamed, { name: '' })) }).first();
            await dialog('settings api-keys: revoke (confirm)', revoke);
            continue;
          }
          await more.click();
          await page.getByRole('menu').waitFor();
          await at(`settings ${section.path}: row menu`);
          await dialog(`settings ${section.path}: deactivate (confirm)`, page.getByRole('menuitem', { name: say(t.common.deactivate) }).first(), more);
          if (section.path === 'users') {
            await more.click();
            await dialog('settings users: reset password', page.getByRole('menuitem', { name: say(t.settings.users.resetPassword) }), more);
          }
          if (section.path === 'locations') {
            const rooms = main.getByRole('button', { name: startsWith(say(t.settings.locations.roomsOf, { name: '' })) }).first();
            await dialog('settings locations: rooms drawer', rooms);
          }
          if (section.path === 'practitioners' || section.path === 'services') {
            await dialog(`settings ${section.path}: edit`, main.getByRole('button', { name: startsWith(say(t.common.editNamed, { name: '' })) }).first());
          }
        }

      } catch (error) {
        // A step that could not be taken still shows what axe had found up to there.
        if (error instanceof Error) error.message += `\n\naxe findings up to this step:\n${report(findings) || 'none'}`;
        throw error;
      }
      await settle(page);
      console.info(`axe (${language}): ${visited.length} screens and dialogs audited: ${visited.join(', ')}`);
      expect(findings.length, `axe found serious or critical violations:\n${report(findings)}`).toBe(0);
      await page.context().close();
      // Every screen, dialog and menu of the app in one run: more than the default budget on a loaded machine.
    }, 240_000);
  }
});
