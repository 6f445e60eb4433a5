/**
 * Report figures: the quarterly report of a centre with 1,000 startups, 100,000 mentoring
 * sessions (over the last year) and 100,000 trainees, exported through the API path the app
 * and the CLI use (`reports.export`: load the rows, compute, render, write the file) as PDF,
 * XLSX, CSV (zip) and JSON, for the last full quarter (the one with check-ins). Each format is
 * the median of a few runs after a warm-up, with its renderer alone on the computed report
 * beside it; `reports.quarterly` (the report as data, no document) is measured too. Last,
 * the renderers on a hand-made report with all 1,000 startups in the annex (a PDF of over a
 * thousand pages), which no seeded quarter reaches: most of the centre's startups are not
 * active, inducted, graduated, dropped or mentored in one quarter.
 *
 * The seeded database is made once by the CLI under bench/data/ and reused (like run.ts does
 * for the workstation's).
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { latestVersion } from '../core/db/migrations/index.js';
import { Core } from '../core/host/core.js';
import { connectInProcess } from '../core/host/in-process.js';
import { REPORT_FILE_EXTENSIONS, rendererFor } from '../core/reports/render/index.js';
import { sampleReport } from '../core/reports/render/test-fixture.js';
import type { QuarterlyReport, ReportFormat } from '../shared/api/reports.js';
import { quarterOf, shiftQuarter } from '../shared/reports/quarters.js';
import { median, type Row, BENCH_MANAGER as MANAGER } from './stats.js';

export const REPORT_DATA = { startups: 1_000, sessions: 100_000, trainees: 100_000, mentors: 300 } as const;
const FORMATS: ReportFormat[] = ['pdf', 'xlsx', 'csv', 'json'];

/** The seeded centre under `cacheDir` (made once, then reused). */
export function prepareReportsDatabase(cacheDir: string, root: string): { dataDir: string; seedSeconds: number } {
  const { startups, sessions, trainees, mentors } = REPORT_DATA;
  // Named by the schema and by the seed's code: a report of a past quarter depends on how the
  // seed dates its rows, so a changed seed makes a new database (and the old one goes).
  const seedCode = crypto
    .createHash('sha256')
    .update(fs.readFileSync(path.join(root, 'core', 'seed', 'seed.ts')))
    .digest('hex')
    .slice(0, 8);
  const prefix = `reports-${startups}s-${sessions}ss-${trainees}t-`;
  const dataDir = path.join(cacheDir, `${prefix}v${latestVersion}-seed${seedCode}`);
  const marker = path.join(dataDir, 'seeded.json');
  if (fs.existsSync(marker)) return { dataDir, seedSeconds: JSON.parse(fs.readFileSync(marker, 'utf8')).seconds };
  if (fs.existsSync(cacheDir)) {
    for (const old of fs.readdirSync(cacheDir).filter((name) => name.startsWith(prefix)))
      fs.rmSync(path.join(cacheDir, old), { recursive: true, force: true });
  }
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [path.join(root, 'bin', 'incubator.mjs'), '--data', dataDir, ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  console.error(
    `Reports: seeding ${startups} startups, ${sessions.toLocaleString('en')} sessions, ${trainees.toLocaleString('en')} trainees into ${dataDir} (once)…`,
  );
  cli('init', '--centre', 'Bench Centre', '--manager-email', MANAGER.email, '--manager-password', MANAGER.password);
  const started = Date.now();
  cli(
    'seed',
    '--trainees',
    String(trainees),
    '--startups',
    String(startups),
    '--mentors',
    String(mentors),
    '--sessions',
    String(sessions),
    '--seed',
    '7',
  );
  const seconds = (Date.now() - started) / 1000;
  fs.writeFileSync(marker, JSON.stringify({ seconds }));
  return { dataDir, seedSeconds: seconds };
}

const seconds = (ms: number) => ms / 1000;

/** The format's renderer on a report object, after a warm-up (ms per run). */
async function renderTimes(format: ReportFormat, report: QuarterlyReport, outDir: string, runs: number): Promise<number[]> {
  const file = path.join(outDir, `rendered.${REPORT_FILE_EXTENSIONS[format]}`);
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    await rendererFor(format)(report, file);
    if (i > 0) times.push(performance.now() - started);
    fs.rmSync(file, { force: true });
  }
  return times;
}

export async function benchReports(opts: { runs: number; cacheDir: string; root: string }): Promise<Row[]> {
  const area = 'Reports';
  const { dataDir, seedSeconds } = prepareReportsDatabase(opts.cacheDir, opts.root);
  const quarter = shiftQuarter(quarterOf(new Date().toISOString().slice(0, 10)), -1);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-bench-reports-'));
  const core = Core.open({ dataDir, log: () => {} });
  const rows: Row[] = [
    {
      area,
      measure: `Seed ${REPORT_DATA.startups.toLocaleString('en')} startups, ${REPORT_DATA.sessions.toLocaleString('en')} sessions, ${REPORT_DATA.trainees.toLocaleString('en')} trainees (CLI, once)`,
      unit: 's',
      median: seedSeconds,
    },
  ];
  try {
    await core.integrityChecked();
    const { client } = connectInProcess(core);
    await client.call('auth.signIn', MANAGER);

    const computeTimes: number[] = [];
    let report: QuarterlyReport | null = null;
    for (let i = 0; i <= opts.runs; i++) {
      const started = performance.now();
      report = await client.call('reports.quarterly', { quarter });
      if (i > 0) computeTimes.push(performance.now() - started);
    }
    const computed = report!;
    const summary = `${computed.perStartup.length.toLocaleString('en')} startups in the annex, ${(computed.values['mentoring.sessions'] ?? 0).toLocaleString('en')} sessions in the quarter`;
    const compute = median(computeTimes);
    rows.push({
      area,
      measure: `The ${quarter} report as data (reports.quarterly: load the rows, compute, answer the object; ${summary})`,
      unit: 's',
      median: seconds(compute),
      min: seconds(Math.min(...computeTimes)),
      max: seconds(Math.max(...computeTimes)),
    });

    for (const format of FORMATS) {
      console.error(`Reports: ${format.toUpperCase()}, ${opts.runs} runs…`);
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i <= opts.runs; i++) {
        const file = path.join(outDir, `report-${i}.${REPORT_FILE_EXTENSIONS[format]}`);
        const started = performance.now();
        const result = await client.runJob('reports.export', { quarter, format, path: file });
        if (i > 0) times.push(performance.now() - started);
        bytes = result.bytes;
        fs.rmSync(file, { force: true });
      }
      // The document alone: the format's renderer on the computed report.
      const documentTimes = await renderTimes(format, computed, outDir, opts.runs);
      const m = median(times);
      rows.push({
        area,
        measure: `Export the ${quarter} report as ${format.toUpperCase()} (reports.export, end to end)`,
        unit: 's',
        median: seconds(m),
        min: seconds(Math.min(...times)),
        max: seconds(Math.max(...times)),
        extra: `${(bytes / 2 ** 20).toFixed(1)} MB; the document alone ${seconds(median(documentTimes)).toFixed(2)} s`,
      });
    }

    // The longest annex the contract allows here: every one of the 1,000 startups a page.
    const big = sampleReport({ startups: REPORT_DATA.startups, mentors: REPORT_DATA.mentors });
    for (const format of FORMATS) {
      const times = await renderTimes(format, big, outDir, opts.runs);
      rows.push({
        area,
        measure: `Render a report with ${REPORT_DATA.startups.toLocaleString('en')} startups in the annex as ${format.toUpperCase()} (the renderer alone, hand-made report)`,
        unit: 's',
        median: seconds(median(times)),
        min: seconds(Math.min(...times)),
        max: seconds(Math.max(...times)),
      });
    }
  } finally {
    core.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  return rows;
}
