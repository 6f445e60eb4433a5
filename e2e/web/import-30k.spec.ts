/**
 * @slow The size the programme works at: a 30,000-row trainee roster as an XLSX (title rows
 * above the header, empty rows, CNICs and phones partly in number cells, dates partly in date
 * cells, Urdu names; about 10% duplicates — repeats within the file and people already
 * registered, by CNIC, email or phone — and 5% invalid rows) imported through the wizard in
 * Chromium against the real core: upload in chunks, inspect, check, import of the valid
 * rows with a progress bar and rows per second, exact counts, and the rejected rows as a
 * file. The wall times are printed and attached to the test's annotations.
 *
 * Run it alone with `npx playwright test e2e/web/import-30k.spec.ts` (about a minute).
 */
import { expect, screenshot, skipWithoutChromium, test } from '../support/web-fixture.js';
import { makeRoster, rosterXlsx } from '../../core/import/testing/roster.js';
import { TRAINEE_MAPPING } from '../../core/import/testing/import-kit.js';
import { callAsSignedIn, callManyAsSignedIn, setUpCentre } from './centre.js';
import { countOf, downloadedLines, expectCheck, expectSummary, openWizard, shoot } from './import-kit.js';

skipWithoutChromium();

const FIELD_LABELS: Record<keyof typeof TRAINEE_MAPPING, string> = {
  name: 'Name',
  cnic: 'CNIC',
  phone: 'Phone',
  gender: 'Gender',
  dateOfBirth: 'Date of birth',
  email: 'Email',
  city: 'City',
  skills: 'Skills',
  cohort: 'Cohort',
};

test('a 30,000-row trainee roster imported through the wizard @slow', async ({ page }) => {
  test.setTimeout(300_000);
  await setUpCentre(page);
  const roster = makeRoster({ rows: 30_000, today: new Date().toISOString().slice(0, 10) });
  const { newPeople, inFileDuplicates, databaseDuplicates, invalid, rows } = roster.expected;
  expect({ rows, duplicates: inFileDuplicates + databaseDuplicates, invalid }).toEqual({ rows: 30_000, duplicates: 3_000, invalid: 1_500 });

  // The cohort the roster's Batch column names, and the people already registered.
  const programme = await callAsSignedIn(page, 'programmes.create', { kind: 'training', name: 'DigiSkills Freelancing' });
  if (!programme.ok) throw new Error(programme.error.message);
  await callAsSignedIn(page, 'cohorts.create', { programmeId: (programme.value as { id: string }).id, name: roster.cohortName });
  await callManyAsSignedIn(page, roster.existing.map((t) => ({ method: 'trainees.create', input: t })));
  expect(await countOf(page, 'trainees.list')).toBe(databaseDuplicates);

  const file = test.info().outputPath('roster-30000.xlsx');
  await rosterXlsx(roster, file);

  const times: Record<string, number> = {};
  const started = Date.now();
  let mark = started;
  const lap = (name: string) => {
    const now = Date.now();
    times[name] = (now - mark) / 1000;
    mark = now;
  };

  // File: uploaded in chunks and read.
  await openWizard(page, 'Trainees');
  await page.locator('input[type="file"]').setInputFiles(file);
  mark = Date.now();
  await page.getByRole('button', { name: 'Upload and read' }).click();
  await expect(page.getByTestId('import-found')).toHaveText('30,000 rows and 9 columns found in roster-30000.xlsx, header on row 4.', { timeout: 60_000 });
  lap('upload and read');

  // Columns: every one suggested from its header.
  await page.getByRole('button', { name: 'Next: columns' }).click();
  for (const [field, column] of Object.entries(TRAINEE_MAPPING)) {
    await expect(page.getByRole('textbox', { name: FIELD_LABELS[field as keyof typeof TRAINEE_MAPPING], exact: true })).toHaveValue(column);
  }

  // Check: every row normalised and matched.
  mark = Date.now();
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByTestId('check-total-value')).toHaveText('30,000', { timeout: 60_000 });
  lap('check');
  await expectCheck(page, { total: rows, valid: rows - invalid, invalid, groups: inFileDuplicates + databaseDuplicates });
  await page.getByRole('radio', { name: 'Import the valid rows only' }).check();

  // Import: a progress bar with rows per second while it runs.
  mark = Date.now();
  await page.getByRole('button', { name: 'Import 28,500 rows' }).click();
  const bar = page.getByRole('progressbar', { name: 'Import progress' });
  const rate = page.getByText(/^[\d,]+ of 30,000 rows · [\d,]+ rows per second$/);
  await expect(bar).toBeVisible();
  await expect(rate).toBeVisible();
  const seen = await rate.textContent();
  await screenshot(page, 'import-30k-progress');
  // The write, the longest part, reports its progress too.
  await expect(page.getByText('Writing records')).toBeVisible({ timeout: 60_000 });
  const writeRate = page.getByText(/^[\d,]+ of [\d,]+ rows · [\d,]+ rows per second$/);
  await expect(writeRate).toBeVisible();
  const writing = await writeRate.textContent();
  await screenshot(page, 'import-30k-progress-writing');
  await expect(page.getByTestId('summary-added-value')).toBeVisible({ timeout: 120_000 });
  lap('import');
  times['whole wizard'] = (Date.now() - started) / 1000;

  await expectSummary(page, { added: newPeople, updated: 0, skipped: inFileDuplicates + databaseDuplicates, rejected: invalid });
  await expect(page.getByText('Enrolments: 25,500 added, 0 updated')).toBeVisible();
  const timing = await page.getByText(/^30,000 rows in [\d.]+ s \([\d,]+ rows per second\)$/).textContent();
  await shoot(page, 'import-30k-summary');

  // The rejected rows as a file, one line each under the header.
  const rejected = await downloadedLines(page, () => page.getByRole('button', { name: 'Download rejected rows' }).click());
  expect(rejected.lines[0]).toBe([...roster.header, 'Reason'].join(','));
  expect(rejected.lines).toHaveLength(invalid + 1);

  expect(await countOf(page, 'trainees.list')).toBe(databaseDuplicates + newPeople);
  expect(await countOf(page, 'enrolments.list')).toBe(newPeople);
  await page.getByRole('button', { name: 'Open the list' }).click();
  await expect(page.getByText('26,700 trainees')).toBeVisible();

  const report = `30,000-row XLSX through the wizard: ${Object.entries(times)
    .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
    .join(', ')}; progress seen: "${seen}", then writing "${writing}"; summary: "${timing}"`;
  console.log(report);
  test.info().annotations.push({ type: 'timing', description: report });
});
