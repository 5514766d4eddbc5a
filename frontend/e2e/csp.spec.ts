import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_SECTIONS } from '../src/features/settings/sections';
import { launchBrowser, newPage, serverUrl } from './browser';

const ADMIN = { email: 'admin@tend.example', password: 'tend-demo-admin', name: 'Demo Admin' };

/** Every screen of the SPA, with the Content-Security-Policy the server sends in force. */
function routes(clientId: string): string[] {
  return [
    '/',
    '/clients',
    '/clients/new',
    `/clients/${clientId}`,
    `/clients/${clientId}/relationships`,
    `/clients/${clientId}/programs`,
    '/ledger',
    '/reports',
    '/no-such-page',
    ...SETTINGS_SECTIONS.map((section) => `/settings/${section.path}`),
  ];
}

describe('content security policy', () => {
  const baseUrl = serverUrl();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Collects CSP violations as the browser reports them (events and console messages). */
  async function watchViolations(page: Page): Promise<string[]> {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
        report(`${event.violatedDirective} blocked ${event.blockedURI}`);
      });
    });
    return violations;
  }

  it('loads every screen with no CSP violation', async () => {
    const page = await newPage(browser);
    const violations = await watchViolations(page);

    const login = await page.goto(`${baseUrl}/login`);
    expect(login?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: false }).and(page.locator('input')).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('banner').getByText(ADMIN.name).waitFor();

    const token = await page.evaluate(async () => {
      const response = await fetch('/api/v1/auth/refresh', { method: 'POST', credentials: 'same-origin' });
      return ((await response.json()) as { access_token: string }).access_token;
    });
    const clients = await page.request.get(`${baseUrl}/api/v1/clients?limit=1`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const clientId = ((await clients.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
    expect(clientId).not.toBe('');

    const visited: string[] = [];
    for (const route of routes(clientId)) {
      // Client-side navigation keeps the session; a full load of each route checks the served page too.
      await page.goto(`${baseUrl}${route}`);
      await page.getByRole('banner').getByText(ADMIN.name).waitFor();
      await page.waitForFunction(() => document.querySelector('main [aria-busy="true"]') === null);
      visited.push(route);
    }

    expect(visited).toHaveLength(routes(clientId).length);
    expect(violations).toEqual([]);
  });
});
