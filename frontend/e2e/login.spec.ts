import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, serverUrl } from './browser';

const ADMIN = { email: 'admin@tend.example', password: 'tend-demo-admin', name: 'Demo Admin' };

describe('signing in and out', () => {
  const baseUrl = serverUrl();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signIn(page: Page, email: string, password: string) {
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByLabel('Password', { exact: false }).and(page.locator('input')).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  it('signs in, navigates, survives a reload and signs out', async () => {
    const page = await newPage(browser);

    await page.goto(baseUrl);
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { name: 'Sign in to Tend' }).waitFor();

    await signIn(page, ADMIN.email, ADMIN.password);

    const header = page.getByRole('banner');
    await header.getByText(ADMIN.name).waitFor();
    await page.getByRole('heading', { name: 'Calendar' }).waitFor();
    await page.getByRole('button', { name: 'Today' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await navigation.getByRole('link', { name: 'Settings' }).isVisible()).toBe(true);
    await screenshot(page, 'app-frame-calendar');

    // The demo practice's word for its clients in English ("patient"; "paciente" in Spanish) names the list.
    await navigation.getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/clients');

    // The access token lives only in memory: a reload must restore the session from the refresh cookie.
    await page.reload();
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    await header.getByText(ADMIN.name).waitFor();
    expect(new URL(page.url()).pathname).toBe('/clients');

    await header.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Tend' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');

    // Signed out means the cookie is gone too: a reload stays on the login page.
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Tend' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.context().close();
  });

  it('shows an error for a wrong password and stays on the login page', async () => {
    const page = await newPage(browser);

    await page.goto(`${baseUrl}/login`);
    await signIn(page, ADMIN.email, 'not-the-password');

    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).not.toBe('');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'login-wrong-password');

    await page.context().close();
  });
});
