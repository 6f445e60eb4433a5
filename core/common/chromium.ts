/**
 * Finds a Chromium to drive: CHROMIUM_PATH, Debian's package, or Playwright's own browsers
 * if someone installed them. Never downloads one. Core prints report PDFs with it (outside
 * the desktop app, core/reports/render/pdf.ts); the e2e tests and the bench drive the UI with
 * it (e2e/support/browser.ts re-exports this).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  for (const candidate of CANDIDATES) if (fs.existsSync(candidate)) return candidate;
  const cache = path.join(os.homedir(), '.cache', 'ms-playwright');
  if (fs.existsSync(cache)) {
    for (const dir of fs
      .readdirSync(cache)
      .filter((d) => d.startsWith('chromium'))
      .sort()
      .reverse()) {
      const exe = path.join(cache, dir, 'chrome-linux', 'chrome');
      if (fs.existsSync(exe)) return exe;
    }
  }
  return null;
}

export const CHROMIUM_MISSING =
  'No Chromium found (looked at CHROMIUM_PATH, /usr/bin/chromium and Playwright’s browser cache). ' +
  'Install Debian’s chromium package (`apt-get install chromium`) to run the browser tests; .ci/run does.';

export function chromiumLaunchOptions() {
  const executablePath = findChromium() ?? undefined;
  return {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
