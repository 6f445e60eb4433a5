import Database from 'better-sqlite3';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/sync/hlc.js';
import type { WireOp } from '../../shared/sync/protocol.js';
import { migrate } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { RowStore } from '../db/rows.js';
import { startupsTable } from '../../shared/records/startups.js';
import { PLACEHOLDER_TIME, applyRemoteOps, retryUnapplied } from './apply-remote.js';
import { LocalClock } from './local-clock.js';
import { setPullCursor, writeEnrolment } from './sync-state.js';

const NOW = Date.parse('2026-05-01T09:00:00Z');
const REMOTE = 'bbbbbbbbbbbbbbbb';

function freshDb(): { db: Database.Database; clock: LocalClock } {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  return { db, clock: new LocalClock(db, () => NOW) };
}

const stamp = (millis: number, counter = 0, node = REMOTE) => formatHlc({ millis, counter, node });
const op = (tbl: string, rowId: string, col: string, value: unknown, hlc: string): WireOp => ({
  opId: uuidv7(),
  tbl,
  rowId,
  col,
  value: JSON.stringify(value),
  hlc,
});
const opts = (clock: LocalClock, alsoInTransaction?: () => void) => ({ clock, now: () => new Date(NOW), alsoInTransaction });

/** The ops a workstation writes when it creates a startup (all columns, one stamp). */
function startupOps(rowId: string, fields: Record<string, unknown>, hlc: string): WireOp[] {
  const values = {
    centre_id: null,
    created_at: '2026-04-01T08:00:00.000Z',
    updated_at: '2026-04-01T08:00:00.000Z',
    deleted: 0,
    ...fields,
  };
  return Object.entries(values).map(([col, value]) => op('startups', rowId, col, value, hlc));
}

describe('applyRemoteOps', () => {
  it('creates a row from its ops, with STRICT types decoded, history from sync and the cell clocks', () => {
    const { db, clock } = freshDb();
    const id = uuidv7();
    const hlc = stamp(NOW - 60_000);
    const result = applyRemoteOps(db, startupOps(id, { name: 'Tez Pay', sector: 'fintech', women_led: 1 }, hlc), opts(clock));
    expect(result).toMatchObject({ received: 7, applied: 7, lost: 0, unapplied: 0 });
    expect([...result.tables]).toEqual(['startups']);
    const row = db.prepare('SELECT name, sector, women_led, deleted, created_at FROM startups WHERE id = ?').get(id);
    expect(row).toEqual({ name: 'Tez Pay', sector: 'fintech', women_led: 1, deleted: 0, created_at: '2026-04-01T08:00:00.000Z' });
    expect(db.prepare("SELECT hlc FROM cell_clock WHERE row_id = ? AND col = 'name'").get(id)).toEqual({ hlc });
    expect(db.prepare('SELECT col, new_value, source FROM row_history WHERE row_id = ?').all(id)).toEqual([
      { col: '*', new_value: '"created"', source: 'sync' },
    ]);
    // Remote rows are searchable like local ones.
    expect(db.prepare('SELECT count(*) AS n FROM startups_fts WHERE startups_fts MATCH \'"tez"*\'').get()).toEqual({ n: 1 });
  });

  it('lets a newer op win over a local edit and an older one lose, and folds remote stamps into the clock', () => {
    const { db, clock } = freshDb();
    const rows = new RowStore(db, clock, () => new Date(NOW));
    // The name is edited here after the insert, so its cell has a local clock (an insert
    // alone gives only `deleted` one, see INSERT_CLOCK_COLUMNS in core/db/rows.ts).
    const startup = db.transaction(() => {
      const row = rows.insert<{ id: string }>(startupsTable, { name: 'Bazar', sector: 'e-commerce' }, { userId: null });
      return rows.update<{ id: string }>(startupsTable, row.id, { name: 'Bazaar' }, { userId: null })!;
    })();
    const localStamp = (
      db.prepare("SELECT hlc FROM cell_clock WHERE row_id = ? AND col = 'name'").get(startup.id) as { hlc: string }
    ).hlc;

    const older = applyRemoteOps(db, [op('startups', startup.id, 'name', 'Old name', stamp(NOW - 1000))], opts(clock));
    expect(older).toMatchObject({ applied: 0, lost: 1 });
    expect(db.prepare('SELECT name FROM startups WHERE id = ?').get(startup.id)).toEqual({ name: 'Bazaar' });

    const newerHlc = stamp(NOW + 60 * 60_000, 5); // an hour ahead of us: followed
    const newer = applyRemoteOps(db, [op('startups', startup.id, 'name', 'Bazaar Pakistan', newerHlc)], opts(clock));
    expect(newer).toMatchObject({ applied: 1, lost: 0 });
    expect(db.prepare('SELECT name FROM startups WHERE id = ?').get(startup.id)).toEqual({ name: 'Bazaar Pakistan' });
    expect(
      db.prepare("SELECT old_value, new_value, source FROM row_history WHERE row_id = ? AND col = 'name' AND source = 'sync'").all(startup.id),
    ).toEqual([{ old_value: '"Bazaar"', new_value: '"Bazaar Pakistan"', source: 'sync' }]);
    // The next local stamp sorts after the remote one (and after our own earlier one).
    const next = clock.tick();
    expect(next > newerHlc && next > localStamp).toBe(true);
    // …and that survives a restart: the folded stamp is in meta.
    expect(new LocalClock(db, () => NOW).tick() > newerHlc).toBe(true);
  });

  it('keeps one clock for a row inserted here, and applies a remote change to its other cells (stamped later by causality)', () => {
    const { db, clock } = freshDb();
    const rows = new RowStore(db, clock, () => new Date(NOW));
    const startup = db.transaction(() =>
      rows.insert<{ id: string }>(startupsTable, { name: 'Bazaar', sector: 'e-commerce' }, { userId: null }),
    )();
    const clocks = db.prepare('SELECT col, hlc FROM cell_clock WHERE row_id = ?').all(startup.id) as { col: string; hlc: string }[];
    expect(clocks.map((c) => c.col)).toEqual(['deleted']);
    // Every cell still goes to the server with the insert's stamp.
    const pushed = db.prepare('SELECT col, hlc FROM outbox WHERE row_id = ?').all(startup.id) as { col: string; hlc: string }[];
    expect(pushed.map((o) => o.col)).toEqual(expect.arrayContaining(['name', 'sector', 'deleted', 'created_at']));
    expect(new Set(pushed.map((o) => o.hlc))).toEqual(new Set([clocks[0]!.hlc]));
    // Our own op back from the server changes nothing and is not history.
    const echo = applyRemoteOps(db, [op('startups', startup.id, 'name', 'Bazaar', clocks[0]!.hlc)], opts(clock));
    expect(echo).toMatchObject({ applied: 1 });
    expect(db.prepare("SELECT count(*) AS n FROM row_history WHERE row_id = ? AND source = 'sync'").get(startup.id)).toEqual({ n: 0 });
    // Another desk's edit, made after it received the row, wins.
    const later = applyRemoteOps(db, [op('startups', startup.id, 'sector', 'fintech', stamp(NOW + 60_000))], opts(clock));
    expect(later).toMatchObject({ applied: 1, lost: 0 });
    expect(db.prepare('SELECT sector FROM startups WHERE id = ?').get(startup.id)).toEqual({ sector: 'fintech' });
    expect(db.prepare("SELECT col, new_value FROM row_history WHERE row_id = ? AND source = 'sync'").all(startup.id)).toEqual([
      { col: 'sector', new_value: '"fintech"' },
    ]);
  });

  it('follows a remote stamp up to two days ahead, so a later local edit of that cell wins everywhere', () => {
    // A desk 20 h ahead of the server edits; this desk, 20 h behind, receives the edit (40 h
    // ahead of its clock, and accepted by the server) and then edits the same field.
    const { db, clock } = freshDb();
    const rows = new RowStore(db, clock, () => new Date(NOW));
    const startup = db.transaction(() =>
      rows.insert<{ id: string }>(startupsTable, { name: 'Bazaar', sector: 'e-commerce' }, { userId: null }),
    )();
    const remote = stamp(NOW + 40 * 3600_000);
    applyRemoteOps(db, [op('startups', startup.id, 'name', 'Bazaar by the other desk', remote)], opts(clock));
    db.transaction(() => rows.update(startupsTable, startup.id, { name: 'Bazaar by this desk' }, { userId: null }))();
    // Our edit came after theirs, so it must carry the greater stamp: with a smaller one it
    // would show here while the server (and every other desk) kept theirs.
    const ours = (db.prepare("SELECT hlc FROM cell_clock WHERE row_id = ? AND col = 'name'").get(startup.id) as { hlc: string })
      .hlc;
    expect(ours > remote).toBe(true);
    const [pushed] = db.prepare("SELECT hlc FROM outbox WHERE row_id = ? AND col = 'name' ORDER BY seq DESC").all(startup.id) as {
      hlc: string;
    }[];
    expect(pushed!.hlc).toBe(ours);
  });

  it('does not follow a remote stamp more than two days ahead (no server accepts one), but still applies its op', () => {
    const { db, clock } = freshDb();
    const id = uuidv7();
    const farAhead = stamp(NOW + 3 * 24 * 3600_000);
    applyRemoteOps(db, startupOps(id, { name: 'Future' }, farAhead), opts(clock));
    expect(db.prepare('SELECT name FROM startups WHERE id = ?').get(id)).toEqual({ name: 'Future' });
    expect(clock.tick() < farAhead).toBe(true);
  });

  it('makes a placeholder for a parent that has not arrived, which its own ops later fill in', () => {
    const { db, clock } = freshDb();
    const cohort = uuidv7();
    const programme = uuidv7();
    const startup = uuidv7();
    applyRemoteOps(db, startupOps(startup, { name: 'Child first', cohort_id: cohort }, stamp(NOW - 5000)), opts(clock));
    expect(db.prepare('SELECT deleted, name, created_at FROM cohorts WHERE id = ?').get(cohort)).toEqual({
      deleted: 1,
      name: null,
      created_at: PLACEHOLDER_TIME,
    });
    const hlc = stamp(NOW - 6000);
    applyRemoteOps(
      db,
      [
        op('cohorts', cohort, 'programme_id', programme, hlc),
        op('cohorts', cohort, 'name', 'Cohort 7', hlc),
        op('cohorts', cohort, 'deleted', 0, hlc),
        op('cohorts', cohort, 'created_at', '2026-01-01T00:00:00.000Z', hlc),
      ],
      opts(clock),
    );
    expect(db.prepare('SELECT deleted, name, created_at FROM cohorts WHERE id = ?').get(cohort)).toEqual({
      deleted: 0,
      name: 'Cohort 7',
      created_at: '2026-01-01T00:00:00.000Z',
    });
    expect(db.prepare("SELECT col FROM row_history WHERE row_id = ? AND col = '*'").all(cohort)).toEqual([{ col: '*' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('keeps aside what this version cannot store, applies the rest, and retries after an upgrade', () => {
    const { db, clock } = freshDb();
    const id = uuidv7();
    const hlc = stamp(NOW - 1000);
    const result = applyRemoteOps(
      db,
      [
        ...startupOps(id, { name: 'Kept' }, hlc),
        op('startups', id, 'valuation_usd', 5_000_000, hlc), // a column from a newer schema
        op('startups', id, 'women_led', 'yes', hlc), // a value of the wrong kind
        op('satellites', uuidv7(), 'name', 'x', hlc), // a table from a newer schema
      ],
      opts(clock),
    );
    expect(result).toMatchObject({ unapplied: 3 });
    expect(db.prepare('SELECT name FROM startups WHERE id = ?').get(id)).toEqual({ name: 'Kept' });
    expect(
      (db.prepare('SELECT problem FROM sync_unapplied ORDER BY problem').all() as { problem: string }[]).map((r) => r.problem),
    ).toEqual([
      'startups.women_led: expected 0 or 1',
      'this version of the app does not know satellites.name',
      'this version of the app does not know startups.valuation_usd',
    ]);
    // "Upgrade": the column now exists (here: a wrong value fixed by hand stands in for it).
    db.prepare("UPDATE sync_unapplied SET value = '1' WHERE col = 'women_led'").run();
    const retried = retryUnapplied(db, opts(clock));
    expect(retried.applied).toBe(1);
    expect(db.prepare('SELECT women_led FROM startups WHERE id = ?').get(id)).toEqual({ women_led: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM sync_unapplied').get()).toEqual({ n: 2 });
  });

  it('moves the cursor with its page, and a failure mid-page leaves neither', () => {
    const { db, clock } = freshDb();
    writeEnrolment(db, {
      serverUrl: 'https://sync.example.pk',
      deviceId: uuidv7(),
      deviceName: 'Desk',
      role: 'workstation',
      centreId: null,
      centreName: null,
      mode: 'upload',
      enrolledAt: new Date(NOW).toISOString(),
      clockOffsetMs: 0,
    });
    const cursor = () => (db.prepare('SELECT pull_cursor AS c FROM sync_state').get() as { c: string | null }).c;
    const first = uuidv7();
    applyRemoteOps(
      db,
      startupOps(first, { name: 'Page one' }, stamp(NOW - 3000)),
      opts(clock, () => setPullCursor(db, 'c1')),
    );
    expect(cursor()).toBe('c1');

    db.exec(`CREATE TEMP TRIGGER refuse_boom BEFORE UPDATE OF name ON startups WHEN new.name = 'boom'
             BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    const second = uuidv7();
    const page = [
      ...startupOps(second, { name: 'Fine' }, stamp(NOW - 2000)),
      op('startups', first, 'name', 'boom', stamp(NOW - 1000)),
    ];
    expect(() =>
      applyRemoteOps(
        db,
        page,
        opts(clock, () => setPullCursor(db, 'c2')),
      ),
    ).toThrow('boom');
    expect(cursor()).toBe('c1');
    expect(db.prepare('SELECT count(*) AS n FROM startups WHERE id = ?').get(second)).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM cell_clock WHERE row_id = ?').get(second)).toEqual({ n: 0 });
    expect(db.prepare('SELECT name FROM startups WHERE id = ?').get(first)).toEqual({ name: 'Page one' });
  });
});

// ---------------------------------------------------------------------------------------
// Property: any order, any duplication, any paging of the same ops gives the same state.

const STARTUPS = [uuidv7(), uuidv7()];
const COHORTS = [uuidv7(), uuidv7()];
const TRAINEES = [uuidv7()];
const NODES = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc'];

/** One field change on a few rows, with a value of the column's kind. */
const fieldChange = fc.oneof(
  fc.record({
    tbl: fc.constant('startups'),
    rowId: fc.constantFrom(...STARTUPS),
    col: fc.constant('name'),
    value: fc.string({ maxLength: 8 }),
  }),
  fc.record({
    tbl: fc.constant('startups'),
    rowId: fc.constantFrom(...STARTUPS),
    col: fc.constant('women_led'),
    value: fc.constantFrom(0, 1, null),
  }),
  fc.record({
    tbl: fc.constant('startups'),
    rowId: fc.constantFrom(...STARTUPS),
    col: fc.constant('cohort_id'),
    value: fc.constantFrom(...COHORTS, null),
  }),
  fc.record({
    tbl: fc.constant('startups'),
    rowId: fc.constantFrom(...STARTUPS),
    col: fc.constant('deleted'),
    value: fc.constantFrom(0, 1),
  }),
  fc.record({
    tbl: fc.constant('startups'),
    rowId: fc.constantFrom(...STARTUPS),
    col: fc.constant('created_at'),
    value: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
  }),
  fc.record({
    tbl: fc.constant('cohorts'),
    rowId: fc.constantFrom(...COHORTS),
    col: fc.constant('name'),
    value: fc.string({ maxLength: 8 }),
  }),
  fc.record({
    tbl: fc.constant('cohorts'),
    rowId: fc.constantFrom(...COHORTS),
    col: fc.constant('deleted'),
    value: fc.constantFrom(0, 1),
  }),
  fc.record({
    tbl: fc.constant('trainees'),
    rowId: fc.constantFrom(...TRAINEES),
    col: fc.constant('skills'),
    value: fc.constantFrom('["python"]', '["react","sql"]', null),
  }),
  fc.record({
    tbl: fc.constant('trainees'),
    rowId: fc.constantFrom(...TRAINEES),
    col: fc.constant('name'),
    value: fc.constantFrom('Ali Raza', 'Sana Khan'),
  }),
  fc.record({
    tbl: fc.constant('trainees'),
    rowId: fc.constantFrom(...TRAINEES),
    col: fc.constant('deleted'),
    value: fc.constantFrom(0, 1),
  }),
);

/** Distinct ops: each gets its own stamp (a device never stamps two changes of one cell alike). */
const opsArb = fc
  .array(fc.tuple(fieldChange, fc.integer({ min: 0, max: 50 }), fc.constantFrom(...NODES)), { minLength: 1, maxLength: 25 })
  .map((changes) =>
    changes.map(([change, millis, node], i) =>
      op(change.tbl, change.rowId, change.col, change.value, stamp(NOW - 100_000 + millis, i, node)),
    ),
  );

const scenario = opsArb.chain((ops) =>
  fc.record({
    ops: fc.constant(ops),
    order: fc.shuffledSubarray(
      ops.map((_, i) => i),
      { minLength: ops.length, maxLength: ops.length },
    ),
    duplicates: fc.array(fc.nat({ max: ops.length - 1 }), { maxLength: ops.length }),
    positions: fc.array(fc.nat(), { minLength: ops.length, maxLength: ops.length }),
    pageSize: fc.integer({ min: 1, max: 7 }),
  }),
);

function state(db: Database.Database): unknown {
  const dump = (table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
  return {
    startups: dump('startups'),
    cohorts: dump('cohorts'),
    trainees: dump('trainees'),
    clocks: db.prepare('SELECT * FROM cell_clock ORDER BY tbl, row_id, col').all(),
    counts: db.prepare('SELECT * FROM live_counts ORDER BY tbl').all(),
  };
}

describe('applyRemoteOps: order and duplication do not matter', () => {
  it('any permutation and duplication of the same ops, in any pages, gives the same rows and cell clocks', () => {
    fc.assert(
      fc.property(scenario, ({ ops, order, duplicates, positions, pageSize }) => {
        // Reference: every op once, in stamp order, in one page.
        const reference = freshDb();
        applyRemoteOps(
          reference.db,
          [...ops].sort((a, b) => (a.hlc < b.hlc ? -1 : 1)),
          opts(reference.clock),
        );

        // The same ops shuffled, some sent again at random places, applied page by page.
        const sequence = order.map((i) => ops[i]!);
        duplicates.forEach((d, k) => sequence.splice(positions[k]! % (sequence.length + 1), 0, ops[d]!));
        const other = freshDb();
        for (let i = 0; i < sequence.length; i += pageSize)
          applyRemoteOps(other.db, sequence.slice(i, i + pageSize), opts(other.clock));

        expect(state(other.db)).toEqual(state(reference.db));
        // Each cell holds the value of its newest op.
        for (const o of ops) {
          const newest = ops
            .filter((p) => p.tbl === o.tbl && p.rowId === o.rowId && p.col === o.col)
            .sort((a, b) => (a.hlc < b.hlc ? 1 : -1))[0]!;
          const stored = other.db.prepare(`SELECT ${o.col} AS v FROM ${o.tbl} WHERE id = ?`).get(o.rowId) as { v: unknown };
          expect(stored.v).toEqual(JSON.parse(newest.value));
        }
        expect(other.db.pragma('foreign_key_check')).toEqual([]);
        other.db.prepare("INSERT INTO trainees_fts(trainees_fts) VALUES ('integrity-check')").run();
        other.db.prepare("INSERT INTO startups_fts(startups_fts) VALUES ('integrity-check')").run();
      }),
      { numRuns: 150 },
    );
  });
});
