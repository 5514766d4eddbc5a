import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, serverUrl } from './browser';

const ADMIN = { email: 'admin@tend.example', password: 'tend-demo-admin', name: 'Demo Admin' };

// `create`: the button that opens the section's form, whose dialog is screenshotted too.
const SECTIONS = [
  { path: 'practice', en: 'Practice', es: 'Consultorio', create: null },
  { path: 'users', en: 'Users', es: 'Usuarios', create: { en: 'New user', es: 'Nuevo usuario' } },
  {
    path: 'practitioners',
    en: 'Practitioners',
    es: 'Profesionales',
    create: { en: 'New practitioner', es: 'Nuevo profesional' },
  },
  { path: 'services', en: 'Services', es: 'Servicios', create: { en: 'New service', es: 'Nuevo servicio' } },
  { path: 'locations', en: 'Locations & rooms', es: 'Sedes y salas', create: { en: 'New location', es: 'Nueva sede' } },
  { path: 'programs', en: 'Programs', es: 'Programas', create: { en: 'New program', es: 'Nuevo programa' } },
  { path: 'custom-fields', en: 'Custom fields', es: 'Campos propios', create: { en: 'New custom field', es: 'Nuevo campo' } },
  { path: 'api-keys', en: 'API keys', es: 'Claves de API', create: { en: 'New API key', es: 'Nueva clave de API' } },
] as const;

describe('settings', () => {
  const baseUrl = serverUrl();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signInAsAdmin(): Promise<Page> {
    const page = await newPage(browser);
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: false }).and(page.locator('input')).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('banner').getByText(ADMIN.name).waitFor();
    return page;
  }

  async function openSection(page: Page, label: string) {
    await page.getByRole('navigation', { name: /Settings sections|Secciones de la configuración/ }).getByRole('link', { name: label }).click();
    await page.getByRole('heading', { name: label, level: 2 }).waitFor();
    await waitForData(page);
  }

  /** Skeletons gone: the screen shows its data (or its empty state). */
  async function waitForData(page: Page) {
    await page.waitForFunction(() => document.querySelector('main [aria-busy="true"]') === null);
  }

  it('creates a practitioner with a PEN price and a 40 % commission, refusing 100.5 %', async () => {
    const page = await signInAsAdmin();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/settings\/practice$/);
    await openSection(page, 'Practitioners');

    await page.getByRole('button', { name: 'New practitioner' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New practitioner' });
    await dialog.getByLabel('Name', { exact: false }).first().fill('Lucía Fernández');
    await dialog.getByLabel('Credentials').fill('Psicóloga clínica');
    const commission = dialog.getByRole('textbox', { name: /^Commission/ });
    await commission.fill('100.5');
    await dialog.getByRole('group', { name: 'Default session price' }).getByLabel('PEN').fill('150.50');
    await dialog.getByRole('button', { name: 'Create practitioner' }).click();

    // The error sits with the commission field: the input is marked invalid and described by the message.
    const message = dialog.getByText('Enter a percentage from 0 to 100.');
    await message.waitFor();
    expect(await commission.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await commission.getAttribute('aria-describedby')) ?? '';
    const messageId = await message.getAttribute('id');
    expect(messageId && describedBy.split(' ')).toContain(messageId);
    await screenshot(page, 'settings-practitioner-commission-error');

    await commission.fill('40');
    await dialog.getByRole('button', { name: 'Create practitioner' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row').filter({ hasText: 'Lucía Fernández' });
    await row.waitFor();
    await row.scrollIntoViewIfNeeded();
    const text = ((await row.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('S/ 150.50');
    expect(text).toContain('40 %');
    await screenshot(page, 'settings-practitioner-created');

    // Reopening shows the stored values as they were typed.
    await row.getByRole('button', { name: 'Edit Lucía Fernández' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Lucía Fernández' });
    expect(await edit.getByRole('textbox', { name: /^Commission/ }).inputValue()).toBe('40');
    expect(await edit.getByRole('group', { name: 'Default session price' }).getByLabel('PEN').inputValue()).toBe('150.50');
    await edit.getByRole('button', { name: 'Cancel' }).click();

    await page.context().close();
  });

  it('creates a custom client field', async () => {
    const page = await signInAsAdmin();
    await page.goto(`${baseUrl}/settings/custom-fields`);
    await page.getByRole('heading', { name: 'Custom fields', level: 2 }).waitFor();
    await waitForData(page);

    await page.getByRole('button', { name: 'New custom field' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New custom field' });
    await dialog.getByRole('textbox', { name: /^Label/ }).fill('Insurance plan');
    expect(await dialog.getByRole('textbox', { name: /^Key/ }).inputValue()).toBe('insurance_plan');
    await dialog.getByLabel(/^Type/).click();
    await page.getByRole('option', { name: 'Choice list' }).click();
    const choices = dialog.getByLabel(/^Choices/);
    await choices.fill('Private');
    await choices.press('Enter');
    await choices.fill('EPS');
    await choices.press('Enter');
    await dialog.getByRole('button', { name: 'Create field' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row').filter({ hasText: 'Insurance plan' });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('insurance_plan');
    expect(text).toContain('Private, EPS');
    await screenshot(page, 'settings-custom-field-created');

    await page.context().close();
  });

  it('creates an API key and shows its secret once', async () => {
    const page = await signInAsAdmin();
    await page.goto(`${baseUrl}/settings/api-keys`);
    await page.getByRole('heading', { name: 'API keys', level: 2 }).waitFor();
    await waitForData(page);

    await page.getByRole('button', { name: 'New API key' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New API key' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Billing export');
    await dialog.getByRole('button', { name: 'Create key' }).click();

    const shown = page.getByRole('dialog', { name: 'API key "Billing export" created' });
    await shown.getByText('Store this key now').waitFor();
    const secret = ((await shown.getByTestId('api-key-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^tend_\S{16,}$/);
    expect(await shown.getByRole('button', { name: 'Copy' }).isVisible()).toBe(true);
    await screenshot(page, 'settings-api-key-secret');

    await shown.getByRole('button', { name: 'I have stored it' }).click();
    await shown.waitFor({ state: 'detached' });

    const row = page.getByRole('row').filter({ hasText: 'Billing export' });
    await row.waitFor();
    expect(await row.textContent()).toContain(`${secret.slice(0, 'tend_'.length + 8)}…`);
    // Once closed, the secret is nowhere on the page, and a reload cannot bring it back.
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await page.getByRole('row').filter({ hasText: 'Billing export' }).waitFor();
    expect(await page.content()).not.toContain(secret);

    await page.context().close();
  });

  it('shows every settings screen at 1280×800 in English and Spanish', async () => {
    const page = await signInAsAdmin();
    await page.goto(`${baseUrl}/settings`);
    await page.waitForURL(/\/settings\/practice$/);

    for (const language of ['en', 'es'] as const) {
      if (language === 'es') await page.getByRole('banner').getByText('Español').click();
      for (const section of SECTIONS) {
        await openSection(page, section[language]);
        expect(new URL(page.url()).pathname).toBe(`/settings/${section.path}`);
        await screenshot(page, `settings-${section.path}-${language}`);
        if (section.path === 'practice') {
          await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
          await screenshot(page, `settings-practice-bottom-${language}`);
          await page.evaluate(() => window.scrollTo(0, 0));
        }
        if (section.create) {
          await page.getByRole('button', { name: section.create[language] }).first().click();
          const dialog = page.getByRole('dialog', { name: section.create[language] });
          await dialog.waitFor();
          await screenshot(page, `settings-${section.path}-form-${language}`);
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'detached' });
        }
      }
    }

    await page.context().close();
  });
});
