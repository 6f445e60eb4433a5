/**
 * `incubator report`: the reports.export job from the command line, with a calendar or a
 * fiscal quarter, progress on stderr, the file where it says, and bad input naming its flag.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterOf } from '../../shared/reports/quarters.js';
import { tempDir } from '../testing/harness.js';
import { initialised, type CliRun } from './cli-test-kit.js';

let env: Awaited<ReturnType<typeof initialised>>;
// The CLI runs on the real clock: the report is for this quarter, with what was added today.
const quarter = quarterOf(new Date().toISOString());
const year = Number(quarter.slice(0, 4));
const q = Number(quarter.slice(6));
const fiscal = q >= 3 ? `FY${year + 1}-Q${q - 2}` : `FY${year}-Q${q + 2}`;

beforeAll(async () => {
  env = await initialised();
  const added = await env.run(
    'startups',
    'add',
    '--name',
    'Tez Pay',
    '--sector',
    'fintech',
    '--women-led',
    '--stage',
    'incubated',
  );
  expect(added.code, added.stderr).toBe(0);
}, 60_000);
afterAll(() => env.cleanup());

const jsonOf = (run: CliRun) =>
  run.json<{ path: string; fileName: string; format: string; bytes: number; quarter: string; label: string }>();

describe('incubator report', () => {
  it('writes the JSON report to exports/ with the KPI values nested, printing progress and where it wrote', async () => {
    const run = await env.run('--json', 'report', '--quarter', quarter, '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const result = jsonOf(run);
    expect(path.dirname(result.path)).toBe(path.join(env.dir, 'exports'));
    expect(result).toMatchObject({ format: 'json', quarter, bytes: fs.statSync(result.path).size });
    expect(
      run.stderr
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).progress.phase),
    ).toEqual(expect.arrayContaining(['reading', 'done']));
    const report = JSON.parse(fs.readFileSync(result.path, 'utf8'));
    expect(report.values.startups.inducted).toBe(1);
    expect(report.values.startups.active).toBe(1);
    expect(report.values.startups.womenLedShare).toBe(1);
    expect(report.definitions['startups.active'].label).toBe('Active at quarter end');

    const text = await env.run('report', '--quarter', quarter, '--format', 'json');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^Wrote the report for ${quarter} \\(.+\\) to .+\\.json \\([\\d,]+ bytes\\)\\n$`));
    expect(text.stderr).toMatch(/Reading the records/);
  });

  it('reads a fiscal quarter as its calendar quarter and names it as the centre counts', async () => {
    const dir = tempDir();
    try {
      const set = await env.run('--json', 'report', '--quarter', fiscal, '--format', 'csv', '--out', path.join(dir, 'q.zip'));
      expect(set.code, set.stderr).toBe(0);
      expect(jsonOf(set)).toMatchObject({ quarter, path: path.join(dir, 'q.zip'), format: 'csv' });
      expect(fs.readFileSync(path.join(dir, 'q.zip')).subarray(0, 2).toString()).toBe('PK');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the flag of bad input and exits 2', async () => {
    const bad = await env.run('--json', 'report', '--quarter', '2026-Q5', '--format', 'json');
    expect(bad.code).toBe(2);
    expect(bad.error()).toMatchObject({ code: 'invalid', issues: [{ flag: '--quarter' }] });
    const text = await env.run('report', '--quarter', 'Q3', '--format', 'json');
    expect(text.stderr).toMatch(/--quarter: "Q3" is not a quarter/);
    const wrongFile = await env.run(
      '--json',
      'report',
      '--quarter',
      quarter,
      '--format',
      'xlsx',
      '--out',
      path.join(env.dir, 'report.pdf'),
    );
    expect(wrongFile.code).toBe(2);
    expect(wrongFile.error()).toMatchObject({ issues: [{ flag: '--out', message: 'The file name must end in .xlsx' }] });
    const format = await env.run('report', '--quarter', quarter, '--format', 'docx');
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/--format/);
    const missing = await env.run('report', '--format', 'json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--quarter/);
  });
});
