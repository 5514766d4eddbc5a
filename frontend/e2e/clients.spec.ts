import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, serverUrl } from './browser';

const ADMIN = { email: 'admin@tend.example', password: 'tend-demo-admin' };
const FRONT_DESK = { email: 'frontdesk@tend.example', password: 'tend-demo-front' };

// Unique per run: the demo data already has other Muñoz clients, and the e2e database may be reused.
const suffix = `Q${Math.random().toString(36).slice(2, 8)}`;
const fieldKey = `intake_source_${suffix.toLowerCase()}`;
const fieldLabel = `Intake source ${suffix}`;
const client = { first: `Zoila ${suffix}`, last: 'Muñoz', name: `Zoila ${suffix} Muñoz` };
const guardian = { first: `Rosa ${suffix}`, last: 'Muñoz', name: `Rosa ${suffix} Muñoz` };

async function apiAs(baseUrl: string, credentials: { email: string; password: string }) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  expect(login.status).toBe(200);
  const { access_token: token } = (await login.json()) as { access_token: string };
  return async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
}

/** The text of what an input points at with aria-describedby: where the form shows that field's error. */
async function describedText(input: Locator): Promise<string> {
  return input.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/**
 * The front-desk demo user's own language is Spanish, which wins when she signs in (whatever the login page
 * showed); this run reads the English screens, so it switches, as a user would, from the header.
 */
async function readInEnglish(page: Page) {
  const banner = page.getByRole('banner');
  await banner.getByRole('button', { name: 'Salir' }).waitFor();
  await banner.locator('label').filter({ hasText: /^English$/ }).click();
  await banner.getByRole('button', { name: 'Sign out' }).waitFor();
}

async function pickOption(page: Page, input: Locator, option: string) {
  await input.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('clients', () => {
  const baseUrl = serverUrl();
  let browser: Browser;
  let admin: Awaited<ReturnType<typeof apiAs>>;
  let fieldId: string | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await apiAs(baseUrl, ADMIN);
    const field = await admin('POST', '/custom-fields', {
      key: fieldKey,
      label: fieldLabel,
      field_type: 'select',
      options: ['Web', 'Referral'],
      required: true,
    });
    fieldId = String(field.id);
    await admin('POST', '/clients', {
      first_name: guardian.first,
      last_name: guardian.last,
      phone: '+51 900 000 001',
      custom_fields: { [fieldKey]: 'Referral' },
    });
  });

  afterAll(async () => {
    await browser?.close();
    // A required field would get in the way of later runs against the same server (TEND_E2E_BASE_URL).
    if (fieldId) await admin('PATCH', `/custom-fields/${fieldId}`, { active: false });
  });

  it('keeps the client table on screen when a name is 100 characters without a break', async () => {
    const longFirst = `${suffix}${'W'.repeat(100 - suffix.length)}`;
    // Not a Muñoz: the next test expects only its own two Muñoz clients of this run.
    await admin('POST', '/clients', {
      first_name: longFirst,
      last_name: 'Largo',
      custom_fields: { [fieldKey]: 'Web' },
    });
    const page = await newPage(browser);
    await page.addInitScript(() => window.localStorage.setItem('tend.language', 'en'));
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('textbox', { name: 'Email' }).fill(FRONT_DESK.email);
    await page.getByLabel('Password', { exact: false }).and(page.locator('input')).fill(FRONT_DESK.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await readInEnglish(page);

    await page.goto(`${baseUrl}/clients?q=${longFirst}`);
    const table = page.getByTestId('clients-table');
    const name = table.getByRole('link', { name: `${longFirst} Largo` });
    await name.waitFor();
    await screenshot(page, 'clients-list-long-name');

    // The name is cut with an ellipsis inside its column, and every column stays within the 1280 px window.
    const layout = await table.evaluate((element) => {
      const link = element.querySelector('tbody a') as HTMLElement;
      const lastHeader = element.querySelector('thead th:last-child') as HTMLElement;
      return {
        viewport: window.innerWidth,
        tableRight: element.getBoundingClientRect().right,
        lastColumnRight: lastHeader.getBoundingClientRect().right,
        pageScrolls: document.documentElement.scrollWidth > window.innerWidth,
        nameCut: link.scrollWidth > link.clientWidth && getComputedStyle(link).textOverflow === 'ellipsis',
      };
    });
    expect(layout.nameCut).toBe(true);
    expect(layout.tableRight).toBeLessThanOrEqual(layout.viewport);
    expect(layout.lastColumnRight).toBeLessThanOrEqual(layout.viewport);
    expect(layout.pageScrolls).toBe(false);

    // The whole name is a hover away.
    await name.hover();
    await page.getByRole('tooltip').getByText(`${longFirst} Largo`).waitFor();

    await page.context().close();
  });

  it('registers a client with a required custom field, finds them without accents and links a guardian', async () => {
    const page = await newPage(browser);
    // The front-desk demo user prefers Spanish; this run reads the English screens.
    await page.addInitScript(() => window.localStorage.setItem('tend.language', 'en'));

    await page.goto(`${baseUrl}/login`);
    await page.getByRole('textbox', { name: 'Email' }).fill(FRONT_DESK.email);
    await page.getByLabel('Password', { exact: false }).and(page.locator('input')).fill(FRONT_DESK.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await readInEnglish(page);

    // The demo practice's word for its clients is "paciente": headings, navigation and buttons use it.
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await navigation.getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    await page.getByRole('link', { name: 'New patient' }).click();
    await page.getByRole('heading', { name: 'New patient' }).waitFor();

    // Register: first without the required custom field, which must be flagged next to that field.
    await page.getByRole('textbox', { name: 'First name' }).fill(client.first);
    await page.getByRole('textbox', { name: 'Last name' }).fill(client.last);
    await page.getByRole('textbox', { name: 'Phone' }).fill('+51 900 000 002');
    const intake = page.getByRole('combobox', { name: fieldLabel });
    await page.getByRole('button', { name: 'Register patient' }).click();
    // The form moves focus to the first field with an error.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    expect(await intake.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(intake)).toContain(`${fieldLabel} is required.`);
    expect(new URL(page.url()).pathname).toBe('/clients/new');
    await screenshot(page, 'clients-new-missing-custom-field');

    // The typed data is still there; fill the field and register.
    expect(await page.getByRole('textbox', { name: 'First name' }).inputValue()).toBe(client.first);
    await pickOption(page, intake, 'Web');
    await page.getByRole('button', { name: 'Register patient' }).click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: client.name }).waitFor();

    // Back to the list: "munoz" finds "Muñoz" (accents ignored), the unique part narrows it to this run's clients.
    await navigation.getByRole('link', { name: 'Patients' }).click();
    const search = page.getByRole('searchbox', { name: 'Search patients' });
    await search.waitFor();
    expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
    await search.fill(`munoz ${suffix.toLowerCase()}`);
    const table = page.getByTestId('clients-table');
    await table.getByRole('link', { name: client.name }).waitFor();
    await table.getByRole('link', { name: guardian.name }).waitFor();
    await page.waitForFunction(
      (expected) => document.querySelectorAll('[data-testid="clients-table"] tbody tr').length === expected,
      2,
    );
    await screenshot(page, 'clients-list-search');

    // Open the client and add the guardian: Rosa is Zoila's parent/guardian and legal guardian.
    await table.getByRole('link', { name: client.name }).click();
    await page.getByRole('heading', { name: client.name }).waitFor();
    await page.getByRole('tab', { name: 'Relationships' }).click();
    await page.getByRole('button', { name: 'Add relationship' }).click();
    const dialog = page.getByRole('dialog');
    const picker = dialog.getByRole('combobox', { name: 'Related patient', exact: true });
    await picker.fill(`rosa ${suffix}`);
    await page.getByRole('option', { name: guardian.name }).click();
    const typeInput = dialog.getByRole('combobox', { name: `${guardian.name} is ${client.name}’s…` });
    await pickOption(page, typeInput, 'Parent / guardian');
    await dialog.getByRole('checkbox', { name: 'Legal guardian' }).check();
    await dialog.getByRole('button', { name: 'Add relationship' }).click();
    await dialog.waitFor({ state: 'detached' });

    const relationships = page.getByTestId('relationships-table');
    const guardianRow = relationships.getByRole('row').filter({ hasText: guardian.name });
    await guardianRow.getByText('Parent / guardian').waitFor();
    await guardianRow.getByText('Legal guardian').waitFor();
    await screenshot(page, 'clients-detail-relationships');

    // The guardian's page shows the same link from her side: Zoila is her child.
    await relationships.getByRole('link', { name: guardian.name }).click();
    await page.getByRole('heading', { name: guardian.name }).waitFor();
    const childRow = page.getByTestId('relationships-table').getByRole('row').filter({ hasText: client.name });
    await childRow.getByText('Child', { exact: true }).waitFor();
    expect(await childRow.getByText('Legal guardian').count()).toBe(0);
    await screenshot(page, 'clients-guardian-relationships');

    await page.context().close();
  });
});
