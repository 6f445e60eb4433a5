/**
 * Programmes and cohorts at a new centre: create a training programme and a cohort, enrol
 * a trainee in it, and see the counts on the list and the programme's page; deleting a
 * programme that still has cohorts is refused with core's message.
 */
import { expect, screenshot, skipWithoutChromium, test } from '../support/web-fixture.js';
import { setUpCentre, typeDate } from './centre.js';

skipWithoutChromium();

test('a programme and a cohort, with their counts', async ({ page }) => {
  await setUpCentre(page);
  await page.getByRole('link', { name: 'Programmes' }).click();
  await expect(page.getByRole('heading', { name: 'No programmes yet' })).toBeVisible();

  // A programme: a bad date order is refused beside the field, then it is created.
  await page.getByRole('button', { name: 'New programme' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New programme' });
  await dialog.getByLabel('Name').fill('Women in Tech Fellowship');
  await typeDate(dialog.getByLabel('Starts'), '01/07/2026');
  await typeDate(dialog.getByLabel('Ends'), '01/03/2026');
  await dialog.getByRole('button', { name: 'Add programme' }).click();
  await expect(dialog.getByText(/cannot end \(1 Mar 2026\) before it starts \(1 Jul 2026\)/)).toBeVisible();
  await typeDate(dialog.getByLabel('Ends'), '31/12/2026');
  await dialog.getByLabel('Description').fill('Six months of cloud and web skills for women graduates.');
  await dialog.getByRole('button', { name: 'Add programme' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Women in Tech Fellowship', level: 1 })).toBeVisible();
  await expect(page.getByText('1 Jul 2026 – 31 Dec 2026')).toBeVisible();

  // A cohort inside it.
  await page.getByRole('button', { name: 'New cohort' }).click();
  const cohortDialog = page.getByRole('dialog', { name: 'New cohort' });
  await cohortDialog.getByLabel('Cohort').fill('Batch 1');
  await typeDate(cohortDialog.getByLabel('Starts'), '01/07/2026');
  await typeDate(cohortDialog.getByLabel('Ends'), '30/09/2026');
  await cohortDialog.getByRole('button', { name: 'Add cohort' }).click();
  await expect(cohortDialog).toBeHidden();
  const cohortRow = page.getByTestId('cohort-row').filter({ hasText: 'Batch 1' });
  await expect(cohortRow).toContainText('1 Jul 2026 – 30 Sept 2026');
  const programmeUrl = page.url();

  // Enrol a new trainee in the cohort.
  await page.getByRole('link', { name: 'Trainees' }).click();
  await page.getByRole('button', { name: 'New trainee' }).first().click();
  const traineeDialog = page.getByRole('dialog', { name: 'New trainee' });
  await traineeDialog.getByLabel('Name').fill('Sana Baloch');
  await traineeDialog.getByLabel('CNIC').fill('42101-1234567-2');
  await traineeDialog.getByLabel('City').fill('Karachi');
  await traineeDialog.getByRole('button', { name: 'Add trainee' }).click();
  await expect(page.getByRole('heading', { name: 'Sana Baloch', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Enrol in a cohort' }).click();
  const enrolDialog = page.getByRole('dialog', { name: 'Enrol in a cohort' });
  await enrolDialog.getByRole('textbox', { name: 'Programme' }).click();
  await page.getByRole('option', { name: 'Women in Tech Fellowship' }).click();
  await enrolDialog.getByRole('textbox', { name: 'Cohort' }).click();
  await page.getByRole('option', { name: 'Batch 1' }).click();
  await enrolDialog.getByRole('button', { name: 'Save enrolment' }).click();
  await expect(enrolDialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Enrolments' })).toContainText('Batch 1');

  // The counts: one cohort and one participant on the list, one trainee in the cohort.
  await page.getByRole('link', { name: 'Programmes' }).click();
  const row = page.getByRole('row', { name: /Women in Tech Fellowship/ });
  await expect(row.getByTestId('programme-cohorts')).toHaveText('1');
  await expect(row.getByTestId('programme-participants')).toHaveText(/^1\s*trainees$/);
  await screenshot(page, 'programmes');

  await row.getByRole('link', { name: 'Women in Tech Fellowship' }).click();
  await expect(page).toHaveURL(programmeUrl);
  await expect(cohortRow.getByRole('cell').nth(3)).toHaveText('1');

  // Deleting the programme while it has a cohort: core says why, nothing is deleted.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog', { name: 'Delete this programme?' }).getByRole('button', { name: 'Delete programme' }).click();
  await expect(page.getByText(/This programme still has 1 cohort \(Batch 1\)/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Women in Tech Fellowship', level: 1 })).toBeVisible();

  // The same page in the dark scheme.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => window.localStorage.setItem('incubator.colorScheme', 'dark'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Women in Tech Fellowship', level: 1 })).toBeVisible();
  await expect(cohortRow).toBeVisible();
  await screenshot(page, 'programme-detail');
});
