/**
 * A startup's detail page, tab by tab, in the browser UI against the real core: founders
 * (a bad email refused beside its field with nothing saved, a masked phone revealed),
 * milestones added and marked done, a quarterly check-in saved and locked, and the
 * history of the profile. Screenshots of each tab go to e2e/screenshots/startups-<tab>.png.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, skipWithoutChromium, test } from '../support/web-fixture.js';
import { goTo, manager, setUpCentre, typeDate } from './centre.js';

skipWithoutChromium();

async function setUpStartups(page: Page, centre: string): Promise<void> {
  await setUpCentre(page, centre);
  await goTo(page, 'Startups');
  await expect(page.getByRole('heading', { name: 'No startups yet' })).toBeVisible();
}

/** A screenshot once the toasts of earlier saves have gone, so that they hide nothing. */
async function shot(page: Page, name: string): Promise<void> {
  // A toast under the pointer stays until the pointer leaves it.
  await page.mouse.move(1, 1);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 10_000 });
  await screenshot(page, name);
}

async function openTab(page: Page, name: string, path: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page).toHaveURL(new RegExp(`/startups/[0-9a-f-]+${path}$`));
}

test('a startup’s founders, milestones, check-ins and history', async ({ page }) => {
  await setUpStartups(page, 'NIC Karachi');
  await page.getByRole('button', { name: 'New startup' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New startup' });
  await dialog.getByLabel('Name').fill('Sehat Kahani Labs');
  await dialog.getByLabel('Sector').click();
  await page.getByRole('option', { name: 'Healthtech' }).click();
  await dialog.getByLabel('Women-led').check();
  await dialog.getByRole('button', { name: 'Add startup' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('link', { name: 'Sehat Kahani Labs' }).click();
  await expect(page.getByRole('heading', { name: 'Sehat Kahani Labs', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Profile' })).toHaveAttribute('aria-selected', 'true');

  // Profile: one edit, for the history later.
  await page.getByRole('button', { name: 'Edit' }).click();
  const profile = page.getByRole('form', { name: 'Edit startup profile' });
  await profile.getByLabel('City').fill('Lahore');
  await profile.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes to Sehat Kahani Labs were saved.')).toBeVisible();
  await expect(profile).toBeHidden();
  await shot(page, 'startups-profile');

  // Founders: a bad email is refused beside its field and nothing is saved.
  await openTab(page, 'Founders', '/founders');
  await expect(page.getByRole('heading', { name: 'No founders recorded' })).toBeVisible();
  await page.getByRole('button', { name: 'Add founder' }).click();
  const founder = page.getByRole('dialog', { name: 'Add a founder' });
  await founder.getByLabel('Name').fill('Sara Saeed');
  await founder.getByLabel('Role').fill('CEO');
  await founder.getByLabel('Gender').click();
  await page.getByRole('option', { name: 'Female' }).click();
  await founder.getByLabel('Email').fill('sara at sehat');
  await founder.getByLabel('Phone').fill('0300-1234567');
  await founder.getByRole('button', { name: 'Add founder' }).click();
  await expect(founder.getByText('Must be an email address like name@example.pk')).toBeVisible();
  await expect(founder.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await founder.getByRole('button', { name: 'Cancel' }).click();
  await expect(founder).toBeHidden();
  await expect(page.getByRole('heading', { name: 'No founders recorded' })).toBeVisible();

  await page.getByRole('button', { name: 'Add founder' }).click();
  await founder.getByLabel('Name').fill('Sara Saeed');
  await founder.getByLabel('Role').fill('CEO');
  await founder.getByLabel('Email').fill('sara@sehat.example.pk');
  await founder.getByLabel('Phone').fill('0300-1234567');
  await founder.getByRole('button', { name: 'Add founder' }).click();
  await expect(founder).toBeHidden();
  await expect(page.getByText('Sara Saeed was added as a founder.')).toBeVisible();
  const founderRow = page.getByRole('table', { name: 'Founders' }).getByRole('row', { name: /Sara Saeed/ });
  await expect(founderRow).toContainText('sara@sehat.example.pk');
  await expect(founderRow).toContainText('*');
  await founderRow.getByRole('button', { name: 'Reveal the phone number of Sara Saeed' }).click();
  await expect(founderRow).not.toContainText('*');
  await expect(founderRow).toContainText('1234567');
  await shot(page, 'startups-founders');

  // Mentors and sessions: nothing yet, and the page says what to do.
  await openTab(page, 'Mentors', '/mentors');
  await expect(page.getByRole('heading', { name: 'No mentor assigned' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Assign mentor' })).toBeVisible();
  await shot(page, 'startups-mentors');
  await openTab(page, 'Sessions', '/sessions');
  await expect(page.getByRole('heading', { name: 'No sessions yet' })).toBeVisible();
  await shot(page, 'startups-sessions');

  // Milestones: add one, then mark it done.
  await openTab(page, 'Milestones', '/milestones');
  await page.getByRole('button', { name: 'Add milestone' }).click();
  const milestone = page.getByRole('dialog', { name: 'Add a milestone' });
  await milestone.getByLabel('Milestone').fill('First paying hospital');
  await typeDate(milestone.getByLabel('Due'), '31/03/2027');
  await milestone.getByRole('button', { name: 'Add milestone' }).click();
  await expect(milestone).toBeHidden();
  const milestoneRow = page.getByRole('row', { name: /First paying hospital/ });
  await expect(milestoneRow).toContainText('Planned');
  await expect(milestoneRow).toContainText('31 Mar 2027');
  await page.getByRole('button', { name: 'Mark First paying hospital done' }).click();
  await expect(milestoneRow).toContainText('Done');
  await expect(page.getByText('1 of 1 done')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark First paying hospital done' })).toHaveCount(0);
  await shot(page, 'startups-milestones');

  // Check-in: a rule of core's shows beside its field; then save and lock.
  await openTab(page, 'Quarterly check-ins', '/check-ins');
  const checkIn = page.getByRole('form', { name: 'Quarterly check-in' });
  await checkIn.getByLabel('Revenue (PKR)').fill('1250000');
  await checkIn.getByLabel('Export revenue (USD)').fill('4800.50');
  await checkIn.getByLabel('Full-time jobs').fill('4');
  await checkIn.getByLabel('Part-time jobs').fill('2');
  await checkIn.getByLabel('Jobs held by women').fill('9');
  await checkIn.getByLabel('Customers').fill('37');
  await checkIn.getByRole('button', { name: 'Save check-in' }).click();
  await expect(checkIn.getByText('Jobs held by women cannot exceed full-time plus part-time jobs')).toBeVisible();
  await expect(checkIn.getByLabel('Jobs held by women')).toHaveAttribute('aria-invalid', 'true');
  await checkIn.getByLabel('Jobs held by women').fill('3');
  await checkIn.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.getByText(/The check-in for Q\d \d{4} .* was saved\./)).toBeVisible();
  await expect(checkIn.getByLabel('Revenue (PKR)')).toHaveValue('1,250,000');
  const past = page.getByRole('table', { name: 'Check-ins by quarter' });
  await expect(past).toContainText('Rs 1,250,000');
  await expect(past).toContainText('$4,800.50');

  await checkIn.getByRole('button', { name: 'Lock quarter' }).click();
  await expect(checkIn.getByText(/Locked by you/)).toBeVisible();
  await expect(checkIn.getByLabel('Revenue (PKR)')).toHaveAttribute('readonly', '');
  await expect(checkIn.getByLabel('Customers')).toHaveAttribute('readonly', '');
  await expect(checkIn.getByRole('button', { name: 'Save check-in' })).toHaveCount(0);
  await expect(checkIn.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await shot(page, 'startups-check-ins');

  // History: the creation and the city change, with who and when.
  await openTab(page, 'History', '/history');
  await expect(page.getByText('Startup added')).toBeVisible();
  await expect(page.getByText('1 field changed')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'City' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /Lahore/ })).toBeVisible();
  await expect(page.getByText(new RegExp(`^${manager.name} · `)).first()).toBeVisible();
  await shot(page, 'startups-history');

  // The address opens the tab directly.
  await page.reload();
  await expect(page.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');

  // Dark scheme, on the busiest tab.
  await page.getByRole('button', { name: `Account menu for ${manager.name}` }).click();
  await page.getByRole('menuitem', { name: 'Dark' }).click();
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await openTab(page, 'Quarterly check-ins', '/check-ins');
  await expect(page.getByRole('form', { name: 'Quarterly check-in' }).getByText(/Locked by you/)).toBeVisible();
  await shot(page, 'startups-check-ins-dark');
});
