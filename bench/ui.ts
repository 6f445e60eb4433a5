/**
 * UI figures in Chromium through playwright-core, against the real core over the web host:
 * from clicking "Trainees" to the first rows shown, and from typing a search to the list
 * showing matching rows. The page is reloaded before each run so no cached page is reused.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import type { Core } from '../core/host/core.js';
import { startWebHost } from '../core/host/web.js';
import { chromiumLaunchOptions } from '../e2e/support/browser.js';
import { summarise, type Row, BENCH_MANAGER as MANAGER } from './stats.js';


export async function benchUi(core: Core, runs: number, root: string): Promise<Row[]> {
  const area = 'UI (Chromium)';
  const launch = chromiumLaunchOptions();
  if (!launch.executablePath) {
    console.error('UI benchmark skipped: no Chromium found (install Debian’s chromium or set CHROMIUM_PATH).');
    return [];
  }
  const rendererDir = path.join(root, 'dist', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: root, stdio: 'ignore' });
  }
  const host = await startWebHost(core, { rendererDir });
  const browser = await chromium.launch({ ...launch, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Password', { exact: true }).fill(MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const traineesLink = page.getByRole('link', { name: 'Trainees' });
    await traineesLink.waitFor();
    const rows = page.locator('[data-testid="trainee-row"]');

    const firstRows: number[] = [];
    for (let i = 0; i <= runs; i++) {
      await page.goto(`${host.url.split('?')[0]}#/`);
      await traineesLink.waitFor();
      const start = performance.now();
      await traineesLink.click();
      await rows.first().waitFor();
      if (i > 0) firstRows.push(performance.now() - start); // the first run warms up
    }

    const names = core.db.prepare('SELECT name FROM trainees WHERE deleted = 0 AND rowid % 4999 = 0 LIMIT ?').all(runs + 1) as {
      name: string;
    }[];
    const search = page.getByLabel('Search', { exact: true });
    const keystroke: number[] = [];
    for (const [i, { name }] of names.entries()) {
      const term = name.split(' ')[0]!.slice(0, 4).toLowerCase();
      await search.fill('');
      await rows.first().waitFor();
      const start = performance.now();
      await search.pressSequentially(term, { delay: 0 });
      await page.waitForFunction(
        (t) => {
          const first = document.querySelector('[data-testid="trainee-row"]');
          return !!first && (first.textContent ?? '').toLowerCase().includes(t);
        },
        term,
        { polling: 'raf' },
      );
      if (i > 0) keystroke.push(performance.now() - start);
    }
    return [
      { area, measure: 'Click "Trainees" → first rows shown', unit: 'ms', ...summarise(firstRows), target: '≤ 300 ms' },
      {
        area,
        measure: 'Typing a 4-letter search → matching rows shown (includes the input debounce)',
        unit: 'ms',
        ...summarise(keystroke),
        target: '≤ 100 ms',
      },
    ];
  } finally {
    await browser.close();
    await host.close();
  }
}
