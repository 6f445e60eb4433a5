/**
 * Import figures: a 30,000-row trainee roster (testing/roster.ts: 10% duplicates, 5%
 * invalid rows, Urdu names, mixed spellings) imported as XLSX and as CSV through the API
 * path the wizard and the CLI use — read, check, find duplicates, write through the domain
 * services (outbox ops, cell clocks, history, search index) in one transaction — each run
 * into a fresh centre that already has the roster's cohort and registered trainees.
 *
 * Reference: the same 30,000 rows inserted raw into the trainees table with one prepared
 * statement in one transaction (no checks, no outbox, no clocks, no history; the search
 * and count triggers still run), in a fresh database of the same schema.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { Core } from '../core/host/core.js';
import { connectInProcess } from '../core/host/in-process.js';
import { prepareCentre, TRAINEE_MAPPING } from '../core/import/testing/import-kit.js';
import { forgetCachedWorkbook } from '../core/import/workbook.js';
import { excelCsv, makeRoster, rosterXlsx, type Roster } from '../core/import/testing/roster.js';
import type { ApiClient } from '../shared/api/client.js';
import { median, type Row, BENCH_MANAGER as MANAGER } from './stats.js';

export const IMPORT_ROWS = 30_000;
/** The performance issue's target for the whole import of 30,000 rows. */
const TARGET_SECONDS = 3;

interface FreshCentre {
  core: Core;
  client: ApiClient;
  close(): void;
}

/** A new data folder with a centre, its manager signed in, and the roster's cohort and registered trainees. */
async function freshCentre(roster: Roster | null): Promise<FreshCentre> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-bench-import-'));
  const core = Core.open({ dataDir, log: () => {} });
  const { client } = connectInProcess(core);
  await client.call('auth.setup', {
    centreName: 'Bench Centre',
    centreCity: 'Karachi',
    managerName: 'Bench Manager',
    managerEmail: MANAGER.email,
    managerPassword: MANAGER.password,
  });
  if (roster) await prepareCentre(client, roster);
  return {
    core,
    client,
    close() {
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The roster's files under bench/data/import; the XLSX (slow to write) is kept for later runs
 * of the same year (the roster's too-young and future birth dates depend on the year).
 */
async function rosterFiles(cacheDir: string, roster: Roster, year: string): Promise<{ csv: string; xlsx: string }> {
  const dir = path.join(cacheDir, 'import');
  fs.mkdirSync(dir, { recursive: true });
  const csv = path.join(dir, `roster-${IMPORT_ROWS}-${year}.csv`);
  const xlsx = path.join(dir, `roster-${IMPORT_ROWS}-${year}.xlsx`);
  fs.writeFileSync(csv, excelCsv(roster));
  if (!fs.existsSync(xlsx)) await rosterXlsx(roster, xlsx);
  return { csv, xlsx };
}

async function timeImport(roster: Roster, file: string, runs: number): Promise<{ times: number[]; phases: Record<string, number[]>; summary: string }> {
  const times: number[] = [];
  const phases: Record<string, number[]> = {};
  let summary = '';
  for (let i = 0; i < runs; i++) {
    const centre = await freshCentre(roster);
    forgetCachedWorkbook(); // as the first read of a file: the wizard reuses it between its steps
    try {
      let phase = '';
      let phaseStart = 0;
      const started = performance.now();
      const result = await centre.client.runJob(
        'import.commit',
        { source: { path: file }, kind: 'trainees', mapping: TRAINEE_MAPPING, validOnly: true },
        {
          onProgress: (p) => {
            if (!p.phase || p.phase === phase) return;
            const now = performance.now();
            if (phase) (phases[phase] ??= []).push(now - phaseStart);
            phase = p.phase;
            phaseStart = now;
          },
        },
      );
      const ms = performance.now() - started;
      if (phase) (phases[phase] ??= []).push(performance.now() - phaseStart);
      times.push(ms);
      summary = `${result.added.toLocaleString('en')} added, ${result.skipped.toLocaleString('en')} skipped, ${result.rejected.toLocaleString('en')} rejected`;
    } finally {
      centre.close();
    }
  }
  return { times, phases, summary };
}

/** The reference: the same rows as text, one prepared INSERT each, one transaction. */
async function timeRawInsert(roster: Roster, runs: number): Promise<number[]> {
  const rows = roster.rows.filter((r): r is NonNullable<typeof r> => r !== null);
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const centre = await freshCentre(null);
    try {
      const insert = centre.core.db.prepare(
        `INSERT INTO trainees (id, centre_id, created_at, updated_at, deleted, name, cnic, phone, gender, date_of_birth, email, city, skills, consent)
         VALUES (?, NULL, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
      );
      const at = new Date().toISOString();
      const started = performance.now();
      centre.core.db.transaction(() => {
        for (const [name, cnic, phone, gender, dob, email, city, skills] of rows) {
          insert.run(uuidv7(), at, at, text(name), text(cnic), text(phone), text(gender), text(dob), text(email), text(city), JSON.stringify([text(skills)]));
        }
      })();
      times.push(performance.now() - started);
    } finally {
      centre.close();
    }
  }
  return times;
}

export async function benchImport(opts: { runs: number; cacheDir: string }): Promise<Row[]> {
  const area = 'Import';
  const today = new Date().toISOString().slice(0, 10);
  const roster = makeRoster({ rows: IMPORT_ROWS, today });
  console.error(`Import: writing the ${IMPORT_ROWS.toLocaleString('en')}-row roster files…`);
  const files = await rosterFiles(opts.cacheDir, roster, today.slice(0, 4));
  const rawTimes = await timeRawInsert(roster, opts.runs);
  const raw = { median: median(rawTimes), min: Math.min(...rawTimes), max: Math.max(...rawTimes) };
  const rate = (ms: number) => Math.round(IMPORT_ROWS / (ms / 1000));
  const rows: Row[] = [
    {
      area,
      measure: `Raw insert of the ${IMPORT_ROWS.toLocaleString('en')} rows into trainees (one prepared INSERT each, one transaction)`,
      unit: 'rows/s',
      median: rate(raw.median),
      min: rate(raw.max),
      max: rate(raw.min),
      extra: `${(raw.median / 1000).toFixed(2)} s`,
    },
  ];
  for (const [format, file] of [
    ['XLSX', files.xlsx],
    ['CSV', files.csv],
  ] as const) {
    console.error(`Import: ${format}, ${opts.runs} runs…`);
    const { times, phases, summary } = await timeImport(roster, file, opts.runs);
    const s = { median: median(times), min: Math.min(...times), max: Math.max(...times) };
    const phaseText = Object.entries(phases)
      .map(([phase, ms]) => `${phase} ${(median(ms) / 1000).toFixed(2)} s`)
      .join(', ');
    rows.push({
      area,
      measure: `Import a ${IMPORT_ROWS.toLocaleString('en')}-row trainee ${format} (valid rows; ${summary})`,
      unit: 'rows/s',
      median: rate(s.median),
      min: rate(s.max),
      max: rate(s.min),
      extra: `${(s.median / 1000).toFixed(2)} s: ${phaseText}`,
      reference: 'raw insert, same rows',
      // How many times longer than the raw insert it takes.
      ratio: s.median / raw.median,
      target: `≤ ${TARGET_SECONDS} s (${rate(TARGET_SECONDS * 1000).toLocaleString('en')} rows/s)`,
    });
  }
  return rows;
}
