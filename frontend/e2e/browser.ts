/** Headless Debian Chromium driven by playwright-core (no downloaded browsers). */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, inject } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

export const screenshotDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'test-results');

/** The server of this test worker: files run two at a time, each worker on its own server and database. */
export function serverUrl(): string {
  const urls = inject('baseUrls');
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  const url = urls[(worker - 1) % urls.length];
  if (!url) throw new Error('no e2e server: e2e/global-setup.ts provides one per worker');
  return url;
}

/** `showScrollbars`: keep the scrollbars a user sees (Playwright hides them in headless mode by default). */
export function launchBrowser({ showScrollbars = false }: { showScrollbars?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.TEND_E2E_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: showScrollbars ? ['--hide-scrollbars'] : undefined,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PageOptions {
  /** 1280×800 unless told: the size the front desk works at; 768×1024 is a tablet held upright. */
  viewport?: { width: number; height: number };
  /** The UI language, chosen before the first load as a user's choice remembered in this browser. */
  language?: 'en' | 'es';
  /** Lets a test inject a script of its own (axe-core) past the served Content-Security-Policy. */
  bypassCSP?: boolean;
}

/** A fresh page (own cookies) at 1280×800 in English unless told otherwise. */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const { viewport = { width: 1280, height: 800 }, language, bypassCSP = false } = options;
  const context = await browser.newContext({ viewport, locale: language === 'es' ? 'es-PE' : 'en-US', bypassCSP });
  if (language) await context.addInitScript((chosen) => window.localStorage.setItem('tend.language', chosen), language);
  return context.newPage();
}

/** Signs in through the login form (either language) and waits until the app has left it. */
export async function signIn(page: Page, baseUrl: string, credentials: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('textbox', { name: /^(Email|Correo electrónico)$/ }).fill(credentials.email);
  await page.getByLabel(/Password|Contraseña/, { exact: false }).and(page.locator('input')).fill(credentials.password);
  await page.getByRole('button', { name: /^(Sign in|Entrar)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** The API as a signed-in user: every call answers its status and parsed body. */
export type Api = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;

export async function apiAs(baseUrl: string, credentials: { email: string; password: string }): Promise<Api> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  expect(login.status).toBe(200);
  const { access_token: token } = (await login.json()) as { access_token: string };
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as never };
  };
}

/** The API as a signed-in user, for setting up and checking: any error answer fails the test loudly. */
export type OkApi = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<T>;

export async function okApiAs(baseUrl: string, credentials: { email: string; password: string }): Promise<OkApi> {
  const api = await apiAs(baseUrl, credentials);
  return async <T,>(method: string, path: string, body?: unknown) => {
    const { status, body: answer } = await api<T>(method, path, body);
    if (status >= 300) throw new Error(`${method} ${path} → ${status}: ${JSON.stringify(answer)}`);
    return answer;
  };
}
