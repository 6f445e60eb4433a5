/**
 * What the browser specs do again and again at a new centre: the first run, signing in and
 * out, adding users, startups and mentors, typing dates as staff do, and calling core
 * directly as the signed-in user (to show that what the UI hides is refused too).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import { expect } from '../support/web-fixture.js';

export interface Person {
  name: string;
  email: string;
  password: string;
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const manager: Person = { name: 'Ayesha Khan', email: 'ayesha@nic-karachi.pk', password: 'mangoes in the monsoon' };

/** First run: the centre and its manager, who is then signed in. */
export async function setUpCentre(
  page: Page,
  centre = 'National Incubation Center Karachi',
  who: Person = manager,
): Promise<void> {
  await page.getByLabel('Centre name').fill(centre);
  await page.getByLabel('City').fill('Karachi');
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByLabel('Confirm password').fill(who.password);
  await page.getByRole('button', { name: 'Create centre' }).click();
  await expect(page.getByTestId('centre-name')).toHaveText(centre);
}

/**
 * A centre's worth of demo data, written by the command line beside the running host (as a
 * second process would); reload the page to see it.
 */
export async function seedDemoData(dataDir: string): Promise<void> {
  await promisify(execFile)(
    'npx',
    ['incubator', '--data', dataDir, 'seed', '--startups', '24', '--mentors', '8', '--sessions', '150', '--trainees', '300'],
    { cwd: projectRoot, timeout: 90_000 },
  );
}

/** Opens a screen from the left navigation. */
export async function goTo(page: Page, screen: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: screen, exact: true }).click();
}

export async function signIn(page: Page, who: Person): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: `Account menu for ${who.name}` })).toBeVisible();
}

export async function signOut(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Account menu for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
}

/**
 * Closes the toasts, so that screenshots show the screen under them. A toast may close by
 * itself meanwhile, so no click waits long; the pointer leaves the corner, where a hovered
 * toast would stay.
 */
export async function dismissToasts(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  const toasts = page.locator('.mantine-Notification-root');
  for (const close of await toasts.getByRole('button').all()) await close.click({ timeout: 1000 }).catch(() => undefined);
  await expect(toasts).toHaveCount(0, { timeout: 10_000 });
}

/** Types a date into a date field as staff write it (dd/mm/yyyy) and leaves the field. */
export async function typeDate(field: Locator, text: string): Promise<void> {
  await field.fill(text);
  await field.press('Tab');
}

/** Adds a startup from the Startups list. */
export async function addStartup(page: Page, name: string, sector: string, more: { womenLed?: boolean; founded?: string } = {}) {
  await page.getByRole('button', { name: 'New startup' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New startup' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Sector').click();
  await page.getByRole('option', { name: sector }).click();
  if (more.womenLed) await dialog.getByLabel('Women-led').check();
  if (more.founded) await typeDate(dialog.getByLabel('Founded'), more.founded);
  await dialog.getByRole('button', { name: 'Add startup' }).click();
  await expect(dialog).toBeHidden();
}

/** Adds a mentor from the Mentors list; the mentor's page opens. */
export async function addMentor(page: Page, name: string, organisation: string): Promise<void> {
  await page.getByRole('button', { name: 'New mentor' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New mentor' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Organisation').fill(organisation);
  await dialog.getByRole('button', { name: 'Add mentor' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** Adds a user in Settings → Users & roles. */
export async function addUser(page: Page, who: Person, role: string): Promise<void> {
  await goTo(page, 'Settings');
  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a user' });
  await dialog.getByLabel('Name').fill(who.name);
  await dialog.getByLabel('Email').fill(who.email);
  await dialog.getByLabel('Role').click();
  await page.getByRole('option', { name: role, exact: true }).click();
  await dialog.getByLabel('Password').fill(who.password);
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog).toBeHidden();
}

export type CallResult = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/**
 * Calls core directly, on a connection of its own, as the user signed in on the page: the
 * way a script in the page could, bypassing whatever the UI hides.
 */
export async function callAsSignedIn(page: Page, method: string, input: unknown): Promise<CallResult> {
  return page.evaluate(
    async ({ method, input }) => {
      const token = sessionStorage.getItem('incubator.webToken');
      const sessionToken = sessionStorage.getItem('incubator.session');
      if (!token || !sessionToken) throw new Error('not signed in on this page');
      const socket = new WebSocket(`ws://${location.host}/api?token=${encodeURIComponent(token)}`);
      await new Promise<void>((resolve, reject) => {
        socket.addEventListener('open', () => resolve());
        socket.addEventListener('error', () => reject(new Error('could not connect to core')));
      });
      let next = 0;
      const call = (name: string, args: unknown) =>
        new Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>((resolve) => {
          const id = ++next;
          const onMessage = (event: MessageEvent) => {
            const message = JSON.parse(String(event.data)) as { type: string; id?: number };
            if (message.type !== 'result' || message.id !== id) return;
            socket.removeEventListener('message', onMessage);
            resolve(message as never);
          };
          socket.addEventListener('message', onMessage);
          socket.send(JSON.stringify({ type: 'call', id, method: name, input: args }));
        });
      try {
        const resumed = await call('auth.resume', { sessionToken });
        if (!resumed.ok) throw new Error(`auth.resume failed: ${JSON.stringify(resumed.error)}`);
        return (await call(method, input)) as never;
      } finally {
        socket.close();
      }
    },
    { method, input },
  );
}

/**
 * Many calls on one connection as the signed-in user, in order (setting up hundreds of
 * records before a test, where a connection per call would take most of the test's time).
 * Fails on the first call that fails.
 */
export async function callManyAsSignedIn(page: Page, calls: readonly { method: string; input: unknown }[]): Promise<unknown[]> {
  return page.evaluate(async (calls) => {
    const token = sessionStorage.getItem('incubator.webToken');
    const sessionToken = sessionStorage.getItem('incubator.session');
    if (!token || !sessionToken) throw new Error('not signed in on this page');
    const socket = new WebSocket(`ws://${location.host}/api?token=${encodeURIComponent(token)}`);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve());
      socket.addEventListener('error', () => reject(new Error('could not connect to core')));
    });
    let next = 0;
    const call = (name: string, args: unknown) =>
      new Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>((resolve) => {
        const id = ++next;
        const onMessage = (event: MessageEvent) => {
          const message = JSON.parse(String(event.data)) as { type: string; id?: number };
          if (message.type !== 'result' || message.id !== id) return;
          socket.removeEventListener('message', onMessage);
          resolve(message as never);
        };
        socket.addEventListener('message', onMessage);
        socket.send(JSON.stringify({ type: 'call', id, method: name, input: args }));
      });
    try {
      const resumed = await call('auth.resume', { sessionToken });
      if (!resumed.ok) throw new Error(`auth.resume failed: ${JSON.stringify(resumed.error)}`);
      const values: unknown[] = [];
      for (const { method, input } of calls) {
        const result = await call(method, input);
        if (!result.ok) throw new Error(`${method}: ${result.error?.message ?? 'failed'}`);
        values.push(result.value);
      }
      return values;
    } finally {
      socket.close();
    }
  }, calls);
}
