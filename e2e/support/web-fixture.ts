/**
 * Playwright fixture for the browser UI: each test gets its own core on a fresh data
 * folder, started as `npm run web` would (`tsx core/host/web-cli.ts --data DIR --port 0`),
 * and a page already opened at the address it printed. The process and the folder are
 * removed after the test.
 *
 * The UI must be built first (`vite build`, as `npm run test:e2e` does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { CHROMIUM_MISSING, findChromium } from './browser.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const URL_LINE = /^http:\/\/127\.0\.0\.1:\d+\/\S*$/;
const START_TIMEOUT_MS = 60_000;

export interface WebApp {
  /** The address printed by the host, token included. */
  url: string;
  dataDir: string;
  /** Everything the host wrote to stderr so far (for failure messages). */
  stderr(): string;
}

/** Skips the file's tests, with the reason, when there is no Chromium to drive. */
export function skipWithoutChromium(): void {
  base.skip(findChromium() === null, CHROMIUM_MISSING);
}

/** Starts the web host on `dataDir` and resolves with the URL it prints. */
export async function startWebHost(dataDir: string): Promise<{ url: string; child: ChildProcess; stderr: () => string }> {
  const builtUi = path.join(projectRoot, 'dist', 'renderer', 'index.html');
  if (!fs.existsSync(builtUi)) throw new Error(`The UI is not built (${builtUi} is missing): run \`npx vite build\` first.`);
  // Its own process group, so that stopping it also stops what npx started.
  const child = spawn('npx', ['tsx', 'core/host/web-cli.ts', '--data', dataDir, '--port', '0'], {
    cwd: projectRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => fail(`no address printed within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    function fail(why: string) {
      clearTimeout(timer);
      reject(new Error(`The web host did not start: ${why}.\n${stderr}`));
    }
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split(/\r?\n/);
      buffered = lines.pop() ?? '';
      const found = lines.map((line) => line.trim()).find((line) => URL_LINE.test(line));
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`it exited (${signal ?? `code ${code}`})`));
  });
  return { url, child, stderr: () => stderr };
}

export async function stopWebHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return; // Already gone.
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

/** Collects console errors and uncaught exceptions of the page. */
function watchConsole(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
}

/**
 * A page that fails its test if it logged a console error or threw: for specs that open
 * their own host (e2e/web/trainees-host.ts) rather than the fresh one of `test`.
 */
export const watchedPageTest = base.extend<{ consoleProblems: string[] }>({
  /** Console errors seen so far; the page fixture fails the test if any remain at its end. */
  // eslint-disable-next-line no-empty-pattern
  consoleProblems: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, consoleProblems }, use) => {
    watchConsole(page, consoleProblems);
    await use(page);
    expect(consoleProblems, 'the page logged errors').toEqual([]);
  },
});

/** Each test gets a web host on a new, empty data folder, and a watched page opened on it. */
export const test = watchedPageTest.extend<{ webApp: WebApp }>({
  // eslint-disable-next-line no-empty-pattern
  webApp: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-e2e-'));
    const host = await startWebHost(dataDir);
    try {
      await use({ url: host.url, dataDir, stderr: host.stderr });
    } finally {
      await stopWebHost(host.child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
  page: async ({ page, webApp }, use) => {
    await page.goto(webApp.url);
    await use(page);
  },
});

export { expect };

/** Saves a screenshot under e2e/screenshots/ (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(projectRoot, 'e2e', 'screenshots', `${name}.png`), fullPage: true });
}
