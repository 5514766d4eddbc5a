/**
 * The front desk's keyboard and tablet: a skip link first, `/` to search, Enter and the arrows through the
 * results, focus on the page heading after a navigation or a save, "Add room" ready for the next room; and the
 * client list usable on a 768×1024 tablet (search on its own row, the name pinned while the table scrolls, nothing
 * wider than the screen, row actions on screen), with screenshots at 1280×800 and 768×1024 in both languages.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/locales/en';
import { es } from '../src/i18n/locales/es';
import { launchBrowser, newPage, screenshot, serverUrl } from './browser';

const ADMIN = { email: 'admin@tend.example', password: 'tend-demo-admin' };
const FRONT_DESK = { email: 'frontdesk@tend.example', password: 'tend-demo-front' };
const TABLET = { width: 768, height: 1024 };
const CATALOGUES = { en, es } as const;

const suffix = `K${Math.random().toString(36).slice(2, 7)}`;
const first = { first: `Ana ${suffix}`, last: 'Teclado' };
const second = { first: `Beto ${suffix}`, last: 'Teclado' };
const longName = { first: `${suffix}${'Largo'.repeat(8)}`, last: 'Apellidoextremadamentelargo' };

async function api(baseUrl: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
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

/** Signs in, then makes sure the UI speaks `language` (a user's own saved language wins at sign-in). */
async function signIn(page: Page, baseUrl: string, who: { email: string; password: string }, language: 'en' | 'es') {
  const t = CATALOGUES[language];
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('textbox', { name: t.auth.email }).fill(who.email);
  await page.getByLabel(t.auth.password, { exact: false }).and(page.locator('input')).fill(who.password);
  await page.getByRole('button', { name: t.auth.signIn, exact: true }).click();
  const banner = page.getByRole('banner');
  await banner.waitFor();
  if ((await page.evaluate(() => document.documentElement.lang)) !== language) {
    await banner.getByText(t.language[language], { exact: true }).click();
  }
  await banner.getByRole('button', { name: t.auth.signOut }).waitFor();
}

/** What has focus, as a short description (for failure messages). */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return 'nothing';
    return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 60)}"`;
  });
}

async function settled(page: Page) {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
}

/** Elements that stick out of the viewport sideways without being inside a sideways scroller. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (element: Element | null): boolean => {
      for (let node = element?.parentElement ?? null; node && node !== document.body; node = node.parentElement) {
        const overflow = getComputedStyle(node).overflowX;
        if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') return true;
      }
      return false;
    };
    return Array.from(document.querySelectorAll('body *'))
      .filter((element) => {
        const rect = element.getBoundingClientRect();
        return rect.width > 0 && rect.height > 0 && (rect.right > width + 1 || rect.left < -1) && !scrolls(element);
      })
      .filter((element) => !element.closest('[data-position], [role="dialog"], nav#main-navigation'))
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className).slice(0, 60)}`)
      .slice(0, 10);
  });
}

/** Some of it is inside the viewport (Playwright counts an element slid off screen as visible). */
async function onScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const width = await locator.page().evaluate(() => document.documentElement.clientWidth);
  return box !== null && box.x + box.width > 1 && box.x < width - 1;
}

/** The element at the centre of `selector`'s first match is that element (or inside it): visible, not covered. */
function reachable(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((wanted) => {
    const element = document.querySelector(wanted);
    if (!element) return false;
    const rect = element.getBoundingClientRect();
    if (rect.right > document.documentElement.clientWidth || rect.left < 0) return false;
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return hit !== null && (hit === element || element.contains(hit));
  }, selector);
}

describe('keyboard and tablet', () => {
  const baseUrl = serverUrl();
  let browser: Browser;
  let clientId = '';
  let locationName = '';

  beforeAll(async () => {
    browser = await launchBrowser({ showScrollbars: true });
    const call = await api(baseUrl);
    const fields = await call<{ key: string; required: boolean; active: boolean; options: string[] | null }[] | { items: never[] }>(
      'GET',
      '/custom-fields',
    );
    const list = Array.isArray(fields) ? fields : fields.items;
    const required = Object.fromEntries(
      list.filter((field) => field.required && field.active).map((field) => [field.key, field.options?.[0] ?? 'x']),
    );
    const a = await call('POST', '/clients', { first_name: first.first, last_name: first.last, phone: '+51 900 200 001', custom_fields: required });
    const b = await call('POST', '/clients', { first_name: second.first, last_name: second.last, custom_fields: required });
    await call('POST', '/clients', { first_name: longName.first, last_name: longName.last, email: `${suffix.toLowerCase()}.someone.with.a.long.address@example.org`, custom_fields: required });
    clientId = String(a.id);
    await call('POST', `/clients/${clientId}/relationships`, {
      related_client_id: String(b.id),
      relationship_type: 'sibling',
      emergency_contact: true,
      responsible_for_billing: true,
    });
    const location = await call('POST', '/locations', { name: `Sede ${suffix}`, pos_code: '11' });
    locationName = String(location.name);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('moves through the client list from the keyboard: skip link, "/", Enter, arrows, headings', async () => {
    const t = en;
    const page = await newPage(browser, { language: 'en' });
    await signIn(page, baseUrl, ADMIN, 'en');
    // The skip link is the first thing Tab reaches on a freshly loaded screen, and it lands in the main landmark.
    await page.goto(`${baseUrl}/ledger`);
    await page.getByRole('main').getByRole('heading', { name: t.nav.ledger }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toContain(t.a11y.skipToContent);
    await screenshot(page, 'keyboard-skip-link-en');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');

    await page.goto(`${baseUrl}/clients`);
    const search = page.getByRole('searchbox');
    await search.waitFor();
    await settled(page);
    await page.getByRole('main').getByRole('heading', { level: 1 }).click();

    // "/" from anywhere focuses the search.
    await page.keyboard.press('/');
    expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);

    // Enter opens the top result.
    await search.fill(suffix);
    const rows = page.getByTestId('clients-table').locator('tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="clients-table"] tbody tr').length === 3);
    await settled(page);
    const top = ((await rows.first().locator('a').first().textContent()) ?? '').trim();
    await search.press('Enter');
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    const heading = page.getByRole('main').getByRole('heading', { level: 1 });
    await heading.filter({ hasText: top }).waitFor();

    // Back on the list: ↓ walks the rows with visible focus, ↑ from the first row returns to the search.
    await page.goBack();
    await search.waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="clients-table"] tbody tr').length === 3);
    await settled(page);
    await search.focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-row-index'))).toBe('0');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(ring).toBe('solid');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-row-index'))).toBe('1');
    await screenshot(page, 'keyboard-row-focus-en');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = ((await rows.nth(1).locator('a').first().textContent()) ?? '').trim();
    await page.keyboard.press('Enter');
    await heading.filter({ hasText: second }).waitFor();

    // A navigation from the navbar puts focus on the new screen's heading.
    await page.getByRole('navigation', { name: t.nav.label }).getByRole('link', { name: t.nav.ledger }).click();
    await page.getByRole('main').getByRole('heading', { name: t.nav.ledger }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await focused(page)).toContain(t.nav.ledger);

    // After a save (the profile form closes), focus is on the client's name.
    await page.goto(`${baseUrl}/clients/${clientId}`);
    await heading.filter({ hasText: first.first }).waitFor();
    await page.getByRole('button', { name: t.clients.profile.edit }).click();
    await page.getByRole('button', { name: t.clients.form.save }).click();
    await page.getByRole('button', { name: t.clients.profile.edit }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await focused(page)).toContain(first.first);

    // Toasts appear at the top centre (a dialog's actions sit at its bottom right), clear of the header's buttons.
    const toast = page.locator('.mantine-Notification-root').first();
    await toast.waitFor();
    await expect.poll(async () => (await toast.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0); // slid in
    const box = (await toast.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(Math.abs(box.x + box.width / 2 - viewport.width / 2)).toBeLessThan(40);
    expect(box.y).toBeLessThan(200);
    const signOut = (await page.getByRole('banner').getByRole('button', { name: t.auth.signOut }).boundingBox())!;
    const overlaps = box.x < signOut.x + signOut.width && signOut.x < box.x + box.width && box.y < signOut.y + signOut.height && signOut.y < box.y + box.height;
    expect(overlaps).toBe(false);
    await screenshot(page, 'keyboard-toast-top-centre-en');

    await page.context().close();
  });

  it('keeps focus in the room name after "Add room", ready for the next one', async () => {
    const t = en;
    const page = await newPage(browser, { language: 'en' });
    await signIn(page, baseUrl, ADMIN, 'en');
    await page.goto(`${baseUrl}/settings/locations`);
    await settled(page);
    await page.getByRole('button', { name: t.settings.locations.roomsOf.replace('{{name}}', locationName) }).click();
    const drawer = page.getByRole('dialog');
    const name = drawer.getByRole('textbox', { name: t.settings.locations.roomName }).first();
    for (const room of [`Sala A ${suffix}`, `Sala B ${suffix}`]) {
      await name.fill(room);
      await name.press('Enter');
      await drawer.getByRole('cell', { name: room, exact: true }).waitFor();
      await page.waitForFunction(
        (label) => {
          const active = document.activeElement as HTMLInputElement | null;
          return active?.tagName === 'INPUT' && active.getAttribute('aria-label') === label && active.value === '';
        },
        t.settings.locations.roomName,
      );
    }
    await page.context().close();
  });

  for (const language of ['en', 'es'] as const) {
    it(`shows the client list at 1280×800 and on a 768×1024 tablet (${language})`, async () => {
      const t = CATALOGUES[language];
      const wide = await newPage(browser, { language });
      await signIn(wide, baseUrl, FRONT_DESK, language);
      await wide.goto(`${baseUrl}/clients`);
      await wide.getByTestId('clients-table').locator('tbody tr').nth(5).waitFor();
      await settled(wide);
      await screenshot(wide, `clients-list-1280-${language}`);
      await wide.context().close();

      const page = await newPage(browser, { language, viewport: TABLET });
      await signIn(page, baseUrl, FRONT_DESK, language);
      await page.goto(`${baseUrl}/clients`);
      const table = page.getByTestId('clients-table');
      await table.locator('tbody tr').nth(5).waitFor();
      await settled(page);

      // The navbar is folded into the burger: the list gets the width.
      const navigation = page.locator('nav#main-navigation');
      expect(await onScreen(navigation)).toBe(false);
      const burger = page.getByRole('button', { name: t.nav.toggle });
      expect(await burger.isVisible()).toBe(true);

      // The search has its own row, wide enough to read what is typed.
      const search = page.getByRole('searchbox');
      const searchBox = await search.boundingBox();
      expect(searchBox?.width ?? 0).toBeGreaterThan(300);
      for (const filter of [t.clients.list.status, t.clients.list.practitioner, t.clients.list.program]) {
        const box = await page.getByRole('textbox', { name: filter }).or(page.getByRole('combobox', { name: filter })).first().boundingBox();
        expect(box && box.x + box.width, `${filter} on screen`).toBeLessThanOrEqual(TABLET.width);
      }
      await screenshot(page, `clients-list-768-${language}`);
      expect(await overflowing(page)).toEqual([]);

      // The table scrolls sideways (with a scrollbar) and the name column stays put.
      const scroll = await table.evaluate((element) => {
        const scroller = element.parentElement as HTMLElement;
        const nameCell = () => (element.querySelector('tbody tr td') as HTMLElement).getBoundingClientRect();
        const before = nameCell().left;
        scroller.scrollLeft = scroller.scrollWidth;
        return {
          scrolls: scroller.scrollWidth > scroller.clientWidth,
          scrollbar: scroller.offsetHeight - scroller.clientHeight,
          moved: scroller.scrollLeft,
          before,
          after: nameCell().left,
          scrollerLeft: scroller.getBoundingClientRect().left,
        };
      });
      expect(scroll.scrolls).toBe(true);
      expect(scroll.scrollbar).toBeGreaterThan(0);
      expect(scroll.moved).toBeGreaterThan(0);
      expect(Math.abs(scroll.after - scroll.scrollerLeft)).toBeLessThan(2);
      expect(await reachable(page, '[data-testid="clients-table"] tbody tr td:first-child a')).toBe(true);
      await screenshot(page, `clients-list-768-scrolled-${language}`);

      // Search narrows the list; the long name is cut inside its pinned column, not pushing anything off screen.
      await search.fill(suffix);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="clients-table"] tbody tr').length === 3);
      await settled(page);
      expect(await overflowing(page)).toEqual([]);
      await screenshot(page, `clients-list-768-search-${language}`);

      // The burger opens the navigation over the page; a link closes it again.
      await burger.click();
      await expect.poll(() => onScreen(navigation)).toBe(true);
      await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
      const panel = await navigation.boundingBox();
      expect(panel?.width ?? 0).toBeLessThanOrEqual(300);
      await screenshot(page, `navbar-768-open-${language}`);
      // Escape folds it away and gives focus back to the burger.
      await page.keyboard.press('Escape');
      await expect.poll(() => onScreen(navigation)).toBe(false);
      expect(await burger.evaluate((element) => element === document.activeElement)).toBe(true);

      // Relationship row actions are on screen (the actions column is pinned at the end).
      await page.goto(`${baseUrl}/clients/${clientId}/relationships`);
      await page.getByTestId('relationships-table').waitFor();
      await settled(page);
      expect(await overflowing(page)).toEqual([]);
      expect(await reachable(page, '[data-testid="relationships-table"] tbody tr td:last-child button')).toBe(true);
      await screenshot(page, `client-relationships-768-${language}`);
      await page.context().close();

      // Settings lists too: the row menu of the last column is on screen.
      const admin = await newPage(browser, { language, viewport: TABLET });
      await signIn(admin, baseUrl, ADMIN, language);
      for (const section of ['practitioners', 'services', 'locations', 'users']) {
        await admin.goto(`${baseUrl}/settings/${section}`);
        await admin
          .getByRole('main')
          .locator('tbody tr')
          .first()
          .waitFor({ timeout: 10_000 })
          .catch(async (error: unknown) => {
            await screenshot(admin, `settings-${section}-768-${language}-failed`);
            throw error;
          });
        await settled(admin);
        expect(await overflowing(admin), section).toEqual([]);
        expect(await reachable(admin, 'main tbody tr td:last-child button'), `${section} row actions`).toBe(true);
        await screenshot(admin, `settings-${section}-768-${language}`);
      }
      await admin.context().close();
    });
  }
});
