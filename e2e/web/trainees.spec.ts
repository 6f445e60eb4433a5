/**
 * The trainee register at scale, in the browser UI against the real core: 100,000 seeded
 * trainees in a virtualised table, search as you type, a far scroll, revealing a CNIC as a
 * manager, and a duplicate CNIC refused with a link to the trainee who holds it.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, skipWithoutChromium, watchedPageTest as test } from '../support/web-fixture.js';
import { signIn, startSeededHost, type SeededHost } from './trainees-host.js';

skipWithoutChromium();

let host: SeededHost;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  host = await startSeededHost(['--trainees', '100000', '--startups', '20', '--mentors', '10', '--sessions', '50']);
});

test.afterAll(async () => {
  await host?.stop();
});

const rows = (page: Page) => page.getByTestId('trainee-row');
const countLine = (page: Page) => page.getByTestId('trainees-count');

test('100,000 trainees: search, far scroll, reveal, duplicate CNIC', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, host.url);

  // The list: rows appear, with the total from the first page.
  const opened = Date.now();
  await page.getByRole('link', { name: 'Trainees' }).click();
  await expect(rows(page).first()).toBeVisible();
  console.log(`first rows after ${Date.now() - opened} ms`);
  await expect(countLine(page)).toContainText('of 100,000 trainees');
  await expect(rows(page).first().getByRole('cell').nth(1)).toHaveText(/^\d\*{4}-\*{7}-\d$/);
  await screenshot(page, 'trainees-list');

  // Search as you type: every row on screen matches both words as prefixes.
  const typed = Date.now();
  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('ali kar');
  await expect(countLine(page)).not.toContainText('100,000');
  await expect(page.getByRole('table', { name: 'Trainees' })).not.toHaveAttribute('aria-busy', 'true');
  console.log(`search answered after ${Date.now() - typed} ms: ${await countLine(page).textContent()}`);
  expect(page.url()).toContain('q=ali+kar');
  const found = await rows(page).allInnerTexts();
  expect(found.length).toBeGreaterThan(3);
  for (const text of found) {
    const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    expect(words.some((w) => w.startsWith('ali')) && words.some((w) => w.startsWith('kar')), text).toBe(true);
  }

  // Back to everyone, then far down: rows still render, fetched for that place.
  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('');
  await expect(countLine(page)).toContainText('of 100,000 trainees');
  const viewport = page.getByTestId('trainees-viewport');
  await viewport.evaluate((el) => el.scrollTo({ top: el.scrollHeight * 0.87 }));
  const scrolled = Date.now();
  await expect(countLine(page)).toContainText(/Rows 8\d,\d{3}–/);
  await expect(page.getByTestId('trainee-row-loading')).toHaveCount(0);
  console.log(`rows near ${await countLine(page).textContent()} after ${Date.now() - scrolled} ms`);
  expect(await rows(page).count()).toBeGreaterThan(5);
  // The third row on screen (rows above and below it are rendered too, off screen).
  const firstShown = Number(/Rows ([\d,]+)/.exec((await countLine(page).textContent()) ?? '')![1]!.replace(/,/g, ''));
  const deepRow = page.locator(`[data-testid="trainee-row"][aria-rowindex="${firstShown + 3}"]`);
  await expect(deepRow).toBeInViewport();
  const deepName = (await deepRow.getByRole('link').textContent()) ?? '';
  expect(deepName.length).toBeGreaterThan(2);

  // Open a trainee and reveal the CNIC as the centre's manager.
  await deepRow.getByRole('link').click();
  await expect(page.getByRole('heading', { name: deepName, level: 1 })).toBeVisible();
  await expect(page.getByTestId('trainee-cnic')).toHaveText(/^\d\*{4}-\*{7}-\d$/);
  await page.getByRole('button', { name: 'Reveal CNIC' }).click();
  await expect(page.getByTestId('trainee-cnic')).toHaveText(/^\d{5}-\d{7}-\d$/);
  const cnic = (await page.getByTestId('trainee-cnic').textContent())!;
  await expect(page.getByRole('button', { name: 'Hide CNIC' })).toBeVisible();
  await screenshot(page, 'trainee-detail');

  // A new trainee with that CNIC: core's conflict names the trainee, with a link; nothing saved.
  await page.getByRole('link', { name: 'Trainees', exact: true }).first().click();
  await expect(rows(page).first()).toBeVisible();
  await page.getByRole('button', { name: 'New trainee' }).click();
  const dialog = page.getByRole('dialog', { name: 'New trainee' });
  await dialog.getByLabel('Name').fill('Zarmeena Duplicate-Check');
  await dialog.getByLabel('CNIC').fill(cnic.replace(/-/g, ''));
  await dialog.getByLabel('City').fill('Karachi');
  await dialog.getByRole('button', { name: 'Add trainee' }).click();
  const conflict = dialog.getByTestId('conflict-cnic');
  await expect(conflict).toContainText(`Another trainee has this CNIC: ${deepName}`);
  await expect(dialog.getByLabel('CNIC')).toHaveAttribute('aria-invalid', 'true');
  const link = conflict.getByRole('link', { name: new RegExp(`^Open ${deepName}`) });
  await expect(link).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('Zarmeena Duplicate');
  await expect(page.getByRole('heading', { name: 'No trainees match' })).toBeVisible();
});
