/**
 * The front desk registering people, in Spanish (the demo practice is in Lima and calls its clients
 * "pacientes"): strict dates, the duplicate warning, a child and her new guardian in one flow, and a record that
 * cannot be deleted but can be merged through the preview.
 */
import type { Browser, Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchBrowser, newPage, screenshot, type Api, serverUrl } from './browser';

const ADMIN = { email: 'admin@tend.example', password: 'tend-demo-admin' };
const FRONT_DESK = { email: 'frontdesk@tend.example', password: 'tend-demo-front' };

// Unique per run (the e2e database may be reused): names, and phone numbers no one else has.
const suffix = `R${Math.random().toString(36).slice(2, 7)}`;
const digits = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
const phone = { typed: `987 ${digits.slice(0, 3)} ${digits.slice(3)}`, e164: `+51987${digits}` };

/** The text of what an input points at with aria-describedby: where the form shows that field's error. */
async function describedText(input: Locator): Promise<string> {
  return input.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** Signs the front desk in from the Spanish login page; she lands on the list of pacientes. */
async function signInFrontDesk(page: Page, baseUrl: string) {
  await page.addInitScript(() => window.localStorage.setItem('tend.language', 'es'));
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(FRONT_DESK.email);
  await page.getByLabel('Contraseña', { exact: false }).and(page.locator('input')).fill(FRONT_DESK.password);
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await page.getByRole('heading', { name: 'Pacientes', level: 1 }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/clients');
}

/** POSTs to /api/v1/clients the page makes (registrations), to check that a refused form sent nothing. */
function watchRegistrations(page: Page): Request[] {
  const sent: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/clients') sent.push(request);
  });
  return sent;
}

/** Counts what the user does: clicks (presses of the pointer), keys that move or confirm, and characters typed. */
async function countInteractions(page: Page) {
  await page.evaluate(() => {
    const counts = { clicks: 0, keys: 0, characters: 0 };
    (window as unknown as { __counts: typeof counts }).__counts = counts;
    document.addEventListener('pointerdown', (event) => event.isTrusted && (counts.clicks += 1), true);
    document.addEventListener(
      'keydown',
      (event) => {
        if (!event.isTrusted) return;
        if (event.key.length === 1) counts.characters += 1;
        else counts.keys += 1;
      },
      true,
    );
  });
  return () => page.evaluate(() => (window as unknown as { __counts: { clicks: number; keys: number; characters: number } }).__counts);
}

describe('registering people (es)', () => {
  const baseUrl = serverUrl();
  let browser: Browser;
  let admin: Api;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await apiAs(baseUrl, ADMIN);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('reads 25/05/2014 as 25 May 2014 and refuses 31/02/2014 before saving', async () => {
    const page = await newPage(browser);
    const registrations = watchRegistrations(page);
    await signInFrontDesk(page, baseUrl);
    await page.getByRole('link', { name: 'Nuevo paciente' }).click();
    await page.getByRole('heading', { name: 'Nuevo paciente' }).waitFor();

    await page.getByRole('textbox', { name: 'Nombres' }).fill(`Inés ${suffix}`);
    await page.getByRole('textbox', { name: 'Apellidos' }).fill('Fechas');
    const birth = page.getByRole('textbox', { name: 'Fecha de nacimiento' });
    await birth.fill('31/02/2014');
    await birth.press('Tab');
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    expect(await birth.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(birth)).toContain('Esa fecha no existe');
    await page.getByRole('button', { name: 'Registrar paciente' }).click();
    // Still here, with what was typed, and nothing sent.
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe('/clients/new');
    expect(await birth.inputValue()).toBe('31/02/2014');
    expect(registrations).toHaveLength(0);

    await birth.fill('25/05/2014');
    await birth.press('Tab');
    await page.getByText('Se entiende: 25 de mayo de 2014').waitFor();
    expect(await birth.getAttribute('aria-invalid')).not.toBe('true');
    await page.getByRole('button', { name: 'Registrar paciente' }).click();
    // A minor: her page opens on the relationships, offering to add the guardian.
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}\/relationships$/);
    await page.getByTestId('guardian-prompt').waitFor();
    const id = new URL(page.url()).pathname.split('/')[2];
    const stored = await admin<{ date_of_birth: string }>('GET', `/clients/${id}`);
    expect(stored.body.date_of_birth).toBe('2014-05-25');

    await page.context().close();
  });

  it('warns that a repeated name and phone may be someone already registered', async () => {
    const existing = await admin<{ id: string }>('POST', '/clients', {
      first_name: `Ana ${suffix}`,
      last_name: 'Torres',
      date_of_birth: '1990-04-12',
      phone: phone.e164,
    });
    expect(existing.status).toBe(201);
    const page = await newPage(browser);
    const registrations = watchRegistrations(page);
    await signInFrontDesk(page, baseUrl);
    await page.goto(`${baseUrl}/clients/new`);
    await page.getByRole('heading', { name: 'Nuevo paciente' }).waitFor();

    await page.getByRole('textbox', { name: 'Nombres' }).fill(`Ana ${suffix}`);
    await page.getByRole('textbox', { name: 'Apellidos' }).fill('Torres');
    await page.getByRole('textbox', { name: 'Fecha de nacimiento' }).fill('12/04/1990');
    // Typed as dialled locally: the API compares it in E.164.
    const phoneInput = page.getByRole('textbox', { name: 'Teléfono' });
    await phoneInput.fill(phone.typed);
    await phoneInput.press('Tab');

    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    await warning.getByText('Mismo teléfono').waitFor();
    await warning.getByText('Mismo nombre y fecha de nacimiento').waitFor();
    const link = warning.getByRole('link', { name: `Ana ${suffix} Torres` });
    expect(await link.getAttribute('href')).toBe(`/clients/${existing.body.id}`);
    expect(await link.getAttribute('target')).toBe('_blank');
    // The whole warning above the sticky action bar, with the fields it is about.
    await page.mouse.wheel(0, 160);
    await page.waitForTimeout(200);
    await screenshot(page, 'clients-new-duplicate-warning-es');

    // Registering asks first; going back sends nothing.
    await page.getByRole('button', { name: 'Registrar paciente' }).click();
    const confirm = page.getByRole('dialog', { name: '¿Registrar de todos modos?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Volver y revisar' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(registrations).toHaveLength(0);

    await page.context().close();
  });

  it('registers a child and her new mother in one flow', async () => {
    const child = { first: `Lucía ${suffix}`, last: 'Quispe', name: `Lucía ${suffix} Quispe` };
    const mother = { first: 'Carmen', last: `Quispe ${suffix}`, name: `Carmen Quispe ${suffix}` };
    const page = await newPage(browser);
    await signInFrontDesk(page, baseUrl);
    const counted = await countInteractions(page);

    await page.getByRole('link', { name: 'Nuevo paciente' }).click();
    const first = page.getByRole('textbox', { name: 'Nombres' });
    await first.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-path') === 'first_name');
    await page.keyboard.type(child.first);
    await page.keyboard.press('Tab');
    await page.keyboard.type(child.last);
    await page.getByRole('textbox', { name: 'Fecha de nacimiento' }).click();
    await page.keyboard.type('10/03/2016');
    await page.keyboard.press('Enter');

    // Her page opens on the relationships, offering the guardian; the button has the focus.
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}\/relationships$/);
    const childId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const prompt = page.getByTestId('guardian-prompt');
    await prompt.waitFor();
    await prompt.getByRole('button', { name: 'Agregar tutor' }).click();

    const dialog = page.getByRole('dialog', { name: `Agregar una relación a ${child.name}` });
    await dialog.waitFor();
    const type = dialog.getByRole('combobox', { name: /es…$/ });
    expect(await type.inputValue()).toBe('Padre, madre o tutor');
    expect(await dialog.getByRole('checkbox', { name: 'Tutor legal' }).isChecked()).toBe(true);
    await page.keyboard.type(mother.name);
    await page.getByRole('option', { name: `Registrar a «${mother.name}» como nuevo paciente` }).click();

    const quick = page.getByRole('dialog', { name: 'Registrar un nuevo paciente' });
    await quick.waitFor();
    expect(await quick.getByRole('textbox', { name: 'Nombres' }).inputValue()).toBe(mother.first);
    expect(await quick.getByRole('textbox', { name: 'Apellidos' }).inputValue()).toBe(mother.last);
    await quick.getByRole('textbox', { name: 'Teléfono' }).click();
    await page.keyboard.type('912 345 678');
    await page.keyboard.press('Enter');

    const back = page.getByRole('dialog', { name: `Agregar una relación a ${child.name}` });
    await expect.poll(() => back.getByRole('combobox', { name: 'Paciente relacionado' }).inputValue()).toBe(mother.name);
    await back.getByRole('button', { name: 'Agregar relación' }).click();
    await back.waitFor({ state: 'detached' });

    const row = page.getByTestId('relationships-table').getByRole('row').filter({ hasText: mother.name });
    await row.getByText('Padre, madre o tutor').waitFor();
    await row.getByText('Tutor legal').waitFor();
    const used = await counted();
    console.info(
      `child + new guardian: ${used.clicks} clicks, ${used.keys} other keys, ${used.characters} characters typed`,
    );
    await screenshot(page, 'clients-child-and-guardian-es');

    // The mother is a client of her own, with the phone stored in E.164, and the link seen from her side.
    const relationships = await admin<{ related_client: { id: string; phone: string | null }; relationship_type: string }[]>(
      'GET',
      `/clients/${childId}/relationships`,
    );
    expect(relationships.body).toHaveLength(1);
    expect(relationships.body[0]?.relationship_type).toBe('parent_guardian');
    expect(relationships.body[0]?.related_client.phone).toBe('+51912345678');

    await page.context().close();
  });

  it('refuses to delete a client with a relationship, with the next step, and merges through the preview', async () => {
    const original = await admin<{ id: string }>('POST', '/clients', {
      first_name: `Raúl ${suffix}`,
      last_name: 'Mamani',
      date_of_birth: '1985-07-30',
      email: `raul.${suffix.toLowerCase()}@example.com`,
    });
    const relative = await admin<{ id: string }>('POST', '/clients', { first_name: `Elena ${suffix}`, last_name: 'Mamani' });
    await admin('POST', `/clients/${original.body.id}/relationships`, {
      related_client_id: relative.body.id,
      relationship_type: 'spouse_partner',
    });
    // The same person registered again, with a phone the first record lacks.
    const duplicate = await admin<{ id: string }>('POST', '/clients', {
      first_name: `Raul ${suffix}`,
      last_name: 'Mamani',
      date_of_birth: '1985-07-30',
      phone: '+51976543210',
    });

    const page = await newPage(browser);
    await signInFrontDesk(page, baseUrl);
    await page.goto(`${baseUrl}/clients/${original.body.id}`);
    await page.getByRole('heading', { name: `Raúl ${suffix} Mamani` }).waitFor();

    await page.getByRole('button', { name: 'Eliminar ficha' }).click();
    const confirm = page.getByRole('dialog', { name: `¿Eliminar a Raúl ${suffix} Mamani?` });
    await confirm.getByRole('button', { name: 'Eliminar ficha' }).click();
    const conflict = page.getByRole('dialog', { name: 'Todavía no se puede' });
    await conflict.waitFor();
    await conflict.getByText('tiene registros asociados').waitFor();
    expect(await conflict.getByTestId('conflict-next-step').textContent()).toContain('Marque al cliente como inactivo');
    await conflict.getByRole('button', { name: 'Marcar como inactivo' }).waitFor();
    await conflict.getByRole('button', { name: 'Fusionar con…' }).click();

    const merge = page.getByRole('dialog', { name: 'Fusionar dos fichas de una misma persona' });
    await merge.waitFor();
    await merge.getByRole('combobox', { name: 'La otra ficha' }).fill(`raul ${suffix}`);
    await page.getByRole('option', { name: `Raul ${suffix} Mamani` }).click();
    const preview = merge.getByTestId('merge-preview');
    await preview.waitFor();
    const phoneRow = preview.locator('tr[data-field="phone"]');
    await phoneRow.getByText('+51 976 543 210').first().waitFor();
    const nameRow = preview.locator('tr[data-field="first_name"]');
    // Keep the other record's spelling of the first name: the result follows.
    await nameRow.getByRole('checkbox').check();
    await nameRow.locator('td').last().getByText(`Raul ${suffix}`).waitFor();
    await screenshot(page, 'clients-merge-preview-es');
    await merge.getByRole('button', { name: 'Fusionar fichas' }).click();
    await merge.waitFor({ state: 'detached' });

    // The kept record, with everything: the phone filled in, the first name taken from the other, the relationship.
    await page.getByRole('heading', { name: `Raul ${suffix} Mamani` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/clients/${original.body.id}`);
    const kept = await admin<{ phone: string; first_name: string }>('GET', `/clients/${original.body.id}`);
    expect(kept.body.phone).toBe('+51976543210');
    expect(kept.body.first_name).toBe(`Raul ${suffix}`);

    // The other record's address now opens the kept one, and says so.
    await page.goto(`${baseUrl}/clients/${duplicate.body.id}`);
    await page.getByTestId('merged-notice').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/clients/${original.body.id}`);
    const gone = await admin<{ code: string; merged_into: string }>('GET', `/clients/${duplicate.body.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: 'not_found.merged', merged_into: original.body.id });

    await page.context().close();
  });
});
