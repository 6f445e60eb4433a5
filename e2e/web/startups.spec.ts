/**
 * The first session at a new centre, in the browser UI against the real core: set up the
 * centre, sign out and in again, add a startup, find it, edit it, and see a bad value
 * refused beside its field with nothing saved.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, skipWithoutChromium, test } from '../support/web-fixture.js';
import { addStartup, goTo, manager, setUpCentre } from './centre.js';

skipWithoutChromium();

test('first run, sign-in, and a startup from creation to a refused edit', async ({ page }) => {
  // The access token leaves the address bar at once.
  await expect(page.getByRole('heading', { name: 'Set up this workstation' })).toBeVisible();
  expect(page.url()).not.toContain('token=');

  // First run: core's rules show beside the field they are about.
  await page.getByLabel('Centre name').fill('National Incubation Center Karachi');
  await page.getByLabel('City').fill('Karachi');
  await page.getByLabel('Your name').fill(manager.name);
  await page.getByLabel('Email').fill(manager.email);
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Confirm password').fill('short');
  await page.getByRole('button', { name: 'Create centre' }).click();
  await expect(page.getByText('Use at least 12 characters')).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, '01-first-run-field-error');

  await page.getByLabel('Password', { exact: true }).fill(manager.password);
  await page.getByLabel('Confirm password').fill(manager.password);
  await page.getByRole('button', { name: 'Create centre' }).click();
  await expect(page.getByTestId('centre-name')).toHaveText('National Incubation Center Karachi');
  await page.getByRole('navigation').getByRole('link', { name: 'Startups', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No startups yet' })).toBeVisible();
  await screenshot(page, '02-empty-startups');

  // Sign out, then back in: a wrong password is refused with core's message.
  await page.getByRole('button', { name: `Account menu for ${manager.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(manager.email);
  await page.getByLabel('Password').fill('not my password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Email or password is wrong')).toBeVisible();
  await page.getByLabel('Password').fill(manager.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Startups', exact: true })).toBeVisible();

  // A reload keeps the session (auth.resume with the token kept for this tab).
  await page.reload();
  await page.getByRole('navigation').getByRole('link', { name: 'Startups', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No startups yet' })).toBeVisible();

  // Create a startup; it appears in the list.
  await page.getByRole('button', { name: 'New startup' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New startup' });
  await dialog.getByLabel('Name').fill('Sehat Kahani Labs');
  await dialog.getByLabel('Sector').click();
  await page.getByRole('option', { name: 'Healthtech' }).click();
  await dialog.getByLabel('Website').fill('https://sehat.example.pk');
  await dialog.getByLabel('City').fill('Karachi');
  await dialog.getByLabel('Women-led').check();
  await dialog.getByLabel('Description').fill('Telemedicine for women doctors working from home.');
  await dialog.getByRole('button', { name: 'Add startup' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Sehat Kahani Labs was added.')).toBeVisible();
  const row = page.getByRole('row', { name: /Sehat Kahani Labs/ });
  await expect(row).toContainText('Healthtech');
  await expect(row).toContainText('Applied');
  await screenshot(page, '03-startups-list');

  // Open it and edit a field.
  await row.getByRole('link', { name: 'Sehat Kahani Labs' }).click();
  await expect(page.getByRole('heading', { name: 'Sehat Kahani Labs', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Edit startup profile' });
  await form.getByLabel('City').fill('Lahore');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes to Sehat Kahani Labs were saved.')).toBeVisible();
  await expect(form).toBeHidden();
  await expect(page.getByText('Lahore')).toBeVisible();

  // A bad website is refused beside its field, and nothing of the edit is saved.
  await page.getByRole('button', { name: 'Edit' }).click();
  await form.getByLabel('Website').fill('not a url');
  await form.getByLabel('City').fill('Islamabad');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByText('Must be a web address like https://example.pk')).toBeVisible();
  await expect(form.getByLabel('Website')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, '04-edit-field-error');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sehat Kahani Labs', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://sehat.example.pk' })).toBeVisible();
  await expect(page.getByText('Lahore')).toBeVisible();
  await expect(page.getByText('Islamabad')).toHaveCount(0);
});

async function setUpStartups(page: Page, centre: string): Promise<void> {
  await setUpCentre(page, centre);
  await goTo(page, 'Startups');
  await expect(page.getByRole('heading', { name: 'No startups yet' })).toBeVisible();
}

test('a startup without a sector is refused beside the field; delete asks first', async ({ page }) => {
  await setUpStartups(page, 'NIC Lahore');
  await page.getByRole('button', { name: 'New startup' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New startup' });
  await dialog.getByLabel('Name').fill('Khet Digital');
  await dialog.getByRole('button', { name: 'Add startup' }).click();
  await expect(dialog.getByText('Choose one of the options')).toBeVisible();
  await dialog.getByLabel('Sector').click();
  await page.getByRole('option', { name: 'Agritech' }).click();
  await dialog.getByRole('button', { name: 'Add startup' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: 'Khet Digital' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this startup?' });
  await confirm.getByRole('button', { name: 'Delete startup' }).click();
  await expect(page.getByText('Khet Digital was deleted.')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Startups', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No startups yet' })).toBeVisible();
});

test('the list filters by stage and sector, searches and sorts', async ({ page }) => {
  await setUpStartups(page, 'NIC Peshawar');
  await addStartup(page, 'Bazaar Wala', 'E-commerce');
  await addStartup(page, 'Amanat Pay', 'Fintech');
  await addStartup(page, 'Chai Cloud', 'Software as a service');

  const names = page.getByRole('table', { name: 'Startups' }).getByRole('link');
  await page.getByRole('button', { name: 'Sort by Name' }).click();
  await expect(names).toHaveText(['Amanat Pay', 'Bazaar Wala', 'Chai Cloud']);
  await page.getByRole('button', { name: 'Sort by Name' }).click();
  await expect(names).toHaveText(['Chai Cloud', 'Bazaar Wala', 'Amanat Pay']);

  await page.getByRole('textbox', { name: 'Sector' }).click();
  await page.getByRole('option', { name: 'Fintech' }).click();
  await expect(names).toHaveText(['Amanat Pay']);
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(names).toHaveCount(3);

  await page.getByRole('textbox', { name: 'Stage' }).click();
  await page.getByRole('option', { name: 'Incubated' }).click();
  await expect(page.getByRole('heading', { name: 'No startups match' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(names).toHaveCount(3);

  await page.getByRole('searchbox', { name: 'Search' }).fill('bazaar');
  await expect(names).toHaveText(['Bazaar Wala']);
  await page.getByRole('searchbox', { name: 'Search' }).fill('zzz-no-such-startup');
  await expect(page.getByRole('heading', { name: 'No startups match' })).toBeVisible();
});

test('Ctrl+K searches across the centre and opens the startup', async ({ page }) => {
  await setUpStartups(page, 'NIC Quetta');
  await addStartup(page, 'Khet Digital', 'Agritech');

  await page.keyboard.press('Control+K');
  const search = page.getByRole('textbox', { name: 'Search startups, mentors and trainees' });
  await expect(search).toBeFocused();
  await search.fill('khet');
  await page.getByRole('button', { name: /Khet Digital/ }).click();
  await expect(page.getByRole('heading', { name: 'Khet Digital', level: 1 })).toBeVisible();
  await screenshot(page, '05-startup-detail');
});
