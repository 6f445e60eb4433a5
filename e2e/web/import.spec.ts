/**
 * Spreadsheet import, list export and merging in the browser UI against the real core: a CSV
 * with a byte-order mark, three invalid rows and a duplicate of a stored trainee goes through
 * the wizard (mapping → check → update the duplicate → import of the valid rows), the
 * rejected rows come down as a file, the list shows the new trainees and exports as CSV, and
 * two records of one person are merged.
 */
import type { Page } from '@playwright/test';
import { expect, skipWithoutChromium, test } from '../support/web-fixture.js';
import { callAsSignedIn, goTo, setUpCentre } from './centre.js';
import { downloadedLines, shoot } from './import-kit.js';

skipWithoutChromium();

async function addTrainee(page: Page, fields: Record<string, unknown>): Promise<string> {
  const created = await callAsSignedIn(page, 'trainees.create', fields);
  if (!created.ok) throw new Error(`trainees.create: ${created.error.message}`);
  return (created.value as { id: string }).id;
}

const CSV = [
  'Full Name,CNIC,Email,City',
  'Hina Baloch,42101-1111111-1,hina@example.pk,Karachi',
  'Omar Siddiqui,42101-2222222-2,omar@example.pk,Hyderabad',
  'Zainab Qureshi,42101-1234567-1,zainab@example.pk,Karachi',
  ',42101-3333333-3,noname@example.pk,Quetta',
  'Bad Cnic,123,bad@example.pk,Sukkur',
  'Sara Mirza,42101-4444444-4,not-an-email,Multan',
].join('\r\n');

test('import trainees from a CSV, export the list, merge two records', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await setUpCentre(page);
  await addTrainee(page, { name: 'Zainab Qureshi', cnic: '42101-1234567-1', city: 'Lahore' });
  const twinA = await addTrainee(page, { name: 'Bilal Ahmed', cnic: '42201-5555555-5', email: 'bilal@example.pk' });
  await addTrainee(page, { name: 'Bilal Ahmad', cnic: null, phone: '0300-1234567', city: 'Karachi' });

  // From the list's "Import…" to the wizard, trainees chosen.
  await goTo(page, 'Trainees');
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('heading', { name: 'Import from a spreadsheet' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'What to import' })).toHaveValue('Trainees');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'new-trainees.csv',
    mimeType: 'text/csv',
    buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]),
  });
  await page.getByRole('button', { name: 'Upload and read' }).click();
  await expect(page.getByTestId('import-found')).toContainText('6 rows and 4 columns found in new-trainees.csv');
  await shoot(page, 'import-1-file');

  // Columns: suggested from the headers (the BOM is not part of the first one).
  await page.getByRole('button', { name: 'Next: columns' }).click();
  await expect(page.getByRole('table', { name: 'The first rows of the file' })).toContainText('Hina Baloch');
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Full Name');
  await expect(page.getByRole('textbox', { name: 'CNIC', exact: true })).toHaveValue('CNIC');
  await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toHaveValue('Email');
  await expect(page.getByRole('textbox', { name: 'City', exact: true })).toHaveValue('City');
  await page.getByRole('textbox', { name: 'Save this mapping as' }).fill('Admissions sheet');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByText('Mapping “Admissions sheet” saved')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Saved mappings' })).toHaveValue('Admissions sheet');
  await shoot(page, 'import-2-columns');

  // Check: three invalid rows by their file row numbers, one duplicate group.
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByTestId('check-total-value')).toHaveText('6');
  await expect(page.getByTestId('check-valid-value')).toHaveText('3');
  await expect(page.getByTestId('check-invalid-value')).toHaveText('3');
  await expect(page.getByTestId('check-groups-value')).toHaveText('1');
  const issues = page.getByRole('table', { name: 'Rows that will be rejected' });
  const issueRows = issues.locator('tbody tr');
  await expect(issueRows).toHaveCount(3);
  await expect(issueRows.nth(0).getByRole('cell').first()).toHaveText('5');
  await expect(issueRows.nth(0)).toContainText('Name');
  await expect(issueRows.nth(1).getByRole('cell').first()).toHaveText('6');
  await expect(issueRows.nth(1)).toContainText('CNIC');
  await expect(issueRows.nth(2).getByRole('cell').first()).toHaveText('7');
  await expect(issueRows.nth(2)).toContainText('Email');
  const group = page.getByTestId('duplicate-group');
  await expect(group).toHaveCount(1);
  await expect(group).toContainText('Zainab Qureshi');
  await expect(group).toContainText('Lahore');
  await expect(group).toContainText('Karachi');
  await group.getByText('Update existing').click();
  await page.getByRole('radio', { name: 'Import the valid rows only' }).check();
  await shoot(page, 'import-3-check');

  // Import: the summary, and the rejected rows as a file.
  await page.getByRole('button', { name: /^Import \d+ rows$/ }).click();
  await expect(page.getByTestId('summary-added-value')).toHaveText('2');
  await expect(page.getByTestId('summary-updated-value')).toHaveText('1');
  await expect(page.getByTestId('summary-skipped-value')).toHaveText('0');
  await expect(page.getByTestId('summary-rejected-value')).toHaveText('3');
  await shoot(page, 'import-4-summary');
  const rejected = await downloadedLines(page, () => page.getByRole('button', { name: 'Download rejected rows' }).click());
  expect(rejected.lines[0]).toMatch(/Reason/);
  expect(rejected.lines).toHaveLength(4);
  expect(rejected.lines.slice(1).join('\n')).toContain('Bad Cnic');

  // The list has the new trainees, and the duplicate was updated.
  await page.getByRole('button', { name: 'Open the list' }).click();
  await expect(page.getByRole('link', { name: 'Hina Baloch' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Omar Siddiqui' })).toBeVisible();
  await expect(page.getByTestId('trainee-row')).toHaveCount(5);

  // Export CSV of the list: the same trainees.
  const exported = await downloadedLines(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
  expect(exported.name).toMatch(/\.csv$/);
  expect(exported.lines).toHaveLength(1 + 5);
  const body = exported.lines.slice(1).join('\n');
  for (const name of ['Hina Baloch', 'Omar Siddiqui', 'Zainab Qureshi', 'Bilal Ahmed', 'Bilal Ahmad'])
    expect(body).toContain(name);

  // Merge the two Bilals, keeping the one with the CNIC.
  await page.getByRole('link', { name: 'Bilal Ahmed', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/trainees/${twinA}`));
  await expect(page.getByRole('heading', { name: 'Bilal Ahmed', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Merge with…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge two records of the same trainee' });
  await dialog.getByRole('textbox', { name: 'Duplicate trainee' }).fill('Bilal Ahmad');
  await page.getByRole('option', { name: /Bilal Ahmad/ }).click();
  await expect(dialog.getByRole('table')).toContainText('Karachi');
  await shoot(page, 'import-5-merge');
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Merged into Bilal Ahmed/)).toBeVisible();
  await goTo(page, 'Trainees');
  await expect(page.getByTestId('trainee-row')).toHaveCount(4);

  // The wizard at the smaller window.
  await page.setViewportSize({ width: 1024, height: 700 });
  await goTo(page, 'Import');
  await shoot(page, 'import-1-file-1024');
  await goTo(page, 'Trainees');
  await expect(page.getByTestId('trainee-row')).toHaveCount(4);
  await shoot(page, 'import-trainees-list-1024');
  await goTo(page, 'Startups');
  await expect(page.getByRole('button', { name: 'Import…' })).toBeVisible();
  await shoot(page, 'import-startups-list-1024');
});
