/**
 * The trainee register holds about a million rows: the list's common filters must be
 * answered through indexes. These tests run the real list calls, catch the SQL they
 * prepare and ask SQLite for its query plan. Without ANALYZE statistics (the app does not
 * gather them) SQLite plans as if every table were large, so a plan seen on this small test
 * database is the plan a million rows get.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api/index.js';
import { startCore, type Harness } from '../testing/harness.js';
import { BROAD } from './trainees.service.js';

let h: Harness;
let prepared: string[] = [];

beforeEach(async () => {
  h = await startCore({ now: () => new Date('2026-07-15T10:00:00Z') });
  const rows = h.core.rows;
  const statement = rows.statement.bind(rows);
  rows.statement = (sql: string) => {
    prepared.push(sql);
    return statement(sql);
  };
});
afterEach(() => h.close());

function planOf(sql: string): string[] {
  const params = (sql.match(/\?/g) ?? []).map(() => null);
  return (h.core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}

/**
 * The plans of the count and the page query a trainees.list call ran. The count is `[]`
 * when the call did not count trainee rows (the total came from live_counts or the FTS index).
 */
async function listPlans(query: InputOf<'trainees.list'>): Promise<{ count: string[]; page: string[]; sql: string[] }> {
  prepared = [];
  await h.manager.call('trainees.list', query);
  const count = prepared.find((s) => s.startsWith('SELECT count(*) AS n FROM trainees '));
  const page = prepared.find((s) => s.startsWith('SELECT trainees.* FROM trainees'));
  expect(page).toBeTruthy();
  return { count: count ? planOf(count) : [], page: planOf(page!), sql: prepared };
}

/** A step that reads every trainee row (a full scan of the table, not of an index). */
const scansAllTrainees = (plan: string[]) => plan.some((line) => /^SCAN trainees$/.test(line));

describe('trainee list query plans', () => {
  it('reads a page sorted by name or city in index order, and takes the total from the live-row counter', async () => {
    const all = await listPlans({});
    expect(all.page).toContain('SCAN trainees USING INDEX trainees_name');
    expect(all.count).toEqual([]);
    expect(all.sql).toContain('SELECT n FROM live_counts WHERE tbl = ?');
    expect((await listPlans({ sort: { field: 'city', direction: 'desc' } })).page).toContain(
      'SCAN trainees USING INDEX trainees_city',
    );
  });

  it('answers cohort, enrolment status and programme filters from the enrolment and cohort indexes', async () => {
    const id = '0190a0a0-0000-7000-8000-000000000000';
    const cohort = await listPlans({ filter: { cohortId: id } });
    for (const plan of [cohort.count, cohort.page]) {
      expect(plan).toContain('SEARCH e USING INDEX enrolments_cohort (cohort_id=?)');
      expect(plan).toContain('SEARCH trainees USING INDEX sqlite_autoindex_trainees_1 (id=?)');
      expect(scansAllTrainees(plan)).toBe(false);
    }
    const completed = await listPlans({ filter: { cohortId: id, status: 'completed' } });
    expect(completed.count).toContain('SEARCH e USING INDEX enrolments_cohort (cohort_id=? AND status=?)');
    const programme = await listPlans({ filter: { programmeId: id } });
    for (const plan of [programme.count, programme.page]) {
      expect(plan).toContain('SEARCH c USING INDEX cohorts_programme (programme_id=?)');
      expect(plan).toContain('SEARCH e USING INDEX enrolments_cohort (cohort_id=?)');
      expect(scansAllTrainees(plan)).toBe(false);
    }
  });

  it('answers city, skill and text search from the city and full-text indexes', async () => {
    const city = await listPlans({ filter: { city: 'Karachi' } });
    expect(city.count).toContain('SEARCH trainees USING INDEX trainees_city (city=?)');
    expect(scansAllTrainees(city.page)).toBe(false);
    // A search alone is counted in the FTS index, without reading trainee rows.
    const search = await listPlans({ search: 'ali kar' });
    expect(search.count).toEqual([]);
    expect(search.sql.some((s) => s.startsWith('SELECT count(*) AS n FROM trainees_fts WHERE'))).toBe(true);
    expect(search.page).toContain('SEARCH trainees USING INTEGER PRIMARY KEY (rowid=?)');
    for (const query of [{ search: 'ali kar', filter: { city: 'Karachi' } }, { filter: { skill: 'python' } }]) {
      const { count, page } = await listPlans(query);
      for (const plan of [count, page]) {
        expect(plan.some((line) => /SCAN trainees_fts VIRTUAL TABLE/.test(line))).toBe(true);
        // Fetched by rowid, directly or through the city index (city=? AND rowid=?).
        expect(plan.some((line) => /^SEARCH trainees USING .*rowid=\?\)$/.test(line))).toBe(true);
        expect(scansAllTrainees(plan)).toBe(false);
      }
    }
  });

  it('checks CNIC and email uniqueness through their indexes', async () => {
    prepared = [];
    await h.manager.call('trainees.create', { name: 'Ali Raza', cnic: '42101-1234567-1', email: 'ali@example.pk' });
    const unique = prepared.filter((s) => /^SELECT \* FROM trainees WHERE (cnic|email) = \?/.test(s));
    expect(unique).toHaveLength(2);
    expect(planOf(unique[0]!).join('\n')).toMatch(/SEARCH trainees USING INDEX trainees_cnic \(cnic=\?\)/);
    expect(planOf(unique[1]!).join('\n')).toMatch(/SEARCH trainees USING INDEX trainees_email \(email=\?\)/);
  });

  it('reads broad filters in name order, testing each trainee, and still counts them all', async () => {
    const programme = await h.manager.call('programmes.create', { kind: 'training', name: 'DigiSkills' });
    const cohort = await h.manager.call('cohorts.create', { programmeId: programme.id, name: 'Batch 1' });
    const small = await h.manager.call('cohorts.create', { programmeId: programme.id, name: 'Batch 2' });
    // BROAD trainees in Karachi, enrolled in Batch 1 and certified. Written straight to the
    // tables: only the row counts matter to the planner's choice, and this is a plan test.
    const at = '2026-07-01T00:00:00.000Z';
    h.core.db.transaction(() => {
      const trainee = h.core.db.prepare(
        "INSERT INTO trainees (id, created_at, updated_at, name, city, skills, consent) VALUES (?, ?, ?, ?, 'Karachi', '[]', 0)",
      );
      const enrolment = h.core.db.prepare(
        "INSERT INTO enrolments (id, created_at, updated_at, trainee_id, cohort_id, status) VALUES (?, ?, ?, ?, ?, 'enrolled')",
      );
      const certification = h.core.db.prepare(
        "INSERT INTO certifications (id, created_at, updated_at, trainee_id, title, issued_on) VALUES (?, ?, ?, ?, 'Cert', '2026-06-01')",
      );
      for (let i = 0; i < BROAD; i += 1) {
        const id = `t-${i}`;
        trainee.run(id, at, at, `Trainee ${i}`);
        enrolment.run(`e-${i}`, at, at, id, cohort.id);
        certification.run(`c-${i}`, at, at, id);
      }
    })();
    const hina = await h.manager.call('trainees.create', { name: 'Hina Baloch', city: 'Quetta' });
    await h.manager.call('enrolments.create', { traineeId: hina.id, cohortId: small.id });

    const karachi = await listPlans({ filter: { city: 'karachi' } });
    expect(karachi.page).toContain('SCAN trainees USING INDEX trainees_name');
    expect((await h.manager.call('trainees.list', { filter: { city: 'karachi' }, limit: 1 })).total).toBe(BROAD);
    // A small city is still read through its index.
    expect((await listPlans({ filter: { city: 'Quetta' } })).count).toContain(
      'SEARCH trainees USING INDEX trainees_city (city=?)',
    );

    for (const filter of [{ cohortId: cohort.id }, { programmeId: programme.id }, { status: 'enrolled' as const }]) {
      const { page } = await listPlans({ filter });
      expect(page).toContain('SCAN trainees USING INDEX trainees_name');
      expect(page.join('\n')).toMatch(/SEARCH e USING INDEX enrolments_trainee\w* \(trainee_id=\?/);
    }
    expect((await h.manager.call('trainees.list', { filter: { cohortId: cohort.id }, limit: 1 })).total).toBe(BROAD);
    expect((await h.manager.call('trainees.list', { filter: { programmeId: programme.id }, limit: 1 })).total).toBe(BROAD + 1);
    expect((await h.manager.call('trainees.list', { filter: { status: 'enrolled' }, limit: 1 })).total).toBe(BROAD + 1);
    // The small cohort is still read through the enrolment index.
    expect((await listPlans({ filter: { cohortId: small.id } })).count).toContain(
      'SEARCH e USING INDEX enrolments_cohort (cohort_id=?)',
    );
    const onlyHina = await h.manager.call('trainees.list', { filter: { cohortId: small.id } });
    expect(onlyHina.items.map((t) => t.id)).toEqual([hina.id]);

    // "trainee" matches BROAD names: read in name order, counted in the FTS index.
    const broadSearch = await listPlans({ search: 'trainee' });
    expect(broadSearch.page).toContain('SCAN trainees USING INDEX trainees_name');
    expect((await h.manager.call('trainees.list', { search: 'trainee', limit: 1 })).total).toBe(BROAD);
    expect((await h.manager.call('trainees.list', { search: 'hina', limit: 1 })).items.map((t) => t.id)).toEqual([hina.id]);
    expect((await h.manager.call('trainees.list', { limit: 1 })).total).toBe(BROAD + 1);

    const certified = await listPlans({ filter: { certified: true } });
    expect(certified.page).toContain('SCAN trainees USING INDEX trainees_name');
    expect((await h.manager.call('trainees.list', { filter: { certified: true }, limit: 1 })).total).toBe(BROAD);
    expect((await h.manager.call('trainees.list', { filter: { certified: false } })).items.map((t) => t.id)).toEqual([hina.id]);
  });
});
