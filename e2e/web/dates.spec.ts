/**
 * Dates as staff in Pakistan write them: typed day first (dd/mm/yyyy) or picked from the
 * calendar, saved as the right calendar date and shown back day first ("5 Mar 2024", never
 * 3 May). A date that does not exist says how to write one, and nothing is saved. The
 * browser runs in an en-US locale, whose native date inputs would read mm/dd/yyyy.
 */
import { expect, screenshot, skipWithoutChromium, test } from '../support/web-fixture.js';
import { addStartup, callAsSignedIn, goTo, setUpCentre, typeDate } from './centre.js';

skipWithoutChromium();

test.use({ locale: 'en-US', timezoneId: 'Asia/Karachi' });

test('dates typed dd/mm/yyyy are saved as those days and shown day first', async ({ page }) => {
  await setUpCentre(page);

  // A startup founded on 5 March 2024, typed as 05/03/2024.
  await goTo(page, 'Startups');
  await addStartup(page, 'Sehat Kahani Labs', 'Healthtech', { founded: '05/03/2024' });
  await page.getByRole('link', { name: 'Sehat Kahani Labs' }).click();
  const founded = page.getByText('Founded').locator('xpath=following-sibling::dd[1]');
  await expect(founded).toHaveText('5 Mar 2024');
  const startupId = /#\/startups\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  const stored = await callAsSignedIn(page, 'startups.get', { id: startupId });
  expect(stored.ok && (stored.value as { foundedOn: string }).foundedOn).toBe('2024-03-05');

  // A date that does not exist: the field says how to write one; core refuses it; nothing changes.
  await page.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Edit startup profile' });
  await expect(form.getByLabel('Founded')).toHaveValue('05/03/2024');
  await typeDate(form.getByLabel('Founded'), '31/02/2024');
  await expect(form.getByText('Use a date like 31/07/2026 (day/month/year)')).toBeVisible();
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByLabel('Founded')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'date-field-error');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(founded).toHaveText('5 Mar 2024');

  // Picked from the calendar instead: the 15th of the month shown.
  await page.getByRole('button', { name: 'Edit' }).click();
  await form.getByLabel('Founded').click();
  await page.getByRole('button', { name: '15 March 2024' }).click();
  await expect(form.getByLabel('Founded')).toHaveValue('15/03/2024');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toBeHidden();
  await expect(founded).toHaveText('15 Mar 2024');

  // A programme from 1 July to 31 December 2026, and a cohort within it.
  await goTo(page, 'Programmes');
  await page.getByRole('button', { name: 'New programme' }).first().click();
  const programme = page.getByRole('dialog', { name: 'New programme' });
  await programme.getByLabel('Name').fill('Women in Tech Fellowship');
  await typeDate(programme.getByLabel('Starts'), '01/07/2026');
  await typeDate(programme.getByLabel('Ends'), '31/12/2026');
  await programme.getByRole('button', { name: 'Add programme' }).click();
  await expect(programme).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Women in Tech Fellowship', level: 1 })).toBeVisible();
  await expect(page.getByText('1 Jul 2026 – 31 Dec 2026')).toBeVisible();

  // The sessions list's date filter takes dd/mm/yyyy too, and keeps the day in the address.
  await goTo(page, 'Sessions');
  await typeDate(page.getByLabel('From', { exact: true }), '02/11/2026');
  await expect(page).toHaveURL(/from=2026-11-02/);
  await typeDate(page.getByLabel('To', { exact: true }), '11/02/2026');
  await expect(page).toHaveURL(/to=2026-02-11/);
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('02/11/2026');
});
