/**
 * Workstation figures, measured through the same API path the UI uses (in-process
 * transport: validation, permissions, one transaction per call), each beside a reference
 * measured in the same run on the same database.
 */
import { performance } from 'node:perf_hooks';
import { Core } from '../core/host/core.js';
import { connectInProcess } from '../core/host/in-process.js';
import type { ApiClient } from '../shared/api/client.js';
import type { SessionUser } from '../core/context.js';
import { percentile, summarise, timeRuns, median, type Row, BENCH_MANAGER as MANAGER } from './stats.js';


async function signedIn(core: Core): Promise<ApiClient> {
  const { client } = connectInProcess(core);
  await client.call('auth.signIn', MANAGER);
  return client;
}

/** Search terms a person would type: prefixes of real names and "name city" pairs. */
function searchTerms(core: Core, count: number): string[] {
  const sample = core.db
    .prepare('SELECT name, city FROM trainees WHERE deleted = 0 AND rowid % 997 = 0 LIMIT ?')
    .all(count) as { name: string; city: string | null }[];
  return sample.map((r, i) => {
    const first = r.name.split(' ')[0] ?? r.name;
    if (i % 3 === 0 && r.city) return `${first.slice(0, 4)} ${r.city.slice(0, 3)}`;
    if (i % 3 === 1) return first.slice(0, 3);
    return r.name;
  });
}

export async function benchCore(dataDir: string, runs: number): Promise<Row[]> {
  const rows: Row[] = [];
  const area = 'Workstation';

  // Open (pragmas, quick_check, migrations) and first query, a new Core each time (the OS
  // file cache stays warm). Sign-in is left out: scrypt at OWASP cost is slow on purpose.
  const openTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const core = Core.open({ dataDir, log: () => {} });
    const { client, connection } = connectInProcess(core);
    const manager = core.db.prepare('SELECT id, name, email, role FROM users WHERE email = ?').get(MANAGER.email) as SessionUser;
    connection.user = manager;
    await client.call('trainees.list', { limit: 100 });
    openTimes.push(performance.now() - start);
    core.close();
  }
  rows.push({ area, measure: 'Open the database and show the first page of trainees', unit: 'ms', ...summarise(openTimes) });

  const core = Core.open({ dataDir, log: () => {} });
  try {
    const client = await signedIn(core);
    const total = (await client.call('trainees.list', { limit: 1 })).total;

    // Full-text search, prefix-aware, through the API; reference: a LIKE scan for the same words.
    const terms = searchTerms(core, 60);
    const ftsTimes: number[] = [];
    const likeTimes: number[] = [];
    const like = core.db.prepare(
      "SELECT * FROM trainees WHERE deleted = 0 AND (name || ' ' || coalesce(city, '')) LIKE ? ORDER BY name LIMIT 50",
    );
    for (let r = 0; r < Math.max(1, Math.floor(runs / 2)); r++) {
      for (const term of terms) {
        let start = performance.now();
        await client.call('trainees.list', { search: term, limit: 50 });
        ftsTimes.push(performance.now() - start);
        start = performance.now();
        like.all(`%${term.split(' ').join('%')}%`);
        likeTimes.push(performance.now() - start);
      }
    }
    rows.push({
      area,
      measure: `Trainee search over ${total.toLocaleString('en')} (FTS5 prefix, via API), p50`,
      unit: 'ms',
      median: median(ftsTimes),
      min: Math.min(...ftsTimes),
      max: Math.max(...ftsTimes),
      extra: `p95 ${percentile(ftsTimes, 95).toFixed(1)} ms`,
      reference: `LIKE scan p50 ${median(likeTimes).toFixed(1)} ms, p95 ${percentile(likeTimes, 95).toFixed(1)} ms`,
      ratio: median(ftsTimes) / median(likeTimes),
      target: 'p95 ≤ 20 ms',
    });

    // Global search (Ctrl+K) across startups, mentors and trainees.
    const globalTimes: number[] = [];
    for (const term of terms.slice(0, 30)) {
      const start = performance.now();
      await client.call('search.global', { text: term, limit: 8 });
      globalTimes.push(performance.now() - start);
    }
    rows.push({ area, measure: 'Global search (Ctrl+K), p50', unit: 'ms', median: median(globalTimes), extra: `p95 ${percentile(globalTimes, 95).toFixed(1)} ms` });

    // List paging by name.
    for (const offset of [0, 10_000]) {
      const times = await timeRuns(runs, () => client.call('trainees.list', { limit: 100, offset, sort: { field: 'name', direction: 'asc' } }));
      rows.push({ area, measure: `Trainee list page of 100 at offset ${offset.toLocaleString('en')}`, unit: 'ms', ...summarise(times) });
    }

    // Writes through the API (one transaction per call, synchronous=FULL) against the limit:
    // the same rows inserted raw with prepared statements in one transaction.
    const n = 500;
    const stamp = Date.now();
    const inputs = Array.from({ length: n }, (_, i) => ({
      name: `Bench Trainee ${i}`,
      email: `bench.${stamp}.${i}@example.pk`,
      city: 'Lahore',
      gender: 'female' as const,
      skills: ['python', 'sql'],
    }));
    let start = performance.now();
    for (const input of inputs) await client.call('trainees.create', input);
    const apiSeconds = (performance.now() - start) / 1000;
    core.db.exec('CREATE TEMP TABLE bench_raw AS SELECT * FROM trainees WHERE 0');
    const insert = core.db.prepare(
      'INSERT INTO bench_raw (id, created_at, updated_at, deleted, name, email, city, gender, skills, consent) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, 0)',
    );
    start = performance.now();
    core.db.transaction(() => {
      inputs.forEach((t, i) => insert.run(`raw-${i}`, 'now', 'now', t.name, t.email, t.city, t.gender, JSON.stringify(t.skills)));
    })();
    const rawSeconds = (performance.now() - start) / 1000;
    rows.push({
      area,
      measure: `Trainee creates through the API (${n}, one transaction each)`,
      unit: 'rows/s',
      median: n / apiSeconds,
      reference: `raw prepared inserts, one transaction: ${(n / rawSeconds).toFixed(0)} rows/s`,
      ratio: n / apiSeconds / (n / rawSeconds),
    });
    rows.push({ area, measure: 'Peak RSS of the process running core', unit: 'MB', median: process.resourceUsage().maxRSS / 1024, target: '≤ 300 MB' });
  } finally {
    core.close();
  }
  return rows;
}
