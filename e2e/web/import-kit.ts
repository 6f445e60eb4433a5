/** What the import specs do again and again: screenshots, downloads, the wizard's first step. */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, screenshot } from '../support/web-fixture.js';
import { callAsSignedIn, dismissToasts, goTo } from './centre.js';

/** A screenshot of the screen as it is, in light and then dark. */
export async function shoot(page: Page, name: string): Promise<void> {
  await dismissToasts(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Reads a download's text (without a byte-order mark) as CSV lines. */
export async function downloadedLines(page: Page, click: () => Promise<void>): Promise<{ name: string; lines: string[] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return { name: download.suggestedFilename(), lines: text.split(/\r?\n/).filter((l) => l.trim() !== '') };
}

/** Picks an option of a Mantine select by the select's label. */
export async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

/** From a list's "Import…" to the wizard, with that list's kind chosen. */
export async function openWizard(page: Page, list: 'Trainees' | 'Startups' | 'Mentors'): Promise<void> {
  await goTo(page, list);
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('heading', { name: 'Import from a spreadsheet' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'What to import' })).toHaveValue(list);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Chooses the file in step 1 and reads it. */
export async function uploadAndRead(page: Page, name: string, buffer: Buffer, mimeType = name.endsWith('.xlsx') ? XLSX_TYPE : 'text/csv'): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
  await page.getByRole('button', { name: 'Upload and read' }).click();
}

/** How many records a list call matches now (read straight from core, as the signed-in user). */
export async function countOf(page: Page, list: string, query: Record<string, unknown> = {}): Promise<number> {
  const answer = await callAsSignedIn(page, list, { ...query, limit: 1 });
  if (!answer.ok) throw new Error(`${list}: ${answer.error.message}`);
  return (answer.value as { total: number }).total;
}

/** The summary's four counts as shown. */
export async function expectSummary(page: Page, counts: { added: number; updated: number; skipped: number; rejected: number }): Promise<void> {
  for (const [key, value] of Object.entries(counts)) {
    await expect(page.getByTestId(`summary-${key}-value`)).toHaveText(value.toLocaleString('en-US'));
  }
}

/** The check step's four counts as shown. */
export async function expectCheck(page: Page, counts: { total: number; valid: number; invalid: number; groups: number }): Promise<void> {
  for (const [key, value] of Object.entries(counts)) {
    await expect(page.getByTestId(`check-${key}-value`)).toHaveText(value.toLocaleString('en-US'));
  }
}
