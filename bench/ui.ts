/**
 * UI figures in Chromium through playwright-core, against the real core over the web host:
 * from clicking "Trainees" to the first rows shown, and from one keystroke in the search box
 * to the list showing the updated rows. The page is reloaded before each run so no cached page is reused.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { Core } from '../core/host/core.js';
import { startWebHost } from '../core/host/web.js';
import { connectInProcess } from '../core/host/in-process.js';
import type { SessionUser } from '../core/context.js';
import { chromiumLaunchOptions } from '../e2e/support/browser.js';
import { summarise, type Row, BENCH_MANAGER as MANAGER } from './stats.js';

export const UI_AREA = 'UI (Chromium)';

export async function benchUi(core: Core, runs: number, root: string): Promise<Row[]> {
  const area = UI_AREA;
  const launch = chromiumLaunchOptions();
  if (!launch.executablePath) {
    console.error('UI benchmark skipped: no Chromium found (install Debian’s chromium or set CHROMIUM_PATH).');
    return [];
  }
  // Built from the current source into the bench's own folder: dist/ may be stale, or
  // being rebuilt by a test run at the same time.
  const rendererDir = path.join(root, 'bench', 'data', 'renderer');
  console.error('UI: building the renderer…');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', rendererDir, '--emptyOutDir'],
    { cwd: root, stdio: 'ignore' },
  );
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

    const firstRows: number[] = [];
    for (let i = 0; i <= runs; i++) {
      // A fresh page each time (reload, not a hash change), so no cached list is reused.
      await page.goto(`${host.url.split('#')[0]}#/`);
      await page.reload();
      await traineesLink.waitFor();
      console.error(`UI: open Trainees, run ${i + 1} of ${runs + 1}`);
      const shown = await armTiming(page, 'click', null);
      await traineesLink.click();
      const ms = await shown();
      if (i > 0) firstRows.push(ms); // the first run warms up
    }

    const keystroke: number[] = [];
    const search = page.getByLabel('Search', { exact: true });
    for (const [i, { typed, shown, lastKey, expected }] of (await keystrokeCases(core, runs + 1)).entries()) {
      console.error(`UI: keystroke "${typed}" + "${lastKey}", run ${i + 1}`);
      await search.fill(typed);
      await firstRowShows(page, shown);
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { polling: 'raf' });
      const updated = await armTiming(page, 'keydown', expected);
      await search.press(lastKey);
      const ms = await updated();
      if (i > 0) keystroke.push(ms);
    }
    return [
      { area, measure: 'Click "Trainees" → first rows shown', unit: 'ms', ...summarise(firstRows), target: '≤ 300 ms' },
      {
        area,
        measure: 'Keystroke in search (3rd → 4th letter of a name) → updated rows shown',
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

interface KeystrokeCase {
  typed: string;
  /** The first row for the typed letters. */
  shown: string;
  lastKey: string;
  /** The first row once the last key is in. */
  expected: string;
}

/**
 * Search terms for the keystroke figure: the first three letters of a name are typed and
 * their results shown; the timed key is the fourth letter. Only names whose fourth letter
 * changes the first row are used, so "updated rows shown" is a visible change: the first
 * row becomes the one core returns for the four letters (asked through the same API).
 */
async function keystrokeCases(core: Core, count: number): Promise<KeystrokeCase[]> {
  const { client, connection } = connectInProcess(core);
  connection.user = core.db.prepare('SELECT id, name, email, role FROM users WHERE email = ?').get(MANAGER.email) as SessionUser;
  const firstName = async (search: string) => (await client.call('trainees.list', { search, limit: 1 })).items[0]?.name ?? '';
  const sample = core.db.prepare('SELECT name FROM trainees WHERE deleted = 0 AND rowid % 4999 = 0 LIMIT 400').all() as {
    name: string;
  }[];
  const cases: KeystrokeCase[] = [];
  const seen = new Set<string>();
  for (const { name } of sample) {
    const word = name.split(' ')[0]!.toLowerCase();
    if (word.length < 4 || seen.has(word.slice(0, 4))) continue;
    seen.add(word.slice(0, 4));
    const [before, after] = [await firstName(word.slice(0, 3)), await firstName(word.slice(0, 4))];
    if (before !== after) cases.push({ typed: word.slice(0, 3), shown: before, lastKey: word[3]!, expected: after });
    if (cases.length === count) break;
  }
  connection.close();
  return cases;
}

/**
 * Times, inside the page, from the next `event` (the real input event Chromium dispatches
 * for Playwright's click or key press) to the DOM change after which the first trainee row
 * shows `name` (or any row, for null); the browser paints it in the next frame. Measuring in the page leaves out
 * Playwright's own round trips (50–130 ms per action on this machine), which no user waits for.
 */
async function armTiming(page: Page, event: 'click' | 'keydown', name: string | null): Promise<() => Promise<number>> {
  // A string, not a function: tsx compiles functions with helpers (__name) the page lacks.
  // Checked on every DOM change: requestAnimationFrame does not run in headless Chromium
  // when nothing asks for a frame, and polling would add its interval.
  await page.evaluate(`
    window.__timing = new Promise((resolve) => {
      const expected = ${JSON.stringify(name)};
      const shows = () => {
        const first = document.querySelector('[data-testid="trainee-row"]');
        return !!first && (expected === null || (first.textContent || '').includes(expected));
      };
      document.addEventListener(${JSON.stringify(event)}, () => {
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (!shows()) return;
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      }, { once: true, capture: true });
    });
    undefined; // evaluate() would otherwise wait for the promise it just made`);
  return async () => (await page.evaluate('window.__timing')) as number;
}

/** Waits until the first trainee row shows this name (or any row, for null). */
async function firstRowShows(page: Page, name: string | null): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const first = document.querySelector('[data-testid="trainee-row"]');
      return !!first && (expected === null || (first.textContent ?? '').includes(expected));
    },
    name,
    { polling: 'raf' },
  );
}
