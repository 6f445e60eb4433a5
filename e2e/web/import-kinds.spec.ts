/**
 * The import wizard for every kind, in the browser against the real core, with files built
 * as staff receive them:
 * - startups from an Excel "CSV UTF-8" (sector and stage in words, a cohort by name, a
 *   duplicate of a stored startup updated, a repeat within the file skipped, an unknown
 *   sector and an unknown cohort rejected), then the list's CSV export as the table reads;
 * - mentors from an XLSX (two rows matching a stored mentor by email and by phone: one group, updated; a
 *   mentor abroad, an impossible time zone rejected);
 * - a cohort's exam sheet chosen from a workbook of several (CNIC, marks, result,
 *   certificate no.) that sets registered trainees' scores, enrols one and certifies three;
 * - a 30,000-row roster on a workbook's second sheet (read past its instructions sheet),
 *   cancelled while rows are checked and again while they are written: nothing is written.
 * The lists' export buttons are disabled, saying why, while there is nothing to export.
 */
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, screenshot, skipWithoutChromium, test } from '../support/web-fixture.js';
import { makeRoster, rosterXlsx } from '../../core/import/testing/roster.js';
import { callAsSignedIn, callManyAsSignedIn, dismissToasts, goTo, setUpCentre } from './centre.js';
import { choose, countOf, downloadedLines, expectCheck, expectSummary, openWizard, shoot, uploadAndRead, XLSX_TYPE } from './import-kit.js';

skipWithoutChromium();

async function create(page: Page, method: string, input: Record<string, unknown>): Promise<string> {
  const created = await callAsSignedIn(page, method, input);
  if (!created.ok) throw new Error(`${method}: ${created.error.message}`);
  return (created.value as { id: string }).id;
}

async function xlsxBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Both export buttons of the list on screen are disabled, and say why on hover and on focus. */
async function expectExportDisabled(page: Page, reason: string): Promise<void> {
  for (const name of ['Export CSV', 'Export XLSX']) {
    const button = page.getByRole('button', { name });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(reason);
  }
  await page.getByRole('button', { name: 'Export CSV' }).hover();
  await expect(page.getByRole('tooltip')).toHaveText(reason);
}

const EMPTY = 'The list is empty: there is nothing to export';
const NO_MATCH = 'No rows match the search and filters: there is nothing to export';

/** Excel's "CSV UTF-8": a byte-order mark, CRLF, quotes where a cell has a comma. */
const STARTUPS_CSV = Buffer.from(
  '\uFEFF' +
    [
      'Startup Name,Industry,Stage,Cohort,Website,Women Led,SECP No,Founded,City',
      'Tez Pay,FinTech,Incubation,Cohort 5,tezpay.pk,no,SECP-0001,01/02/2024,Karachi', // the stored Tez Pay, by SECP no.
      'Kisan Connect,Agriculture,applied,Cohort 5,https://kisan.pk,yes,,15/03/2025,Multan',
      'kisan connect,agritech,,,,,,,', // the same startup again
      'Sehat Link,Health,Graduate,,,Y,SECP-0009,,Lahore',
      'Broken,Space mining,,,,,,,', // no such sector
      '"Dukaan, Online",E-commerce,incubated,Cohort 9,,,,,Quetta', // no such cohort
    ].join('\r\n') +
    '\r\n',
  'utf8',
);

test('startups and mentors through the wizard; export buttons say why they are disabled', async ({ page }) => {
  test.setTimeout(180_000);
  await setUpCentre(page);

  // Nothing to export yet, on each list.
  for (const list of ['Trainees', 'Mentors', 'Startups']) {
    await goTo(page, list);
    await expectExportDisabled(page, EMPTY);
  }
  await dismissToasts(page);
  await page.getByRole('button', { name: 'Export XLSX' }).hover();
  await expect(page.getByRole('tooltip')).toHaveCSS('opacity', '1'); // faded in
  await screenshot(page, 'import-kinds-export-disabled-tooltip');

  const programme = await create(page, 'programmes.create', { kind: 'incubation', name: 'Incubation 2026' });
  await create(page, 'cohorts.create', { programmeId: programme, name: 'Cohort 5' });
  await create(page, 'startups.create', { name: 'Tez Pay', sector: 'fintech', registrationNo: 'SECP-0001' });

  // Startups: columns found by their usual names.
  await openWizard(page, 'Startups');
  await uploadAndRead(page, 'startups.csv', STARTUPS_CSV);
  await expect(page.getByTestId('import-found')).toContainText('6 rows and 9 columns found in startups.csv');
  await page.getByRole('button', { name: 'Next: columns' }).click();
  const mapped = { Name: 'Startup Name', Sector: 'Industry', Stage: 'Stage', Cohort: 'Cohort', 'Founded on': 'Founded', Website: 'Website', 'Women-led': 'Women Led', City: 'City', 'Registration number': 'SECP No' };
  for (const [field, column] of Object.entries(mapped)) await expect(page.getByRole('textbox', { name: field, exact: true })).toHaveValue(column);
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expectCheck(page, { total: 6, valid: 4, invalid: 2, groups: 2 });
  const issues = page.getByRole('table', { name: 'Rows that will be rejected' }).locator('tbody tr');
  await expect(issues).toHaveCount(2);
  await expect(issues.nth(0)).toContainText('Space mining');
  await expect(issues.nth(1)).toContainText('Cohort 9');
  const stored = page.getByTestId('duplicate-group').filter({ hasText: 'matches Tez Pay' });
  await expect(stored).toContainText('Matched by Registration number');
  // What an update would change, the cohort by its name.
  await expect(stored.getByRole('row', { name: /^Cohort/ })).toHaveText(/^Cohort—Cohort 5 \(Row 2\)$/);
  await expect(stored.getByRole('row', { name: /^Stage/ })).toHaveText(/^Stageappliedincubated \(Row 2\)$/);
  await stored.getByText('Update existing').click();
  await page.getByRole('radio', { name: 'Import the valid rows only' }).check();
  await shoot(page, 'import-kinds-startups-check');
  await page.getByRole('button', { name: 'Import 4 rows' }).click();
  await expectSummary(page, { added: 2, updated: 1, skipped: 1, rejected: 2 });
  await shoot(page, 'import-kinds-startups-summary');

  // The list: three startups, Tez Pay now incubated in Cohort 5; its CSV reads like the table.
  await page.getByRole('button', { name: 'Open the list' }).click();
  const table = page.getByRole('table', { name: 'Startups' });
  await expect(table.getByRole('link')).toHaveText(['Kisan Connect', 'Sehat Link', 'Tez Pay']);
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Cohort' }).click();
  await page.getByRole('checkbox', { name: 'Last changed' }).click();
  await page.keyboard.press('Escape');
  const csv = await downloadedLines(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
  expect(csv.name).toMatch(/^startups-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.lines).toEqual([
    'Name,Sector,Stage,Cohort,City,Women-led',
    'Kisan Connect,Agritech,Applied,Cohort 5,Multan,Yes',
    'Sehat Link,Healthtech,Graduated,,Lahore,Yes',
    'Tez Pay,Fintech,Incubated,Cohort 5,Karachi,No',
  ]);
  await page.getByRole('searchbox', { name: 'Search' }).fill('nothing like this');
  await expect(table).toBeHidden();
  await expectExportDisabled(page, NO_MATCH);
  await expect(page.getByRole('tooltip')).toHaveCSS('opacity', '1');
  await screenshot(page, 'import-kinds-export-disabled-filtered');

  // Mentors from an XLSX, duplicates updated by default.
  await create(page, 'mentors.create', { name: 'Farah Naz', email: 'farah@example.pk', phone: '0321-1234567' });
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Mentors');
  sheet.addRow(['Mentor Name', 'Organization', 'Areas of Expertise', 'Email', 'Phone', 'Time Zone', 'Country']);
  sheet.addRow(['Farah Naz', 'Systems Ltd', 'marketing, sales', 'FARAH@example.pk', null, null, null]);
  sheet.addRow(['F. Naz', null, null, null, '+92 321 1234567', null, null]);
  sheet.addRow(['Omar Siddiqui', 'Careem', 'product; growth', 'omar@example.com', '+44 20 7946 0958', 'Europe/London', 'United Kingdom']);
  sheet.addRow(['Nobody', null, null, null, null, 'Mars/Olympus', null]);
  await openWizard(page, 'Mentors');
  await uploadAndRead(page, 'mentors.xlsx', await xlsxBuffer(book));
  await expect(page.getByTestId('import-found')).toContainText('4 rows and 7 columns found in mentors.xlsx');
  await page.getByRole('button', { name: 'Next: columns' }).click();
  await expect(page.getByRole('textbox', { name: 'Time zone', exact: true })).toHaveValue('Time Zone');
  await page.getByRole('button', { name: 'Check the rows' }).click();
  // The stored mentor is matched by email on row 2 and by phone on row 3: one group, decided once.
  await expectCheck(page, { total: 4, valid: 3, invalid: 1, groups: 1 });
  await expect(page.getByRole('table', { name: 'Rows that will be rejected' }).locator('tbody tr')).toContainText(['Mars/Olympus']);
  await expect(page.getByTestId('check-expected')).toContainText(/As last checked, the import would add \d+, update \d+, skip \d+ and reject 1 rows/);
  await expect(page.getByTestId('duplicate-group')).toHaveCount(1);
  await expect(page.getByTestId('duplicate-group')).toContainText(/Rows 2\D+3 match Farah Naz/);
  await choose(page, 'Default for duplicates', 'Update existing');
  await page.getByRole('radio', { name: 'Import the valid rows only' }).check();
  await page.getByRole('button', { name: 'Import 3 rows' }).click();
  await expectSummary(page, { added: 1, updated: 2, skipped: 0, rejected: 1 });
  await page.getByRole('button', { name: 'Open the list' }).click();
  await expect(page.getByRole('link', { name: 'F. Naz' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Omar Siddiqui' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  expect(await countOf(page, 'mentors.list')).toBe(2);
});

test("a cohort's exam results, chosen from a workbook's sheets, update trainees' enrolments and certificates", async ({ page }) => {
  test.setTimeout(180_000);
  await setUpCentre(page);
  const programme = await create(page, 'programmes.create', { kind: 'training', name: 'DigiSkills Freelancing' });
  const cohortId = await create(page, 'cohorts.create', { programmeId: programme, name: 'Batch 7' });
  await create(page, 'cohorts.create', { programmeId: programme, name: 'Batch 8' });
  const people = [
    { name: 'Ali Khan', cnic: '35202-1000000-0', enrolled: true },
    { name: 'Sana Baloch', cnic: '35202-1000001-1', enrolled: true },
    { name: 'محمد علی', cnic: '35202-1000003-3', enrolled: true },
    { name: 'Zainab Malik', cnic: '35202-1000004-4', enrolled: false },
    { name: 'Hamza Shah', cnic: '35202-1000002-2', enrolled: true },
  ];
  const ids: Record<string, string> = {};
  for (const p of people) {
    ids[p.name] = await create(page, 'trainees.create', { name: p.name, cnic: p.cnic });
    if (p.enrolled) await create(page, 'enrolments.create', { traineeId: ids[p.name], cohortId });
  }

  // The examiner's workbook: instructions, last batch's results, then this batch's under a title.
  const book = new ExcelJS.Workbook();
  const notes = book.addWorksheet('Instructions');
  notes.addRow(['Final exams, DigiSkills Freelancing']);
  notes.addRow(['Marks are out of 100; 50 passes.']);
  const earlier = book.addWorksheet('Batch 6 results');
  earlier.addRow(['Candidate Name', 'CNIC No', 'Marks Obtained', 'Result', 'Certificate No']);
  earlier.addRow(['Bilal Ahmed', '42201-5555555-5', 64, 'Pass', 'DSF-6-0001']);
  earlier.addRow(['Hina Baloch', '42101-1111111-1', 38, 'Fail', null]);
  const sheet = book.addWorksheet('Batch 7 results');
  sheet.addRow(['DigiSkills Freelancing — Batch 7 final exam']);
  sheet.addRow([]);
  sheet.addRow(['Candidate Name', 'CNIC No', 'Marks Obtained', 'Result', 'Certificate No']);
  sheet.addRow(['Ali Khan', '35202-1000000-0', 82, 'Pass', 'DSF-7-0001']);
  sheet.addRow(['Sana Baloch', '3520210000011', 45, 'Fail', null]);
  sheet.addRow(['محمد علی', '35202-1000003-3', 91.5, 'P', 'DSF-7-0002']);
  sheet.addRow(['Zainab Malik', '35202-1000004-4', 77, null, 'DSF-7-0003']); // not enrolled: enrolled now
  sheet.addRow(['Nadia Jamil', '42101-7654321-1', 70, 'Pass', null]); // no such trainee
  sheet.addRow(['Hamza Shah', '35202-1000002-2', 130, 'Pass', null]); // marks out of range

  await goTo(page, 'Import');
  await choose(page, 'What to import', 'Exam results of a cohort');
  await expect(page.getByRole('button', { name: 'Upload and read' })).toBeDisabled();
  await choose(page, 'Programme', 'DigiSkills Freelancing');
  await choose(page, 'Cohort whose exam this is', 'Batch 7');
  await uploadAndRead(page, 'batch7-results.xlsx', await xlsxBuffer(book), XLSX_TYPE);
  // The first sheet with a table is read (past the instructions); this batch's is the next one.
  await expect(page.getByRole('textbox', { name: 'Sheet' })).toHaveValue('Batch 6 results (3 rows)');
  await expect(page.getByTestId('import-found')).toContainText('2 rows and 5 columns found in batch7-results.xlsx, header on row 1');
  await choose(page, 'Sheet', 'Batch 7 results (8 rows)');
  await expect(page.getByTestId('import-found')).toContainText('6 rows and 5 columns found in batch7-results.xlsx, header on row 3');
  await shoot(page, 'import-kinds-results-1-sheet');
  await page.getByRole('button', { name: 'Next: columns' }).click();
  const mapped = { CNIC: 'CNIC No', Name: 'Candidate Name', Score: 'Marks Obtained', Status: 'Result', 'Certificate number': 'Certificate No' };
  for (const [field, column] of Object.entries(mapped)) await expect(page.getByRole('textbox', { name: field, exact: true })).toHaveValue(column);
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expectCheck(page, { total: 6, valid: 4, invalid: 2, groups: 0 });
  const issues = page.getByRole('table', { name: 'Rows that will be rejected' }).locator('tbody tr');
  await expect(issues).toHaveCount(2);
  await expect(issues.nth(0).getByRole('cell').first()).toHaveText('8');
  await expect(issues.nth(1).getByRole('cell').first()).toHaveText('9');
  await expect(issues.nth(1)).toContainText('Marks Obtained');
  await page.getByRole('radio', { name: 'Import the valid rows only' }).check();
  await page.getByRole('button', { name: 'Import 4 rows' }).click();
  await expectSummary(page, { added: 0, updated: 4, skipped: 0, rejected: 2 });
  await expect(page.getByText('Enrolments: 1 added, 3 updated')).toBeVisible();
  await expect(page.getByText('Certificates: 3 added, 0 updated')).toBeVisible();
  await shoot(page, 'import-kinds-results-2-summary');

  // What the trainees' records now hold.
  expect(await countOf(page, 'enrolments.list', { filter: { cohortId } })).toBe(5);
  expect(await countOf(page, 'enrolments.list', { filter: { cohortId, status: 'completed' } })).toBe(4);
  expect(await countOf(page, 'certifications.list')).toBe(3);
  expect(await countOf(page, 'trainees.list')).toBe(5);
  await goTo(page, 'Trainees');
  await page.getByRole('link', { name: 'Ali Khan', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Ali Khan', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: /Enrolments/ }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Batch 7');
  await expect(page.getByRole('tabpanel')).toContainText('82');
  await page.getByRole('tab', { name: /Certifications/ }).click();
  await expect(page.getByRole('tabpanel')).toContainText('DSF-7-0001');
});

test('a 30,000-row roster on a workbook’s second sheet, cancelled while checked and while written, writes nothing', async ({ page }) => {
  test.setTimeout(240_000);
  await setUpCentre(page);
  const roster = makeRoster({ rows: 30_000, today: new Date().toISOString().slice(0, 10) });
  const programme = await create(page, 'programmes.create', { kind: 'training', name: 'DigiSkills Freelancing' });
  await create(page, 'cohorts.create', { programmeId: programme, name: roster.cohortName });
  await callManyAsSignedIn(page, roster.existing.map((t) => ({ method: 'trainees.create', input: t })));
  const before = { trainees: await countOf(page, 'trainees.list'), enrolments: await countOf(page, 'enrolments.list') };
  expect(before).toEqual({ trainees: roster.existing.length, enrolments: 0 });

  const file = test.info().outputPath('roster.xlsx');
  await rosterXlsx(roster, file, { extraSheetFirst: true, sheetName: 'Batch 7 roster' });
  await openWizard(page, 'Trainees');
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload and read' }).click();
  // The roster's sheet is read, not the instructions before it.
  await expect(page.getByRole('textbox', { name: 'Sheet' })).toHaveValue(/^Batch 7 roster \(30,\d{3} rows\)$/);
  await expect(page.getByTestId('import-found')).toContainText('30,000 rows and 9 columns found in roster.xlsx, header on row 4');
  await page.getByRole('button', { name: 'Next: columns' }).click();
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByTestId('check-total-value')).toHaveText('30,000', { timeout: 60_000 });
  await page.getByRole('radio', { name: 'Import the valid rows only' }).check();

  // Cancelled while rows are checked, before any is written…
  const importButton = page.getByRole('button', { name: 'Import 28,500 rows' });
  await importButton.click();
  await expect(page.getByText(/ of 30,000 rows · [\d,]+ rows per second/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('The import was cancelled; nothing was written.')).toBeVisible();
  await expect(importButton).toBeVisible(); // back on the check step, ready to import again
  expect({ trainees: await countOf(page, 'trainees.list'), enrolments: await countOf(page, 'enrolments.list') }).toEqual(before);

  // …and while they are written: what was written is rolled back.
  await dismissToasts(page);
  await importButton.click();
  await expect(page.getByText('Writing records')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/^[1-9][\d,]* of 28,500 rows · [\d,]+ rows per second$/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('The import was cancelled; nothing was written.')).toBeVisible();
  await expect(importButton).toBeVisible();
  await shoot(page, 'import-kinds-cancel-cancelled');
  expect({ trainees: await countOf(page, 'trainees.list'), enrolments: await countOf(page, 'enrolments.list') }).toEqual(before);
});
