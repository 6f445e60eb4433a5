/**
 * The trainees screens as training staff use them all day, in the browser UI against the
 * real core on a small seeded centre: sorting the list by a header (by mouse and by
 * keyboard, kept in the address), adding, editing and deleting a certification and a
 * placement, values core refuses shown beside their field with nothing saved, deleting an
 * enrolment, and a viewer who sees no edit or delete buttons. Screenshots of a trainee in
 * light and dark.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, skipWithoutChromium, watchedPageTest as test } from '../support/web-fixture.js';
import { addUser } from './centre.js';
import { signIn, startSeededHost, type SeededHost } from './trainees-host.js';

skipWithoutChromium();

let host: SeededHost;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  host = await startSeededHost(['--trainees', '300', '--startups', '10', '--mentors', '5', '--sessions', '20']);
});

test.afterAll(async () => {
  await host?.stop();
});

const rows = (page: Page) => page.getByTestId('trainee-row');
const firstName = async (page: Page) => (await rows(page).first().getByRole('link').textContent()) ?? '';
const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

/** A date a year from now, as a date input takes it. */
function nextYear(): string {
  const d = new Date();
  return `${d.getFullYear() + 1}-06-15`;
}

/** Closes the toasts, so that they cover no button and no screenshot. */
async function dismissToasts(page: Page): Promise<void> {
  const toasts = page.locator('.mantine-Notification-root');
  for (const close of await toasts.getByRole('button').all()) await close.click().catch(() => undefined);
  await expect(toasts).toHaveCount(0);
}

async function expectToast(page: Page, text: string): Promise<void> {
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: text })).toBeVisible();
  await dismissToasts(page);
}

/**
 * Opens the trainee on row `index` of the list (name order), each test its own, since the
 * tests share one centre, and waits for the profile. `certified`: among certified trainees.
 */
async function openTrainee(page: Page, index: number, certified = false): Promise<string> {
  await nav(page, 'Trainees');
  if (certified) {
    await page.getByRole('textbox', { name: 'Certified' }).click();
    await page.getByRole('option', { name: 'Certified', exact: true }).click();
    await expect(page).toHaveURL(/[?&]certified=yes/);
    await expect(page.getByTestId('trainees-count')).not.toContainText('of 300 trainees');
  }
  await expect(page.getByRole('table', { name: 'Trainees' })).not.toHaveAttribute('aria-busy', 'true');
  await rows(page).nth(index).getByRole('link').click();
  await expect(page).toHaveURL(/#\/trainees\/[0-9a-f-]{36}/);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  return (await heading.textContent()) ?? '';
}

test('sorting the list by name and by city, by mouse and by keyboard, kept in the address', async ({ page }) => {
  await signIn(page, host.url);
  await nav(page, 'Trainees');
  await expect(rows(page).first()).toBeVisible();
  const nameHeader = page.getByRole('columnheader', { name: 'Name' });
  const cityHeader = page.getByRole('columnheader', { name: 'City' });
  // Core's order is by name, A to Z, and the header says so.
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(cityHeader).toHaveAttribute('aria-sort', 'none');
  const firstAscending = await firstName(page);

  // Name, Z to A: another trainee comes first, and the names run down the alphabet.
  await nameHeader.getByRole('button', { name: 'Name' }).click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/[?&]sort=name\.desc/);
  await expect(rows(page).first().getByRole('link')).not.toHaveText(firstAscending);
  await expect(page.getByRole('table', { name: 'Trainees' })).not.toHaveAttribute('aria-busy', 'true');
  const shown = (await rows(page).getByRole('link').allTextContents()).slice(0, 10);
  const collate = (a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase(), 'en');
  expect(shown, 'names Z to A').toEqual([...shown].sort(collate).reverse());
  expect(collate(shown[0]!, firstAscending)).toBeGreaterThan(0);
  await screenshot(page, 'trainees-sorted');

  // The keyboard: City from its header button, A to Z and then Z to A.
  const cityButton = cityHeader.getByRole('button', { name: 'City' });
  await cityButton.focus();
  await page.keyboard.press('Enter');
  await expect(cityHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
  await expect(page).toHaveURL(/[?&]sort=city\.asc/);
  await page.keyboard.press('Space');
  await expect(cityHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/[?&]sort=city\.desc/);
  await expect(page.getByRole('table', { name: 'Trainees' })).not.toHaveAttribute('aria-busy', 'true');
  const cityFirst = (await rows(page).first().getByRole('cell').nth(3).textContent()) ?? '';

  // A trainee and back: the same order, still marked on its header.
  const opened = await firstName(page);
  await rows(page).first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: opened, level: 1 })).toBeVisible();
  await page.goBack();
  await expect(cityHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(rows(page).first().getByRole('cell').nth(3)).toHaveText(cityFirst);
});

test('a certification: refused values beside their field, then added, edited and deleted', async ({ page }) => {
  await signIn(page, host.url);
  await openTrainee(page, 0);
  await page.getByRole('tab', { name: 'Certifications' }).click();
  const table = page.getByRole('table', { name: 'Certifications' });
  const title = 'Certified Kubernetes Administrator';
  const before = await table.getByRole('row').count();

  // An issue date in the future: core refuses it, the message stands beside the date.
  await page.getByRole('button', { name: 'Add certification' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add certification' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Issued on').fill(nextYear());
  await dialog.getByRole('button', { name: 'Add certification' }).click();
  await expect(dialog.getByLabel('Issued on')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('The issue date cannot be in the future')).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveCount(0); // Beside the field, not at the top.

  // An empty title: "Required" beside the title; the date's old message is gone.
  await dialog.getByLabel('Title').fill('');
  await dialog.getByLabel('Issued on').fill('2024-03-12');
  await dialog.getByRole('button', { name: 'Add certification' }).click();
  await expect(dialog.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Required', { exact: true })).toBeVisible();
  await expect(dialog.getByLabel('Issued on')).toHaveAttribute('aria-invalid', 'false');
  await screenshot(page, 'trainee-certification-error');
  // Nothing was saved by either attempt.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: title })).toHaveCount(0);

  // Added.
  await page.getByRole('button', { name: 'Add certification' }).click();
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Issued on').fill('2024-03-12');
  await dialog.getByLabel('Certificate no.').fill('CKA-2400-1187');
  await dialog.getByRole('button', { name: 'Add certification' }).click();
  await expect(dialog).toBeHidden();
  await expectToast(page, `${title} was added.`);
  const row = table.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('CKA-2400-1187');
  await expect(table.getByRole('row')).toHaveCount(before === 0 ? 2 : before + 1);

  // Edited in the same form, filled with what is stored; a future date is refused there too.
  await row.getByRole('button', { name: `Edit certification ${title}` }).click();
  const edit = page.getByRole('dialog', { name: 'Edit certification' });
  await expect(edit.getByLabel('Title')).toHaveValue(title);
  await expect(edit.getByLabel('Issued on')).toHaveValue('2024-03-12');
  await edit.getByLabel('Issued on').fill(nextYear());
  await edit.getByRole('button', { name: 'Save certification' }).click();
  await expect(edit.getByText('The issue date cannot be in the future')).toBeVisible();
  await expect(edit.getByLabel('Issued on')).toHaveAttribute('aria-invalid', 'true');
  await edit.getByLabel('Issued on').fill('2024-03-14');
  await edit.getByLabel('Certificate no.').fill('CKA-2400-1188');
  await edit.getByRole('button', { name: 'Save certification' }).click();
  await expect(edit).toBeHidden();
  await expectToast(page, `Changes to ${title} were saved.`);
  await expect(row).toContainText('CKA-2400-1188');
  await expect(row).not.toContainText('CKA-2400-1187');

  // Deleted, after a question.
  await row.getByRole('button', { name: `Delete certification ${title}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this certification?' });
  await expect(confirm).toContainText(title);
  await confirm.getByRole('button', { name: 'Delete certification' }).click();
  await expect(confirm).toBeHidden();
  await expectToast(page, `${title} was deleted.`);
  await expect(page.getByRole('cell', { name: title })).toHaveCount(0);
});

test('a placement: added, edited in the same form, deleted', async ({ page }) => {
  await signIn(page, host.url);
  await openTrainee(page, 3);
  await page.getByRole('tab', { name: 'Placements' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Placements' });

  await panel.getByRole('button', { name: 'Add placement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add placement' });
  await dialog.getByLabel('Employer', { exact: true }).fill('Systems Limited');
  await dialog.getByLabel('Started on').fill('2025-02-03');
  await dialog.getByLabel('Monthly income (PKR)').fill('185000');
  await dialog.getByRole('button', { name: 'Add placement' }).click();
  await expect(dialog).toBeHidden();
  await expectToast(page, 'The placement was added.');
  const row = panel.getByRole('row').filter({ hasText: 'Systems Limited' });
  await expect(row).toContainText('Job');
  await expect(row).toContainText('185,000');

  // The same form, filled in; a start in the future is refused beside its field.
  await row.getByRole('button', { name: /^Edit placement: Job from / }).click();
  const edit = page.getByRole('dialog', { name: 'Edit placement' });
  await expect(edit.getByLabel('Employer', { exact: true })).toHaveValue('Systems Limited');
  await expect(edit.getByLabel('Started on')).toHaveValue('2025-02-03');
  await edit.getByLabel('Started on').fill(nextYear());
  await edit.getByRole('button', { name: 'Save placement' }).click();
  await expect(edit.getByText('The start date cannot be in the future')).toBeVisible();
  await expect(edit.getByLabel('Started on')).toHaveAttribute('aria-invalid', 'true');
  await edit.getByLabel('Started on').fill('2025-02-03');
  await edit.getByRole('textbox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Internship' }).click();
  await screenshot(page, 'trainee-placement-edit');
  await edit.getByRole('button', { name: 'Save placement' }).click();
  await expect(edit).toBeHidden();
  await expectToast(page, 'The placement was saved.');
  await expect(row).toContainText('Internship');

  await row.getByRole('button', { name: /^Delete placement: Internship from / }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this placement?' });
  await confirm.getByRole('button', { name: 'Delete placement' }).click();
  await expect(confirm).toBeHidden();
  await expectToast(page, 'was deleted.');
  await expect(panel.getByRole('row').filter({ hasText: 'Systems Limited' })).toHaveCount(0);
});

test('an enrolment deleted from the keyboard, after a question', async ({ page }) => {
  await signIn(page, host.url);
  await openTrainee(page, 1);
  const table = page.getByRole('table', { name: 'Enrolments' });
  await expect(table).toBeVisible();
  const enrolments = table.getByRole('row');
  const before = await enrolments.count(); // With the header row.
  expect(before, 'the seeded trainee has an enrolment').toBeGreaterThan(1);

  const remove: Locator = table.getByRole('button', { name: /^Delete enrolment in / }).first();
  await expect(remove).not.toHaveAccessibleName('Delete enrolment in this cohort');
  const cohort = ((await remove.getAttribute('aria-label')) ?? '').replace('Delete enrolment in ', '');
  await remove.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Delete this enrolment?' });
  await expect(confirm).toContainText(cohort);
  // The dialog's own button has the focus: Escape leaves everything as it was…
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(enrolments).toHaveCount(before);
  // …Enter deletes.
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(confirm.getByRole('button', { name: 'Delete enrolment' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expectToast(page, `The enrolment in ${cohort} was deleted.`);
  if (before === 2) await expect(page.getByText('Not enrolled in any cohort yet.')).toBeVisible();
  else await expect(enrolments).toHaveCount(before - 1);
});

test('a trainee in light and dark, and as a viewer: no edit or delete buttons', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, host.url);
  const name = await openTrainee(page, 2, true);
  await expect(page.getByRole('table', { name: 'Enrolments' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Enrolments' }).getByRole('link').first()).toBeVisible();
  await screenshot(page, 'trainee-detail-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect
    .poll(async () => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme')))
    .toBe('dark');
  await screenshot(page, 'trainee-detail-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // A viewer, added in Settings.
  const viewer = { name: 'Rabia Siddiqui', email: 'rabia@nic-karachi.pk', password: 'kites over the old city' };
  await addUser(page, viewer, 'Viewer');
  await page.getByRole('button', { name: /^Account menu for / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByLabel('Email').fill(viewer.email);
  await page.getByLabel('Password').fill(viewer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: `Account menu for ${viewer.name}` })).toBeVisible();

  // The same trainee: readable, sortable, with nothing to change.
  await nav(page, 'Trainees');
  await expect(page.getByRole('button', { name: 'New trainee' })).toHaveCount(0);
  await page.getByRole('columnheader', { name: 'Name' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill(name);
  await rows(page).getByRole('link', { name, exact: true }).first().click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const main = page.getByRole('main');
  await expect(page.getByRole('table', { name: 'Enrolments' })).toBeVisible();
  for (const tab of ['Enrolments', 'Certifications', 'Placements']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tabpanel', { name: tab })).toBeVisible();
    await expect(page.getByRole('tabpanel', { name: tab }).getByRole('button')).toHaveCount(0);
  }
  await expect(main.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
  await expect(main.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
});
