import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normaliseCnic } from '../../shared/validation/cnic.js';
import { initialised, type CliRun } from './cli-test-kit.js';

type Row = Record<string, unknown> & { id: string };
type Page = { items: Row[]; total: number };
type Summary = { seed: number; created: Record<string, number>; seconds: number };

const SMALL = ['--startups', '12', '--mentors', '6', '--trainees', '1200', '--sessions', '60'];

function names(dir: string, table: string): string[] {
  const db = new Database(path.join(dir, 'incubator.sqlite'), { readonly: true });
  try {
    return (db.prepare(`SELECT name FROM ${table} ORDER BY rowid`).all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

describe('seed', () => {
  const folders: Array<{ cleanup(): void }> = [];
  let run: (...argv: string[]) => Promise<CliRun>;
  let dir: string;
  beforeEach(async () => {
    const f = await initialised();
    folders.push(f);
    ({ run, dir } = f);
  });
  afterEach(() => folders.splice(0).forEach((f) => f.cleanup()));

  it('writes valid, searchable demo data through the services, with outbox ops', async () => {
    const r = await run('--json', 'seed', ...SMALL, '--seed', '42');
    expect(r.code).toBe(0);
    const summary = r.json<Summary>();
    expect(summary.seed).toBe(42);
    expect(summary.created).toMatchObject({ startups: 12, mentors: 6, trainees: 1200, mentoring_sessions: 60 });
    for (const table of [
      'programmes',
      'cohorts',
      'founders',
      'milestones',
      'quarterly_metrics',
      'mentor_assignments',
      'action_items',
      'enrolments',
      'certifications',
      'placements',
    ]) {
      expect(summary.created[table], table).toBeGreaterThan(0);
    }
    // Progress went to stderr, as JSON lines; stdout holds only the result.
    expect(
      r.stderr
        .trim()
        .split('\n')
        .every((line) => 'progress' in (JSON.parse(line) as object)),
    ).toBe(true);

    const db = new Database(path.join(dir, 'incubator.sqlite'), { readonly: true });
    try {
      const ops = db.prepare("SELECT count(DISTINCT row_id) AS n FROM outbox WHERE tbl = 'trainees'").get() as { n: number };
      expect(ops.n).toBe(1200);
      const people = db.prepare('SELECT cnic, phone, email, city, district FROM trainees').all() as Record<
        string,
        string | null
      >[];
      expect(new Set(people.map((p) => p.cnic)).size).toBe(people.length);
      for (const p of people) {
        expect(normaliseCnic(p.cnic!)).toBe(p.cnic);
        if (p.phone) expect(p.phone).toMatch(/^\+923\d{9}$/);
        if (p.city === 'Karachi') expect(p.district).toMatch(/^(Karachi (South|East|Central|West)|Malir|Korangi|Keamari)$/);
      }
      const emails = people.map((p) => p.email).filter(Boolean);
      expect(new Set(emails).size).toBe(emails.length);
      const abroad = db.prepare("SELECT country, time_zone AS tz FROM mentors WHERE country != 'Pakistan'").all() as {
        country: string;
        tz: string;
      }[];
      for (const m of abroad) {
        expect(
          {
            'United Kingdom': 'Europe/London',
            'United Arab Emirates': 'Asia/Dubai',
            Canada: 'America/Toronto',
            'Saudi Arabia': 'Asia/Riyadh',
            'United States': 'America/Los_Angeles',
          }[m.country],
        ).toBe(m.tz);
      }
    } finally {
      db.close();
    }

    const found = await run('--json', 'trainees', 'search', 'ali karachi');
    expect(found.code).toBe(0);
    const page = found.json<Page>();
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((t) => t.city === 'Karachi')).toBe(true);
    expect(page.items.some((t) => String(t.name).startsWith('Ali '))).toBe(true);
    // Every hit has a word starting with "ali" somewhere in what is indexed.
    for (const t of page.items) expect(`${String(t.name)} ${String(t.email)}`.toLowerCase()).toMatch(/(^|[^a-z])ali/);

    const all = await run('--json', 'trainees', 'list', '--all');
    expect(all.json<Row[]>()).toHaveLength(1200);
    const limited = await run('trainees', 'search', 'ali', '--limit', '3');
    expect(limited.stdout).toMatch(/1–3 of \d+/);
  });

  it('gives the same data for the same seed, and different data for another', async () => {
    expect((await run('seed', ...SMALL, '--seed', '7')).code).toBe(0);
    const twin = await initialised();
    const other = await initialised();
    folders.push(twin, other);
    expect((await twin.run('seed', ...SMALL, '--seed', '7')).code).toBe(0);
    expect((await other.run('seed', ...SMALL, '--seed', '8')).code).toBe(0);
    for (const table of ['trainees', 'startups', 'mentors', 'founders']) {
      expect(names(twin.dir, table), table).toEqual(names(dir, table));
    }
    expect(names(other.dir, 'trainees')).not.toEqual(names(dir, 'trainees'));
  });

  it('refuses counts that are not whole numbers, naming the flag', async () => {
    const r = await run('seed', '--trainees', 'lots', '--mentors', '-3');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--trainees: Must be a whole number');
    expect(r.stderr).toContain('--mentors: Must be a whole number');
    const sessions = await run('seed', '--startups', '0', '--sessions', '5');
    expect(sessions.code).toBe(2);
    expect(sessions.stderr).toContain('--sessions: Sessions need mentors and startups');
  });

  it('can seed twice into one folder without clashing identifiers', async () => {
    expect((await run('seed', ...SMALL, '--seed', '1')).code).toBe(0);
    const again = await run('--json', 'seed', ...SMALL, '--seed', '2');
    expect(again.code).toBe(0);
    expect((await run('--json', 'trainees', 'list', '--limit', '1')).json<Page>().total).toBe(2400);
    expect(again.json<Summary>().created.programmes ?? 0).toBe(0); // reused
  });
});
