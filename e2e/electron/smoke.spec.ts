/**
 * The desktop app itself: Electron with the real main process, preload and core (over the
 * utilityProcess port). First run on a fresh data folder, then sign out and back in; joining
 * the real sync server, with the device token kept by the main process (safeStorage).
 *
 * Skips, saying why, wherever the app cannot run: no Electron binary (the electron package
 * is installed without its download), bundles or the Electron build of better-sqlite3 not
 * built yet, or no display to open a window on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { startRealServer } from '../../core/sync/testing/real-server.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const electronPackage = path.join(projectRoot, 'node_modules', 'electron');

/**
 * The Electron executable, found the way node_modules/electron/index.js finds it. That file
 * is not required here on purpose: when the binary is missing it tries to download it (and
 * throws when it cannot), which a test run must never do.
 */
function findElectron(): { path: string } | { missing: string } {
  try {
    const pathFile = path.join(electronPackage, 'path.txt');
    const executable = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const binary = override
      ? path.join(override, executable || 'electron')
      : executable
        ? path.join(electronPackage, 'dist', executable)
        : null;
    if (binary && fs.existsSync(binary)) return { path: binary };
    return {
      missing:
        `No Electron binary (${binary ?? 'node_modules/electron/path.txt is missing'}): the electron package is installed without ` +
        'its download. Fetch it with `node node_modules/electron/install.js` (needs github.com) or set ELECTRON_OVERRIDE_DIST_PATH.',
    };
  } catch (error) {
    return { missing: `Cannot locate the Electron binary: ${String(error)}` };
  }
}

function electronVersion(): string | null {
  try {
    return (JSON.parse(fs.readFileSync(path.join(electronPackage, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

function whyNotRunnable(): string | null {
  const electron = findElectron();
  if ('missing' in electron) return electron.missing;
  const bundles = ['main.cjs', 'preload.cjs', 'core.cjs'].map((file) => path.join(projectRoot, 'dist-electron', file));
  const unbuilt = bundles.filter((file) => !fs.existsSync(file));
  if (unbuilt.length > 0)
    return `The app is not built (${unbuilt.map((f) => path.relative(projectRoot, f)).join(', ')} missing): run \`npm run build:app\`.`;
  if (!fs.existsSync(path.join(projectRoot, 'dist', 'renderer', 'index.html')))
    return 'The UI is not built (dist/renderer/index.html): run `npm run build:app`.';
  const version = electronVersion();
  const nativeModule = path.join(projectRoot, '.electron-native', version ?? 'unknown', 'better_sqlite3.node');
  if (!fs.existsSync(nativeModule)) {
    return `better-sqlite3 is not built for Electron (${path.relative(projectRoot, nativeModule)}): run \`node scripts/electron-native.mjs\`.`;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'No display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset): run the tests under `xvfb-run`.';
  }
  return null;
}

const reason = whyNotRunnable();
test.skip(reason !== null, reason ?? '');

const manager = {
  centre: 'National Incubation Center Peshawar',
  name: 'Bilal Afridi',
  email: 'bilal@nic-peshawar.pk',
  password: 'apricots from swat valley',
};

let dataRoot: string;
let app: ElectronApplication | null = null;

test.beforeEach(() => {
  dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-electron-e2e-'));
});

test.afterEach(async () => {
  await app?.close();
  app = null;
  fs.rmSync(dataRoot, { recursive: true, force: true });
});

async function launch(): Promise<ElectronApplication> {
  const executablePath = (findElectron() as { path: string }).path;
  // Chromium refuses to start as root with its sandbox on (CI containers); our own
  // renderer sandbox (sandbox: true, contextIsolation) still applies.
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return _electron.launch({
    executablePath,
    args: [...(isRoot ? ['--no-sandbox'] : []), path.join(projectRoot, 'dist-electron', 'main.cjs')],
    cwd: projectRoot,
    env: { ...process.env, INCUBATOR_DATA_DIR: path.join(dataRoot, 'data') } as Record<string, string>,
    timeout: 60_000,
  });
}

async function setUpCentre(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Set up this workstation' })).toBeVisible();
  await page.getByLabel('Centre name').fill(manager.centre);
  await page.getByLabel('Your name').fill(manager.name);
  await page.getByLabel('Email').fill(manager.email);
  await page.getByLabel('Password', { exact: true }).fill(manager.password);
  await page.getByLabel('Confirm password').fill(manager.password);
  await page.getByRole('button', { name: 'Create centre' }).click();
  await expect(page.getByTestId('centre-name')).toHaveText(manager.centre);
}

test('first run, sign out and sign in again in the desktop app', async () => {
  app = await launch();
  const page = await app.firstWindow();

  // The page comes from app:// and sees only the bridge.
  expect(page.url()).toBe('app://incubator-desk/index.html');
  expect(
    await page.evaluate(() => Object.keys((window as unknown as { incubatorBridge: object }).incubatorBridge).sort()),
  ).toEqual(['platform', 'send', 'subscribe']);
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  // No Node in the page (nodeIntegration off, context isolated): nothing but the bridge leaks in.
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');

  // First run: the centre and its manager, who is signed in straight away.
  await setUpCentre(page);

  // Sign out and back in.
  await page.getByRole('button', { name: `Account menu for ${manager.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(manager.email);
  await page.getByLabel('Password').fill(manager.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: `Account menu for ${manager.name}` })).toBeVisible();

  // The database is where INCUBATOR_DATA_DIR said, not in the user's profile.
  expect(fs.readdirSync(path.join(dataRoot, 'data')).length).toBeGreaterThan(0);
});

test('joining a central server keeps the device token in the key store, or refuses without one', async () => {
  test.setTimeout(240_000);
  const server = await startRealServer();
  try {
    app = await launch();
    const page = await app.firstWindow();
    await setUpCentre(page);
    // What main's token vault (electron/token-vault.ts) will find on this computer.
    const keyStore = await app.evaluate(({ safeStorage }) => ({
      available: safeStorage.isEncryptionAvailable(),
      backend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
    }));
    const { code } = await server.centreWithCode(manager.centre, { upload: true });
    await page.getByRole('navigation').getByRole('link', { name: 'Sync', exact: true }).click();
    await page.getByLabel('Server address').fill(server.url);
    await page.getByLabel('Enrolment code').fill(code);
    await page.getByRole('button', { name: 'Join', exact: true }).click();

    const dataDir = path.join(dataRoot, 'data');
    const sealed = path.join(dataDir, 'sync-token.enc');
    if (keyStore.available && keyStore.backend !== 'basic_text') {
      // Joined and synced; the token is sealed by safeStorage, never written in plain text.
      await expect(page.getByTestId('sync-pending')).toContainText('Nothing: all changes are on the server', {
        timeout: 60_000,
      });
      await expect(page.getByText("The device token is kept in this computer's secure storage.")).toBeVisible();
      if (process.platform !== 'win32') expect(fs.statSync(sealed).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(sealed).toString('latin1')).not.toMatch(/^[A-Za-z0-9_-]{43}\s*$/);
      expect(fs.existsSync(path.join(dataDir, 'sync-token'))).toBe(false);
      await page.getByRole('button', { name: 'Sync now' }).click();
      await expect(page.getByText(/^Synced: \d+ sent, \d+ received\.$/)).toBeVisible({ timeout: 60_000 });
    } else {
      // No key store (or Linux's basic_text): the join fails, and no token is kept anywhere.
      await expect(page.getByRole('alert')).toBeVisible({ timeout: 60_000 });
      await expect(page.getByRole('heading', { name: 'Join a central server' })).toBeVisible();
      expect(fs.existsSync(sealed)).toBe(false);
      expect(fs.existsSync(path.join(dataDir, 'sync-token'))).toBe(false);
    }
  } finally {
    await app?.close();
    app = null;
    await server.stop();
  }
});
