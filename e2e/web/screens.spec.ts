/**
 * Every screen (first run, sign-in, dashboard, startups, mentors, sessions, trainees,
 * programmes, reports, settings, sync, the help overlay, the search and the main dialogs), with a
 * centre's worth of demo data, photographed for review at 1280×800 in the light and the dark
 * scheme and at 1024×700 (e2e/screenshots/screens-<size>-<scheme>/).
 * At each size no screen may be wider than the window: wide tables scroll inside their panel.
 */
import type { Page } from '@playwright/test';
import { quarterOf, shiftQuarter } from '../../shared/reports/quarters.js';
import { expect, screenshot, skipWithoutChromium, test } from '../support/web-fixture.js';
import { callAsSignedIn, seedDemoData, setUpCentre } from './centre.js';

skipWithoutChromium();

test.use({ timezoneId: 'Asia/Karachi', actionTimeout: 15_000 });

const VARIANTS = [
  { width: 1280, height: 800, scheme: 'light' },
  { width: 1280, height: 800, scheme: 'dark' },
  { width: 1024, height: 700, scheme: 'light' },
] as const;

/** Opens a screen by its address and waits until nothing on it is still loading. */
async function open(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator('.mantine-Skeleton-root')).toHaveCount(0);
}

/** How far the page is wider than the window, in pixels (0: it fits). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

for (const variant of VARIANTS) {
  const folder = `screens-${variant.width}-${variant.scheme}`;
  test(`every screen at ${variant.width}×${variant.height}, ${variant.scheme}`, async ({ page, webApp }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: variant.width, height: variant.height });
    await page.emulateMedia({ colorScheme: variant.scheme });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await screenshot(page, `${folder}/first-run`);
    await setUpCentre(page);
    await seedDemoData(webApp.dataDir);
    await page.reload();
    await expect(page.getByTestId('centre-name')).toBeVisible();

    // A startup and a mentor who have sessions together, and a programme with cohorts.
    const sessions = await callAsSignedIn(page, 'sessions.list', { sort: { field: 'startsAt', direction: 'desc' }, limit: 1 });
    const session = (
      sessions.ok ? (sessions.value as { items: { startupId: string; mentorId: string }[] }).items[0] : undefined
    )!;
    const programmes = await callAsSignedIn(page, 'programmes.list', { limit: 1 });
    const programme = (programmes.ok ? (programmes.value as { items: { id: string }[] }).items[0] : undefined)!;
    const startup = `#/startups/${session.startupId}`;
    const trainees = await callAsSignedIn(page, 'trainees.list', { limit: 1 });
    const trainee = (trainees.ok ? (trainees.value as { items: { id: string }[] }).items[0] : undefined)!;

    const lastQuarter = shiftQuarter(quarterOf(new Date().toISOString()), -1);

    const screens: [string, string][] = [
      ['dashboard', '#/dashboard'],
      ['startups', '#/startups'],
      ['startup-profile', startup],
      ['startup-founders', `${startup}/founders`],
      ['startup-mentors', `${startup}/mentors`],
      ['startup-sessions', `${startup}/sessions`],
      ['startup-check-ins', `${startup}/check-ins`],
      ['startup-milestones', `${startup}/milestones`],
      ['startup-history', `${startup}/history`],
      ['mentors', '#/mentors'],
      ['mentor', `#/mentors/${session.mentorId}`],
      ['sessions', '#/sessions'],
      ['action-items', '#/sessions?tab=actions'],
      ['trainees', '#/trainees'],
      ['trainee', `#/trainees/${trainee.id}`],
      ['programmes', '#/programmes'],
      ['programme', `#/programmes/${programme.id}`],
      ['reports', '#/reports'],
      ['settings-users', '#/settings?tab=users'],
      ['settings-appearance', '#/settings?tab=appearance'],
      ['settings-data', '#/settings?tab=data'],
      ['settings-backups', '#/settings?tab=backups'],
      ['sync', '#/sync'],
    ];
    const tooWide: string[] = [];
    for (const [name, hash] of screens) {
      await open(page, hash);
      if (name === 'reports') {
        // The report is computed after the screen opens: its skeletons may not be up yet when open() looks.
        await expect(page.getByTestId('report-scope')).toBeVisible({ timeout: 30_000 });
        await expect(page.locator('.mantine-Skeleton-root')).toHaveCount(0);
      }
      await page.mouse.move(1, 1);
      await screenshot(page, `${folder}/${name}`);
      const extra = await overflow(page);
      if (extra > 0) tooWide.push(`${name} (+${extra}px)`);
    }

    // Dialogs: a new startup, a session being logged, a mentor being assigned.
    await open(page, '#/startups');
    await page.getByRole('button', { name: 'New startup' }).first().click();
    await expect(page.getByRole('dialog', { name: 'New startup' })).toBeVisible();
    await page.waitForTimeout(300); // The opening transition.
    await screenshot(page, `${folder}/dialog-new-startup`);
    await page.getByRole('dialog', { name: 'New startup' }).getByRole('button', { name: 'Cancel' }).click();
    await open(page, `${startup}/mentors`);
    const assign = page.getByRole('button', { name: 'Assign mentor' });
    await assign.click();
    await expect(page.getByRole('dialog', { name: 'Assign a mentor' })).toBeVisible();
    await page.waitForTimeout(300);
    await screenshot(page, `${folder}/dialog-assign-mentor`);
    await page.keyboard.press('Escape'); // The mentor list, open while the search box has the focus.
    await page.getByRole('dialog', { name: 'Assign a mentor' }).getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.keyboard.press('Control+L');
    await expect(page.getByRole('dialog', { name: 'Log a session' })).toBeVisible();
    await page.getByRole('button', { name: 'Add action item' }).click();
    await page.waitForTimeout(300);
    await screenshot(page, `${folder}/dialog-log-session`);
    if ((await overflow(page)) > 0) tooWide.push('dialog-log-session');
    await page.getByRole('dialog', { name: 'Log a session' }).getByRole('button', { name: 'Cancel' }).click();

    // The report of the quarter before (the same screen: wait for its report to replace this quarter's).
    await open(page, `#/reports?quarter=${lastQuarter}`);
    await expect(page.getByTestId('report-quarter-name')).toContainText(lastQuarter);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await page.mouse.move(1, 1);
    await screenshot(page, `${folder}/reports-last-quarter`);
    if ((await overflow(page)) > 0) tooWide.push('reports-last-quarter');

    // The records behind a report's figure.
    await open(page, '#/reports?show=mentoring.hours');
    const records = page.getByRole('dialog', { name: /^Mentor hours/ });
    await expect(records.getByTestId('report-row').first()).toBeVisible();
    await expect(records.locator('.mantine-Skeleton-root')).toHaveCount(0);
    await page.waitForTimeout(300);
    await screenshot(page, `${folder}/dialog-report-records`);
    if ((await overflow(page)) > 0) tooWide.push('dialog-report-records');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // The keyboard shortcuts overlay.
    await page.locator('body').press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.waitForTimeout(300);
    await screenshot(page, `${folder}/help-overlay`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // The search, and the sign-in screen.
    await page.keyboard.press('Control+K');
    await page.getByRole('textbox', { name: 'Search startups, mentors and trainees' }).fill('ka');
    await page.waitForTimeout(500);
    await screenshot(page, `${folder}/search`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Account menu for/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await screenshot(page, `${folder}/sign-in`);

    expect(tooWide, 'screens wider than the window').toEqual([]);
  });
}
