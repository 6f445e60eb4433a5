/**
 * Sync in the browser UI, against the real central server (server/main.ts in its own process
 * on PGlite) and two real workstations (`npm run web` hosts, each with its own data folder):
 *
 * - a centre set up on workstation 1 joins from the Sync page with an upload code, and its
 *   data goes up; workstation 2 joins from the first-run screen with a normal code, receives
 *   the centre, and its user signs in with workstation 1's manager account;
 * - changes travel both ways, by "Sync now" and by the background sync (web mode runs it:
 *   2 s after a change, every 10 s otherwise);
 * - what goes wrong is said in words: a used or unknown code beside the code field, an
 *   address where nothing answers above the form, a stopped server as "Offline — N changes
 *   waiting" in the shell and the reason on the Sync page;
 * - a centre that comes from the server without a manager asks for one first.
 *
 * A slow forwarder between workstation and server holds answers back while the progress is
 * looked at (a join on a fast machine is over before anyone sees it). Screenshots of the Sync
 * page, light and dark, go to e2e/screenshots/sync-*.png.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import { startRealServer, type RealServer } from '../../core/sync/testing/real-server.js';
import { startSlowProxy, type SlowProxy } from '../support/slow-proxy.js';
import { expect, screenshot, skipWithoutChromium, startWebHost, stopWebHost, test } from '../support/web-fixture.js';
import { addStartup, callAsSignedIn, dismissToasts, goTo, manager, setUpCentre, signIn } from './centre.js';

skipWithoutChromium();

const CENTRE = 'National Incubation Center Karachi';

interface Workstation {
  page: Page;
  dataDir: string;
  /** Console errors of the page (must stay empty). */
  problems: string[];
  close(): Promise<void>;
}

/**
 * Another workstation: its own web host on its own data folder, and its own browser context
 * (another computer's browser). The fixture's `page` and `webApp` are the first one.
 */
async function openWorkstation(browser: Browser): Promise<Workstation> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-e2e-ws2-'));
  const host = await startWebHost(dataDir);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.goto(host.url);
  return {
    page,
    dataDir,
    problems,
    async close() {
      await context.close();
      await stopWebHost(host.child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Demo data written by the command line beside the running host, as in centre.ts's
 * seedDemoData, with more trainees: over 2,000 records, so the centre comes down from the
 * server in more than one page and the join's progress has something to count.
 */
async function seedManyRecords(dataDir: string): Promise<void> {
  await promisify(execFile)(
    'npx',
    ['incubator', '--data', dataDir, 'seed', '--startups', '24', '--mentors', '8', '--sessions', '150', '--trainees', '700'],
    { cwd: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'), timeout: 90_000 },
  );
}

/** A port on which nothing listens (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function fillJoinForm(page: Page, serverUrl: string, code: string, deviceName?: string): Promise<void> {
  await page.getByLabel('Server address').fill(serverUrl);
  await page.getByLabel('Enrolment code').fill(code);
  if (deviceName) await page.getByLabel('Name of this computer').fill(deviceName);
}

/** The status on the Sync page once everything is on the server. */
async function expectSynced(page: Page): Promise<void> {
  await expect(page.getByTestId('sync-connection')).toContainText('The server answered', { timeout: 60_000 });
  await expect(page.getByTestId('sync-pending')).toContainText('Nothing: all changes are on the server', { timeout: 60_000 });
  await expect(page.getByTestId('sync-lastSynced')).not.toContainText('Not yet');
  await expect(page.getByTestId('sync-indicator')).toHaveText(/^Synced /);
  await expect(page.getByRole('alert').filter({ hasText: 'The last sync did not finish' })).toHaveCount(0);
}

/** Photographs the page in the light and the dark scheme (and leaves it light). */
async function bothSchemes(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

async function syncNow(page: Page): Promise<void> {
  await goTo(page, 'Sync');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText(/^Synced: [\d,]+ sent, [\d,]+ received\.$/)).toBeVisible({ timeout: 60_000 });
  await dismissToasts(page);
}

async function findStartup(page: Page, name: string): Promise<void> {
  await goTo(page, 'Startups');
  await page.getByRole('searchbox', { name: 'Search' }).fill(name);
  await expect(page.getByRole('table', { name: 'Startups' }).getByRole('link', { name, exact: true })).toBeVisible({
    timeout: 30_000,
  });
}

test.describe('sync with the central server', () => {
  let server: RealServer;
  let proxy: SlowProxy;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startRealServer();
    proxy = await startSlowProxy(server.url);
  });

  test.afterAll(async () => {
    await proxy?.close();
    await server?.stop();
  });

  test('a centre goes up from one workstation, comes down to another, and changes travel both ways', async ({
    page,
    webApp,
    browser,
  }) => {
    test.setTimeout(360_000);
    await page.emulateMedia({ colorScheme: 'light' });

    // Workstation 1: a centre of its own, with data, before there is any server.
    await setUpCentre(page, CENTRE);
    await goTo(page, 'Startups');
    await addStartup(page, 'Sehat Kahani Labs', 'Healthtech');
    await seedManyRecords(webApp.dataDir);
    await page.reload();
    await expect(page.getByTestId('centre-name')).toHaveText(CENTRE);

    // It joins from the Sync page with an upload code: its data goes up, with progress.
    const { code: uploadCode } = await server.centreWithCode(CENTRE, { upload: true });
    await goTo(page, 'Sync');
    await expect(page.getByRole('heading', { name: 'Join a central server' })).toBeVisible();
    await expect(page.getByTestId('sync-indicator')).toHaveCount(0); // not joined: no indicator
    await fillJoinForm(page, proxy.url, uploadCode, 'Front desk');
    proxy.slow(700, /^\/v1\/sync\/push/);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(page.getByRole('progressbar', { name: 'Joining progress' })).toBeAttached();
    await expect(page.getByText(/^Sending changes: [\d,]+ of [\d,]+$/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByLabel('Enrolment code')).toBeDisabled();
    await bothSchemes(page, 'sync-joining-upload');
    proxy.slow(0);

    await expect(page.getByText(`Joined ${CENTRE}.`)).toBeVisible({ timeout: 60_000 });
    await expectSynced(page);
    await expect(page.getByTestId('sync-centre')).toHaveText(/National Incubation Center Karachi/);
    await expect(page.getByTestId('sync-device')).toContainText('Front desk (Centre workstation)');
    await expect(page.getByTestId('sync-server')).toContainText(proxy.url);
    await dismissToasts(page);
    await bothSchemes(page, 'sync-synced');
    const joined = await callAsSignedIn(page, 'sync.status', {});
    expect(joined.ok).toBe(true);
    const centreId = (joined as { value: { centreId: string } }).value.centreId;

    // Workstation 2: a new computer, joined from the first-run screen.
    const second = await openWorkstation(browser);
    try {
      const page2 = second.page;
      await expect(page2.getByRole('heading', { name: 'Set up this workstation' })).toBeVisible();
      await page2.getByRole('button', { name: 'Join a central server instead' }).click();
      await expect(page2.getByRole('heading', { name: 'Join a central server' })).toBeVisible();

      // The code workstation 1 used is refused beside the code field.
      await fillJoinForm(page2, proxy.url, uploadCode);
      await page2.getByRole('button', { name: 'Join', exact: true }).click();
      const codeField = page2.getByLabel('Enrolment code');
      await expect(codeField).toHaveAttribute('aria-invalid', 'true');
      await expect(codeField).toHaveAccessibleDescription(
        /This enrolment code has already been used\. Ask your administrator for a new one\./,
      );
      await expect(page2.getByLabel('Server address')).toHaveAttribute('aria-invalid', 'false');
      await screenshot(page2, 'sync-first-run-code-used');

      // A normal code for the centre: its data comes down, with progress.
      await codeField.fill(await server.code(centreId));
      proxy.slow(1500, /^\/v1\/sync\/(snapshot|pull)/);
      await page2.getByRole('button', { name: 'Join', exact: true }).click();
      await expect(codeField).toHaveAttribute('aria-invalid', 'false');
      await expect(page2.getByRole('progressbar', { name: 'Joining progress' })).toBeAttached();
      await expect(page2.getByText(/^Receiving the centre's data: [\d,]+ of [\d,]+ records$/)).toBeVisible({ timeout: 30_000 });
      await expect(page2.getByRole('button', { name: 'Set up a new centre instead' })).toHaveCount(0);
      await bothSchemes(page2, 'sync-joining-first-run');
      proxy.slow(0);

      // Its user signs in with workstation 1's manager account and sees its startup.
      await signIn(page2, manager);
      await expect(page2.getByTestId('centre-name')).toHaveText(CENTRE);
      await findStartup(page2, 'Sehat Kahani Labs');
      await goTo(page2, 'Sync');
      await expectSynced(page2);

      // A startup added on workstation 2 reaches workstation 1 after "Sync now" on both.
      await goTo(page2, 'Startups');
      await addStartup(page2, 'Bazaar Wala', 'E-commerce');
      await syncNow(page2);
      await syncNow(page);
      await findStartup(page, 'Bazaar Wala');

      // The other way round without a click: the background sync brings it within seconds.
      await goTo(page, 'Startups');
      await addStartup(page, 'Chai Cloud Labs', 'Fintech');
      await findStartup(page2, 'Chai Cloud Labs');
      await goTo(page, 'Sync');
      await expectSynced(page);
      await goTo(page2, 'Sync');
      await expectSynced(page2);

      expect(second.problems, 'workstation 2 logged errors').toEqual([]);
    } finally {
      proxy.slow(0);
      await second.close();
    }
  });

  test('joining errors are said in words, and a centre without a manager gets its first one', async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('button', { name: 'Join a central server instead' }).click();
    const codeField = page.getByLabel('Enrolment code');
    const addressField = page.getByLabel('Server address');

    // Nothing answers at the address: a plain message above the form, no field blamed.
    const nowhere = `http://127.0.0.1:${await closedPort()}`;
    await fillJoinForm(page, nowhere, 'AAAA-BBBB-CCCC-DDDD');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(
      `The server could not be reached at ${nowhere}. Check the address and this computer's network connection.`,
    );
    await expect(codeField).toHaveAttribute('aria-invalid', 'false');
    await expect(addressField).toHaveAttribute('aria-invalid', 'false');
    await screenshot(page, 'sync-first-run-unreachable');

    // A code the server does not know: beside the code field.
    await addressField.fill(server.url);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(codeField).toHaveAttribute('aria-invalid', 'true');
    await expect(codeField).toHaveAccessibleDescription(/^This enrolment code is not known\./);
    await expect(page.getByRole('alert')).toHaveCount(0);

    // A centre created on the server, with nobody in it yet: the first manager is made here.
    const { code } = await server.centreWithCode('National Incubation Center Quetta');
    await codeField.fill(code);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Create the first manager' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/National Incubation Center Quetta has no manager account yet/)).toBeVisible();
    await screenshot(page, 'sync-first-manager');
    const quetta = { name: 'Zarghuna Kakar', email: 'zarghuna@nic-quetta.pk', password: 'pine nuts from zhob' };
    await page.getByLabel('Your name').fill(quetta.name);
    await page.getByLabel('Email').fill(quetta.email);
    await page.getByLabel('Password', { exact: true }).fill(quetta.password);
    await page.getByLabel('Confirm password').fill(quetta.password);
    await page.getByRole('button', { name: 'Create and sign in' }).click();
    await expect(page.getByRole('button', { name: `Account menu for ${quetta.name}` })).toBeVisible();
    await expect(page.getByTestId('centre-name')).toHaveText('National Incubation Center Quetta');
    // The new manager goes to the server with the next sync.
    await syncNow(page);
    await expectSynced(page);
  });

  test('with the server stopped the shell says offline, with the changes waiting, and tries again when the network is back', async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: 'light' });
    // A server of its own, since this one is stopped.
    const own = await startRealServer();
    let stopped = false;
    try {
      await setUpCentre(page, 'National Incubation Center Lahore');
      const { code } = await own.centreWithCode('National Incubation Center Lahore', { upload: true });
      await goTo(page, 'Sync');
      await fillJoinForm(page, own.url, code, 'Reception');
      await page.getByRole('button', { name: 'Join', exact: true }).click();
      await expectSynced(page);
      await dismissToasts(page);

      await own.stop();
      stopped = true;
      await goTo(page, 'Startups');
      await addStartup(page, 'Rozee Robotics', 'Manufacturing');
      const status = await callAsSignedIn(page, 'sync.status', {});
      const waiting = (status as { value: { pendingChanges: number } }).value.pendingChanges;
      expect(waiting).toBeGreaterThan(0);

      // The background sync tries 2 s after the change and finds nobody there.
      const indicator = page.getByTestId('sync-indicator');
      await expect(indicator).toHaveText(`Offline — ${waiting} changes waiting`, { timeout: 30_000 });
      await expect(page.getByRole('status').filter({ has: indicator })).toHaveCount(1);

      await indicator.click();
      await expect(page.getByRole('heading', { name: 'Sync', level: 1 })).toBeVisible();
      await expect(page.getByTestId('sync-connection')).toHaveText(/The server could not be reached/);
      await expect(page.getByTestId('sync-pending')).toHaveText(new RegExp(`${waiting} changes to \\d+ records?`));
      const problem = page.getByRole('alert').filter({ hasText: 'The last sync did not finish' });
      await expect(problem).toContainText(
        'The server could not be reached. Changes are kept on this computer and sent when the connection is back.',
      );
      await dismissToasts(page);
      await bothSchemes(page, 'sync-offline');

      // "Sync now" says the same in a toast, and nothing is lost.
      await page.getByRole('button', { name: 'Sync now' }).click();
      const toast = page.locator('.mantine-Notification-root').filter({ hasText: 'Sync did not finish' });
      await expect(toast).toContainText('The server could not be reached.');
      await expect(indicator).toHaveText(`Offline — ${waiting} changes waiting`);

      // The computer's network coming back (the browser's online event) starts a sync at
      // once: three in a row, each within 2 s, where the backoff alone (by now 10 s or more
      // between tries) could not have made them.
      const lastAttempt = async () =>
        ((await callAsSignedIn(page, 'sync.status', {})) as { value: { lastAttemptAt: string | null } }).value.lastAttemptAt;
      for (let i = 0; i < 3; i++) {
        const before = await lastAttempt();
        await page.evaluate(() => window.dispatchEvent(new Event('online')));
        await expect.poll(lastAttempt, { timeout: 2_000, intervals: [100] }).not.toBe(before);
      }
    } finally {
      if (!stopped) await own.stop();
    }
  });
});
