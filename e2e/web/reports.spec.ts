/**
 * The Reports screen against the real core: a centre's quarter seeded through the API (stage
 * changes to incubated, check-ins with revenue and jobs, sessions with minutes, trainees with
 * certifications) shows exactly the figures the test knows from its own seeding; a figure
 * opens the records behind it (also for one sector, and Back from a startup reopens them);
 * the startups without a check-in are listed; the previous quarter says what to do next; the
 * PDF and the Excel workbook come down from the screen (the workbook read back with exceljs);
 * a viewer reads and exports too. A national office's workstation, joined to the real server
 * two centres uploaded to, shows all centres (with a table by centre) or one (waiting for
 * core to let a national workstation sign in: see the test).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from '@playwright/test';
import { startRealServer, type RealServer } from '../../core/sync/testing/real-server.js';
import { quarterOf, quarterRange, shiftQuarter } from '../../shared/reports/quarters.js';
import { expect, screenshot, skipWithoutChromium, startWebHost, stopWebHost, test } from '../support/web-fixture.js';
import {
  addUser,
  callManyAsSignedIn,
  dismissToasts,
  goTo,
  manager,
  setUpCentre,
  signIn,
  signOut,
  type Person,
} from './centre.js';

skipWithoutChromium();

const viewer: Person = { name: 'Bilal Ahmed', email: 'bilal@nic-karachi.pk', password: 'chai at the dhaba daily' };

/** What was seeded, and so what the report must say. */
const KNOWN = {
  /** Tez Pay (applied, then incubated), Sehat Kahani Labs and Dhaaga Works (added as incubated). */
  inducted: 3,
  /** Three sessions of 90 + 45 + 45 minutes. */
  sessions: 3,
  hours: '3.0 h',
  /** Tez Pay's check-in Rs 1,250,000 and Sehat Kahani's Rs 800,000. */
  revenuePkr: 2_050_000,
  jobsFullTime: 10,
  /** Two of the three trainees got a certificate in the quarter: one woman, one man. */
  certified: 2,
};

type Row = { id: string };

async function seedQuarter(page: Page, quarter: string): Promise<void> {
  const { start } = quarterRange(quarter);
  const today = new Date().toISOString().slice(0, 10);
  const [tezPay, sehat, , , mentor] = (await callManyAsSignedIn(page, [
    { method: 'startups.create', input: { name: 'Tez Pay', sector: 'fintech' } },
    { method: 'startups.create', input: { name: 'Sehat Kahani Labs', sector: 'healthtech', stage: 'incubated' } },
    { method: 'startups.create', input: { name: 'Dhaaga Works', sector: 'e-commerce', stage: 'incubated', womenLed: true } },
    { method: 'startups.create', input: { name: 'Khet Connect', sector: 'agritech' } },
    { method: 'mentors.create', input: { name: 'Sara Qureshi', organisation: 'Karachi Angels' } },
  ])) as Row[];
  const traineeRows = (await callManyAsSignedIn(page, [
    { method: 'trainees.create', input: { name: 'Hira Baig', gender: 'female' } },
    { method: 'trainees.create', input: { name: 'Usman Tariq', gender: 'male' } },
    { method: 'trainees.create', input: { name: 'Mehwish Ali', gender: 'female' } },
  ])) as Row[];
  const mentorId = mentor!.id;
  await callManyAsSignedIn(page, [
    // The stage change to incubated, today: within the quarter.
    { method: 'startups.update', input: { id: tezPay!.id, patch: { stage: 'incubated' } } },
    {
      method: 'metrics.save',
      input: {
        startupId: tezPay!.id,
        quarter,
        values: { revenuePkr: 1_250_000, jobsFullTime: 4, jobsPartTime: 2, jobsWomen: 3 },
      },
    },
    { method: 'metrics.save', input: { startupId: sehat!.id, quarter, values: { revenuePkr: 800_000, jobsFullTime: 6 } } },
    { method: 'sessions.record', input: { mentorId, startupId: tezPay!.id, startsAt: `${start}T05:00:00.000Z`, minutes: 90 } },
    { method: 'sessions.record', input: { mentorId, startupId: tezPay!.id, startsAt: `${start}T09:30:00.000Z`, minutes: 45 } },
    { method: 'sessions.record', input: { mentorId, startupId: sehat!.id, startsAt: `${start}T11:00:00.000Z`, minutes: 45 } },
    { method: 'certifications.create', input: { traineeId: traineeRows[0]!.id, title: 'Data Analyst', issuedOn: today } },
    { method: 'certifications.create', input: { traineeId: traineeRows[1]!.id, title: 'Data Analyst', issuedOn: today } },
  ]);
}

/** Clicks an export button and resolves with the downloaded file's name and bytes. */
async function exported(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId(testId).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

const value = (page: Page, key: string) => page.getByTestId(`kpi-${key}-value`);

test('the quarterly report: figures, the records behind them, PDF and Excel', async ({ page }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await setUpCentre(page);
  const quarter = quarterOf(new Date().toISOString());
  await seedQuarter(page, quarter);

  await goTo(page, 'Reports');
  await expect(page.getByRole('heading', { name: 'Quarterly report', level: 1 })).toBeVisible();
  await expect(page.getByTestId('report-quarter')).toHaveValue(new RegExp(`^${quarter} · .*\\(this quarter\\)$`));
  await expect(page.getByTestId('report-scope')).toHaveText('National Incubation Center Karachi');

  // The figures are the ones the seeding makes.
  await expect(value(page, 'startups.inducted')).toHaveText(String(KNOWN.inducted));
  await expect(value(page, 'mentoring.sessions')).toHaveText(String(KNOWN.sessions));
  await expect(value(page, 'mentoring.hours')).toHaveText(KNOWN.hours);
  await expect(value(page, 'revenue.pkr')).toHaveText(/^Rs\s?2,050,000$/);
  await expect(value(page, 'jobs.fullTime')).toHaveText(String(KNOWN.jobsFullTime));
  await expect(value(page, 'trainees.certified')).toHaveText(String(KNOWN.certified));
  await expect(value(page, 'trainees.certifiedWomen')).toHaveText('1');
  await expect(value(page, 'trainees.certifiedMen')).toHaveText('1');
  await expect(page.getByTestId('check-ins-expected')).toHaveText('3');
  await expect(page.getByTestId('check-ins-received')).toHaveText('2');
  await expect(page.getByRole('img', { name: /startups by stage.*Applied: 1; Incubated: 3/i })).toBeVisible();
  await expect(page.getByRole('img', { name: /mentoring sessions per month/i })).toBeVisible();

  // The definition is one key away, beside the figure (Tab onto its "i").
  await page.getByRole('button', { name: 'What “Inducted” means' }).focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tooltip')).toHaveText('Startups whose stage became incubated during the quarter.');

  // A figure opens the records behind it; a record opens its page; Back reopens the records.
  await page.getByRole('button', { name: /^Inducted: 3\. Show the records/ }).click();
  const records = page.getByRole('dialog', { name: new RegExp(`^Inducted · ${quarter}$`) });
  await expect(records).toBeVisible();
  await expect(records.getByTestId('figure-value')).toHaveText('3');
  await expect(records.getByText('3 records behind this figure')).toBeVisible();
  await expect(records.getByTestId('report-row')).toHaveCount(3);
  await expect(records.getByRole('row', { name: /Tez Pay.*applied → incubated/ })).toBeVisible();
  await expect(records.getByRole('row', { name: /Dhaaga Works.*added as incubated/ })).toBeVisible();
  await expect(page).toHaveURL(/show=startups\.inducted/);
  await records.getByRole('link', { name: 'Tez Pay' }).click();
  await expect(page.getByRole('heading', { name: 'Tez Pay', level: 1 })).toBeVisible();
  await page.goBack();
  await expect(records).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(records).toBeHidden();

  // The hours' records say what each session adds.
  await page.getByRole('button', { name: /^Mentor hours: 3\.0 h\./ }).click();
  const hours = page.getByRole('dialog', { name: /^Mentor hours/ });
  await expect(hours.getByTestId('report-row')).toHaveCount(3);
  await expect(hours.getByRole('row', { name: /90 min with Sara Qureshi.*1\.5 h/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // One sector's part of a figure, from the table by sector.
  await page.getByRole('button', { name: /^Inducted, Fintech: 1\./ }).click();
  const fintech = page.getByRole('dialog', { name: /^Inducted · Fintech/ });
  await expect(fintech.getByTestId('figure-value')).toHaveText('1');
  await expect(fintech.getByTestId('report-row')).toHaveCount(1);
  await expect(fintech.getByRole('row', { name: /Tez Pay/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // The startup that owes its check-in, with the way to record it.
  await page.getByRole('button', { name: '1 startup has no check-in' }).click();
  const missing = page.getByRole('dialog', { name: 'Startups without a check-in' });
  await expect(missing.getByTestId('missing-check-in')).toHaveCount(1);
  await expect(missing.getByRole('link', { name: 'Record the check-in of Dhaaga Works' })).toHaveAttribute(
    'href',
    new RegExp(`/startups/[0-9a-f-]+/check-ins\\?quarter=${quarter}$`),
  );
  await page.keyboard.press('Escape');
  await expect(missing).toBeHidden();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'reports');

  // The PDF and the Excel workbook, from the screen.
  const pdf = await exported(page, 'export-pdf');
  expect(pdf.name).toBe(`national-incubation-center-karachi-quarterly-report-${quarter}.pdf`);
  expect(pdf.bytes.length).toBeGreaterThan(10_000);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByText(`Saved ${pdf.name}`)).toBeVisible();
  const xlsx = await exported(page, 'export-xlsx');
  expect(xlsx.name).toBe(`national-incubation-center-karachi-quarterly-report-${quarter}.xlsx`);
  expect(xlsx.bytes.length).toBeGreaterThan(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const data = book.getWorksheet('Data - KPIs');
  expect(data, 'the workbook has its raw KPI sheet').toBeDefined();
  const kpiRow = (key: string) => {
    let found: ExcelJS.Row | undefined;
    data!.eachRow((row) => {
      if (row.getCell(1).value === key) found = row;
    });
    return found?.getCell(5).value;
  };
  expect(kpiRow('revenue.pkr')).toBe(KNOWN.revenuePkr);
  expect(kpiRow('startups.inducted')).toBe(KNOWN.inducted);
  await dismissToasts(page);

  // The quarter before: nothing in it, and the screen says what to do next.
  const previous = shiftQuarter(quarter, -1);
  await page.getByTestId('report-quarter').click();
  await page.getByRole('option', { name: new RegExp(`^${previous} · `) }).click();
  await expect(page).toHaveURL(new RegExp(`quarter=${previous}`));
  await expect(page.getByRole('heading', { name: `Nothing recorded for ${previous}` })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to startups' })).toBeVisible();
  await page.getByRole('button', { name: 'Show this quarter' }).click();
  await expect(value(page, 'startups.inducted')).toHaveText(String(KNOWN.inducted));

  // A viewer reads the report and exports it too.
  await addUser(page, viewer, 'Viewer');
  await signOut(page, manager.name);
  await signIn(page, viewer);
  await goTo(page, 'Reports');
  await expect(value(page, 'startups.inducted')).toHaveText(String(KNOWN.inducted));
  const json = await exported(page, 'export-json');
  expect(json.name).toBe(`national-incubation-center-karachi-quarterly-report-${quarter}.json`);
  const report = JSON.parse(json.bytes.toString('utf8')) as { kpis?: { revenue?: { pkr?: number } } } & Record<string, unknown>;
  expect(JSON.stringify(report)).toContain(String(KNOWN.revenuePkr));
});

// --- The national office -------------------------------------------------------------------

const lahoreManager: Person = { name: 'Saima Javed', email: 'saima@nic-lahore.pk', password: 'mangoes from multan in june' };

/** Another computer: its own web host and data folder, and its own browser context. */
async function openWorkstation(browser: Browser): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-e2e-reports-'));
  const host = await startWebHost(dataDir);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.goto(host.url);
  return {
    page,
    problems,
    async close() {
      await context.close();
      await stopWebHost(host.child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function fillJoinForm(page: Page, serverUrl: string, code: string): Promise<void> {
  await page.getByLabel('Server address').fill(serverUrl);
  await page.getByLabel('Enrolment code').fill(code);
}

/** Joins a set-up centre to the server from the Sync page, uploading its data. */
async function uploadCentre(page: Page, server: RealServer, centre: string): Promise<void> {
  const { code } = await server.centreWithCode(centre, { upload: true });
  await goTo(page, 'Sync');
  await fillJoinForm(page, server.url, code);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByTestId('sync-pending')).toContainText('Nothing: all changes are on the server', { timeout: 60_000 });
}

test.describe('the national office', () => {
  let server: RealServer;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startRealServer();
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('all centres or one, with the figures by centre', async ({ page, browser }) => {
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme: 'light' });
    const quarter = quarterOf(new Date().toISOString());
    const karachi = 'National Incubation Center Karachi';
    const lahore = 'National Incubation Center Lahore';

    // Karachi: the quarter of the first test, uploaded.
    await setUpCentre(page, karachi);
    await seedQuarter(page, quarter);
    await uploadCentre(page, server, karachi);

    const others: Awaited<ReturnType<typeof openWorkstation>>[] = [];
    try {
      // Lahore: one startup inducted this quarter, uploaded.
      const desk = await openWorkstation(browser);
      others.push(desk);
      await setUpCentre(desk.page, lahore, lahoreManager);
      await callManyAsSignedIn(desk.page, [
        { method: 'startups.create', input: { name: 'Rozee Robotics', sector: 'manufacturing', stage: 'incubated' } },
      ]);
      await uploadCentre(desk.page, server, lahore);

      // The national office joins from its first-run screen and signs in.
      const office = await openWorkstation(browser);
      others.push(office);
      const national = office.page;
      await national.getByRole('button', { name: 'Join a central server instead' }).click();
      await fillJoinForm(national, server.url, await server.code(null, { role: 'national' }));
      await national.getByRole('button', { name: 'Join', exact: true }).click();
      await expect(national.getByRole('heading', { name: 'Sign in' })).toBeVisible({ timeout: 60_000 });
      await signIn(national, manager);
      await goTo(national, 'Reports');

      // All centres: the sum, and a table by centre.
      const centres = national.getByTestId('report-centre');
      await expect(centres).toHaveValue('All centres');
      await expect(national.getByTestId('report-scope')).toHaveText('All centres · 2 centres', { timeout: 60_000 });
      await expect(national.getByTestId('report-quarter-name')).toContainText('by the sync server');
      await expect(value(national, 'startups.inducted')).toHaveText(String(KNOWN.inducted + 1));
      await expect(value(national, 'revenue.pkr')).toHaveText(/^Rs\s?2,050,000$/);
      const byCentre = national.getByRole('table', { name: 'By centre' });
      await expect(byCentre.getByRole('row')).toHaveCount(3);
      await national.evaluate(() => window.scrollTo(0, 0));
      await screenshot(national, 'reports-national');

      // One centre's part, from the table by centre: its records, named but not linked (this
      // computer does not hold the centres' records).
      await byCentre.getByRole('button', { name: new RegExp(`^Inducted, ${lahore}: 1\\.`) }).click();
      const records = national.getByRole('dialog', { name: new RegExp(`^Inducted · ${lahore}`) });
      await expect(records.getByTestId('report-row')).toHaveCount(1);
      await expect(records.getByRole('row', { name: /Rozee Robotics/ })).toBeVisible();
      await expect(records.getByRole('link', { name: 'Rozee Robotics' })).toHaveCount(0);
      await national.keyboard.press('Escape');

      // One centre: its own figures.
      await centres.click();
      await national.getByRole('option', { name: karachi }).click();
      await expect(national).toHaveURL(/centre=[0-9a-f-]{36}/);
      await expect(national.getByTestId('report-scope')).toHaveText(`${karachi} · 1 centre`, { timeout: 60_000 });
      await expect(value(national, 'startups.inducted')).toHaveText(String(KNOWN.inducted));
      await expect(value(national, 'mentoring.hours')).toHaveText(KNOWN.hours);
      await expect(national.getByRole('table', { name: 'By centre' })).toHaveCount(0);

      for (const other of others) expect(other.problems, 'another workstation logged errors').toEqual([]);
    } finally {
      for (const other of others) await other.close();
    }
  });
});
