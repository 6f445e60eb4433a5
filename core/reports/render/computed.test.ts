/**
 * A report computed by the report engine (shared/reports/compute.ts) from a small centre made
 * by hand, rendered to every format: every KPI reads the same in the XLSX, the CSV, the JSON
 * and (with Chromium and pdftotext) the PDF's text. The hand-made fixture (render.test.ts)
 * covers the layout; this one covers what a real report holds.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuarterlyReport } from '../../../shared/api/reports.js';
import { computeQuarterlyReport } from '../../../shared/reports/compute.js';
import { emptyReportInput, type ReportInput } from '../../../shared/reports/input.js';
import { KPIS, SECTION_LABELS, type KpiKey } from '../../../shared/reports/kpis.js';
import { findChromium } from '../../common/chromium.js';
import { formatValue } from './format.js';
import { REPORT_RENDERERS } from './index.js';

const canPrint = findChromium() !== null && spawnSync('pdftotext', ['-v']).status === 0;
if (!canPrint) console.warn('Skipping the computed report PDF test: no Chromium (apt-get install chromium, or CHROMIUM_PATH) or no pdftotext (apt-get install poppler-utils)');

let n = 0;
const id = () => `0190b000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
const CENTRE = id();

/** A small centre around 2026-Q3: six startups, three mentors, a training programme. */
function smallCentre(): ReportInput {
  const c = CENTRE;
  const input: ReportInput = emptyReportInput([{ id: c, name: 'NIC Peshawar' }]);
  const incubation = { id: id(), centreId: c, name: 'Incubation 2026' };
  const training = { id: id(), centreId: c, name: 'Freelancing Skills' };
  input.programmes.push(incubation, training);
  const cohort = { id: id(), centreId: c, programmeId: incubation.id, name: 'Cohort 3' };
  const batch = { id: id(), centreId: c, programmeId: training.id, name: 'Batch 9' };
  input.cohorts.push(cohort, batch);
  const mentors = ['Amna Siddiqui', 'Bilal Ahmed', 'Sara Khan'].map((name, i) => ({
    id: id(),
    centreId: c,
    name,
    country: i === 2 ? 'AE' : 'PK',
  }));
  input.mentors.push(...mentors);

  const plan: Array<{
    name: string;
    sector: 'fintech' | 'agritech' | 'edtech';
    stages: Array<[string, string]>;
    womenLed: boolean;
  }> = [
    {
      name: 'Tez Pay',
      sector: 'fintech',
      stages: [
        ['applied', '2026-01-10'],
        ['incubated', '2026-02-01'],
      ],
      womenLed: true,
    },
    {
      name: 'Kisan Connect',
      sector: 'agritech',
      stages: [
        ['applied', '2026-06-01'],
        ['incubated', '2026-07-15'],
      ],
      womenLed: false,
    },
    {
      name: 'Ilm Academy',
      sector: 'edtech',
      stages: [
        ['applied', '2025-03-01'],
        ['incubated', '2025-04-01'],
        ['graduated', '2026-08-20'],
      ],
      womenLed: true,
    },
    { name: 'Bazaar Box', sector: 'fintech', stages: [['applied', '2026-08-05']], womenLed: false },
    {
      name: 'Zameen Solar',
      sector: 'agritech',
      stages: [
        ['applied', '2026-01-05'],
        ['incubated', '2026-02-01'],
        ['dropped', '2026-09-01'],
      ],
      womenLed: false,
    },
    {
      name: 'نیا دور',
      sector: 'edtech',
      stages: [
        ['applied', '2026-03-01'],
        ['incubated', '2026-04-01'],
      ],
      womenLed: true,
    },
  ];
  plan.forEach((p, i) => {
    const startup = {
      id: id(),
      centreId: c,
      name: p.name,
      sector: p.sector,
      stage: p.stages.at(-1)![0] as 'applied',
      cohortId: cohort.id,
      womenLed: p.womenLed,
      createdAt: `${p.stages[0]![1]}T09:00:00.000Z`,
    };
    input.startups.push(startup);
    let from: string | null = null;
    for (const [to, on] of p.stages) {
      input.stageChanges.push({
        id: id(),
        centreId: c,
        startupId: startup.id,
        fromStage: from as null,
        toStage: to as 'applied',
        changedOn: on,
        createdAt: `${on}T10:00:00.000Z`,
      });
      from = to;
    }
    input.founders.push({ id: id(), centreId: c, startupId: startup.id, name: `Founder of ${p.name}` });
    for (const quarter of ['2026-Q2', '2026-Q3']) {
      if (i === 3 || (i === 5 && quarter === '2026-Q3')) continue;
      input.metrics.push({
        id: id(),
        centreId: c,
        startupId: startup.id,
        quarter,
        revenuePkr: 400_000 * (i + 1) + (quarter === '2026-Q3' ? 50_000 : 0),
        exportRevenueUsd: i % 2 === 0 ? 1_250.75 * (i + 1) : null,
        fundingCommittedPkr: i === 0 ? 3_000_000 : null,
        fundingRaisedPkr: i === 0 ? 1_500_000 : i === 2 ? 800_000 : null,
        fundingSource: i === 0 ? 'Ignite' : i === 2 ? 'Angel investors' : null,
        jobsFullTime: 3 + i,
        jobsPartTime: i % 3,
        jobsWomen: 1 + (i % 2),
        customers: 20 * (i + 1),
        lockedAt: i % 2 === 0 ? '2026-10-03T00:00:00.000Z' : null,
      });
    }
    input.milestones.push({
      id: id(),
      centreId: c,
      startupId: startup.id,
      title: 'First paying customer',
      status: 'done',
      completedOn: '2026-08-14',
    });
    input.assignments.push({
      id: id(),
      centreId: c,
      mentorId: mentors[i % 3]!.id,
      startupId: startup.id,
      fromDate: '2026-01-01',
      toDate: null,
    });
    for (let k = 0; k < 3; k++) {
      const session = {
        id: id(),
        centreId: c,
        mentorId: mentors[(i + k) % 3]!.id,
        startupId: startup.id,
        startsAt: `2026-0${7 + k}-1${i}T06:30:00.000Z`,
        minutes: 45 + 15 * k,
      };
      input.sessions.push(session);
      input.actionItems.push({
        id: id(),
        centreId: c,
        sessionId: session.id,
        dueOn: '2026-09-15',
        done: k === 0,
        doneOn: k === 0 ? '2026-09-10' : null,
      });
    }
  });

  for (let t = 0; t < 10; t++) {
    const trainee = { id: id(), centreId: c, name: `Trainee ${t}`, gender: t % 3 === 0 ? null : t % 2 === 0 ? 'female' : 'male' };
    input.trainees.push(trainee);
    const completed = t < 7;
    input.enrolments.push({
      id: id(),
      centreId: c,
      traineeId: trainee.id,
      cohortId: batch.id,
      status: completed ? 'completed' : 'enrolled',
      completedOn: completed ? (t < 3 ? '2026-02-20' : '2026-09-01') : null,
      createdAt: t < 5 ? '2026-07-05T08:00:00.000Z' : '2025-12-01T08:00:00.000Z',
    });
    if (t < 6) input.certifications.push({ id: id(), centreId: c, traineeId: trainee.id, issuedOn: '2026-09-10' });
    if (t < 4)
      input.placements.push({
        id: id(),
        centreId: c,
        traineeId: trainee.id,
        kind: ['job', 'freelance', 'founder', 'job'][t]!,
        startedOn: '2026-08-01',
      });
  }
  return input;
}

const report = computeQuarterlyReport(smallCentre(), '2026-Q3', {
  generatedAt: '2026-10-05T10:00:00.000Z',
  source: 'workstation',
  scope: { kind: 'centre', centreId: CENTRE, name: 'NIC Peshawar', centres: 1 },
});

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-computed-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a computed report in every format', () => {
  it('is a report by the contract, with figures in every section', () => {
    expect(QuarterlyReport.safeParse(report).success).toBe(true);
    expect(report.values['startups.inducted']).toBe(1);
    expect(report.values['mentoring.sessions']).toBe(18);
    expect(report.values['revenue.pkr']).toBeGreaterThan(0);
    expect(report.perStartup.length).toBeGreaterThan(0);
  });

  it('reads the same in the XLSX, the CSV and the JSON', async () => {
    const xlsx = path.join(dir, 'r.xlsx');
    const zip = path.join(dir, 'r.zip');
    const json = path.join(dir, 'r.json');
    await REPORT_RENDERERS.xlsx!(report, xlsx);
    await REPORT_RENDERERS.csv!(report, zip);
    await REPORT_RENDERERS.json!(report, json);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const files = unzipSync(fs.readFileSync(zip));
    const csvName = Object.keys(files).find((name) => name.endsWith('-data-kpis.csv'))!;
    const csv = Papa.parse<string[]>(Buffer.from(files[csvName]!).toString('utf8').slice(1)).data;
    const nested = JSON.parse(fs.readFileSync(json, 'utf8')) as { values: Record<string, Record<string, number | null>> };

    for (const def of KPIS) {
      const expected = report.values[def.key as KpiKey];
      let cell: ExcelJS.CellValue = null;
      book.getWorksheet(SECTION_LABELS[def.section])!.eachRow((row) => {
        if (row.getCell(4).value === def.key) cell = row.getCell(2).value;
      });
      expect(cell ?? null, def.key).toBe(expected);
      const csvValue = csv.find((r) => r[0] === def.key)![4];
      expect(csvValue === '' ? null : Number(csvValue), def.key).toBe(expected);
      const [section, name] = def.key.split('.') as [string, string];
      expect(nested.values[section]![name], def.key).toBe(expected);
    }
    // The startups' sheet sums to the report's revenue.
    const annex = book.getWorksheet('Startup annex')!;
    const total = annex.getRow(report.perStartup.length + 2).getCell(11).value as { result: number };
    expect(total.result).toBe(report.values['revenue.pkr']);
  });

  it.skipIf(!canPrint)(
    'prints every KPI with its value as the PDF writes it',
    async () => {
      const pdf = path.join(dir, 'r.pdf');
      await REPORT_RENDERERS.pdf!(report, pdf);
      const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
      const lines = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
      for (const def of KPIS) {
        const value = formatValue(def.unit, report.values[def.key as KpiKey]).replace(/\s+/g, ' ');
        expect(
          lines.some((l) => l.startsWith(`${def.label} `) && l.endsWith(` ${value}`)),
          `${def.key}: ${def.label} ${value}`,
        ).toBe(true);
      }
      expect(text).toContain('NIC Peshawar');
      for (const s of report.perStartup) expect(text).toContain(s.name);
    },
    120_000,
  );
});
