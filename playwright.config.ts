/**
 * End-to-end tests: the real UI in Debian's Chromium against the real core (`npm run web`),
 * and the Electron app when an Electron binary exists. Specs skip with a clear reason on a
 * machine without Chromium (see e2e/support/browser.ts); .ci/run installs it.
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/browser.js';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
  },
});
