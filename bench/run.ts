/**
 * `npm run bench [-- --quick] [-- --trainees N] [-- --runs N]`: measures the workstation on
 * a deterministic seeded database, the import of a 30,000-row roster (bench/import.ts;
 * `--skip-import`, `--import-only`), the quarterly report's documents for a centre of 1,000
 * startups (bench/reports.ts; `--skip-reports`, `--reports-only`), and sync against the
 * central server (bench/sync.ts; `--skip-sync`, `--sync-only`), and writes bench/RESULTS.md. Figures are medians of
 * several runs with min and max, and each has a reference measured in the same run.
 * Benchmarks never run in `npm test`; they print figures and assert nothing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Core } from '../core/host/core.js';
import { latestVersion } from '../core/db/migrations/index.js';
import { benchCore } from './workstation.js';
import { benchUi, UI_AREA } from './ui.js';
import { benchSync } from './sync.js';
import { benchImport, IMPORT_ROWS } from './import.js';
import { benchReports, REPORT_DATA } from './reports.js';
import { formatTable, type Row, BENCH_MANAGER as MANAGER } from './stats.js';
import { mergeResults, type ResultsSection, type SectionTitle } from './results-file.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    trainees: { type: 'string' },
    runs: { type: 'string' },
    'skip-ui': { type: 'boolean', default: false },
    /** Only the UI figures (the workstation ones take minutes at a million trainees). */
    'ui-only': { type: 'boolean', default: false },
    'skip-sync': { type: 'boolean', default: false },
    /** Only the sync figures (server on PGlite and PostgreSQL). */
    'sync-only': { type: 'boolean', default: false },
    'skip-import': { type: 'boolean', default: false },
    /** Only the import figures (30,000-row XLSX and CSV against a raw insert). */
    'import-only': { type: 'boolean', default: false },
    'skip-reports': { type: 'boolean', default: false },
    /** Only the report figures (PDF, XLSX, CSV, JSON of a 1,000-startup centre). */
    'reports-only': { type: 'boolean', default: false },
  },
});
const trainees = Number(values.trainees ?? (values.quick ? 100_000 : 1_000_000));
const runs = Number(values.runs ?? (values.quick ? 5 : 7));
/** Sync bootstraps a centre of 100,000 trainees, or of `--trainees` when that is fewer. */
const SYNC_BOOTSTRAP_TRAINEES = 100_000;

/**
 * Seeding a million trainees takes over ten minutes: a seed made by an older schema version
 * is migrated forward in place (as a user's database would be) instead of seeded again. The
 * copy the migration takes first is removed, it would double the disk used.
 */
function adoptOlderSeed(dataDir: string, trainees: number): void {
  const prefix = `trainees-${trainees}-v`;
  if (!fs.existsSync(path.dirname(dataDir))) return;
  const older = fs
    .readdirSync(path.dirname(dataDir))
    .filter((name) => name.startsWith(prefix) && fs.existsSync(path.join(path.dirname(dataDir), name, 'seeded.json')))
    .sort((a, b) => Number(b.slice(prefix.length)) - Number(a.slice(prefix.length)))[0];
  if (!older || Number(older.slice(prefix.length)) > latestVersion) return;
  console.error(`Migrating the seeded database ${older} to schema v${latestVersion}…`);
  fs.renameSync(path.join(path.dirname(dataDir), older), dataDir);
  Core.open({ dataDir, log: () => {} }).close();
  fs.rmSync(path.join(dataDir, 'backups'), { recursive: true, force: true });
}

/** Builds (once, then reuses) a seeded database of this size under bench/data/. */
function prepareDatabase(trainees: number): { dataDir: string; seedSeconds: number | null } {
  const dataDir = path.join(root, 'bench', 'data', `trainees-${trainees}-v${latestVersion}`);
  const marker = path.join(dataDir, 'seeded.json');
  if (!fs.existsSync(marker)) adoptOlderSeed(dataDir, trainees);
  if (fs.existsSync(marker)) return { dataDir, seedSeconds: JSON.parse(fs.readFileSync(marker, 'utf8')).seconds };
  fs.rmSync(dataDir, { recursive: true, force: true });
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [path.join(root, 'bin', 'incubator.mjs'), '--data', dataDir, ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  console.error(`Seeding ${trainees.toLocaleString('en')} trainees into ${dataDir} (once; reused by later runs)…`);
  cli('init', '--centre', 'Bench Centre', '--manager-email', MANAGER.email, '--manager-password', MANAGER.password);
  const started = Date.now();
  cli('seed', '--trainees', String(trainees), '--startups', '200', '--mentors', '80', '--sessions', '2000', '--seed', '7');
  const seconds = (Date.now() - started) / 1000;
  fs.writeFileSync(marker, JSON.stringify({ seconds }));
  return { dataDir, seedSeconds: seconds };
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

async function benchWorkstation(rows: Row[]): Promise<void> {
  const { dataDir, seedSeconds } = prepareDatabase(trainees);
  if (seedSeconds !== null) {
    rows.push({
      area: 'Workstation',
      measure: `Seed ${trainees.toLocaleString('en')} trainees + demo data (CLI, once)`,
      unit: 's',
      median: seedSeconds,
    });
  }
  if (!values['ui-only']) rows.push(...(await benchCore(dataDir, runs)));
  if (!values['skip-ui']) {
    const core = Core.open({ dataDir, log: () => {} });
    try {
      // A large database is integrity-checked in a worker after opening; UI figures are
      // taken once it is done, as on a workstation that has been open for a minute.
      await core.integrityChecked();
      rows.push(...(await benchUi(core, runs, root)));
    } finally {
      core.close();
    }
  }
}

async function main(): Promise<void> {
  const sections: ResultsSection[] = [];
  const ran = `Run ${new Date().toISOString()} with \`npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` on ${machine()}.`;
  const section = (title: SectionTitle, about: string, rows: Row[]) => {
    if (rows.length) sections.push({ title, preamble: [ran, about], table: formatTable(rows) });
  };
  const reportsOnly = values['reports-only'];
  const only = values['import-only'] || reportsOnly;
  if (!values['sync-only'] && !only) {
    const rows: Row[] = [];
    await benchWorkstation(rows);
    const about = `Database: ${trainees.toLocaleString('en')} trainees (deterministic seed 7), schema v${latestVersion}. ${runs} runs per figure: median (min–max).`;
    section(
      'Workstation',
      about,
      rows.filter((row) => row.area !== UI_AREA),
    );
    section(
      'UI',
      `${about} Chromium through Playwright against the real core.`,
      rows.filter((row) => row.area === UI_AREA),
    );
  }
  if (!values['sync-only'] && !values['ui-only'] && !values['skip-import'] && !reportsOnly) {
    const importRuns = Math.min(runs, values.quick ? 3 : 5);
    section(
      'Import',
      `A ${IMPORT_ROWS.toLocaleString('en')}-row trainee roster into a fresh centre, schema v${latestVersion}. ${importRuns} runs per figure.`,
      await benchImport({ runs: importRuns, cacheDir: path.join(root, 'bench', 'data') }),
    );
  }
  if (!values['sync-only'] && !values['ui-only'] && !values['import-only'] && !values['skip-reports']) {
    const reportRuns = Math.min(runs, values.quick ? 3 : 5);
    section(
      'Reports',
      `A centre of ${REPORT_DATA.startups.toLocaleString('en')} startups, ${REPORT_DATA.sessions.toLocaleString('en')} mentoring sessions over a year and ${REPORT_DATA.trainees.toLocaleString('en')} trainees (deterministic seed 7), schema v${latestVersion}; the last full quarter, through reports.export. ${reportRuns} runs per figure after a warm-up.`,
      await benchReports({ runs: reportRuns, cacheDir: path.join(root, 'bench', 'data'), root }),
    );
  }
  const syncTrainees = Math.min(trainees, SYNC_BOOTSTRAP_TRAINEES);
  if (!values['skip-sync'] && !values['ui-only'] && !only) {
    section(
      'Sync',
      `A centre of ${syncTrainees.toLocaleString('en')} trainees (deterministic seed 7), schema v${latestVersion}; server on PGlite and on a private PostgreSQL cluster.`,
      await benchSync({
        runs,
        quick: values.quick,
        bootstrapSizes: [syncTrainees],
        seededDatabase: (n) => prepareDatabase(n).dataDir,
        cacheDir: path.join(root, 'bench', 'data'),
        pushRecords: 10_000,
        deviceCounts: [200],
        deviceSeconds: values.quick ? 5 : 10,
        deviceCentres: 5,
      }),
    );
  }
  for (const { title, table } of sections) console.log(`\n## ${title}\n\n${table}`);
  const file = path.join(root, 'bench', 'RESULTS.md');
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  fs.writeFileSync(file, mergeResults(existing, sections));
  console.error(`Wrote ${sections.map((s) => s.title).join(', ')} into bench/RESULTS.md (other sections kept)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
