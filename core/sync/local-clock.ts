/**
 * The workstation's hybrid logical clock, with its node id and last stamp kept in `meta`
 * so that stamps keep increasing across restarts.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { ClockDriftError, HybridLogicalClock } from '../../shared/sync/hlc.js';
import { MAX_CLOCK_AHEAD_MS } from '../../shared/sync/protocol.js';

export function metaGet(db: Database.Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string | null } | undefined;
  return row?.value ?? null;
}

export function metaSet(db: Database.Database, key: string, value: string | null): void {
  db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/**
 * Thrown by `tick()` while the last sync measured this computer's clock running more than
 * a day ahead of the server's: stamps from such a clock would win every conflict for days
 * (and the server sets them aside), so no change is stamped until the clock is right.
 */
export class ClockAheadError extends ClockDriftError {
  constructor(readonly aheadMs: number) {
    super(
      `This computer's clock is ${describeDuration(aheadMs)} ahead of the sync server's. ` +
        'Set the date and time right (in the system settings), then sync again; until then changes cannot be saved.',
    );
    this.name = 'ClockAheadError';
  }
}

/** "3 days", "26 hours", "40 minutes": for messages about clock differences. */
export function describeDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hours`;
  return `${Math.round(hours / 24)} days`;
}

/**
 * How far ahead of our wall clock a remote stamp may be and still be followed. Every stamp
 * a workstation receives was accepted by the server, so it is at most MAX_CLOCK_AHEAD_MS
 * ahead of the server's clock; and a sync runs only while our clock is within
 * MAX_CLOCK_AHEAD_MS of the server's. So a legitimate stamp can be up to twice that ahead of
 * us (one desk a day ahead, this one a day behind). Refusing such a stamp would be wrong: the
 * next local edit of that cell would carry a smaller stamp, overwrite the row and its cell
 * clock here, and lose to the remote op on the server and everywhere else, a permanent
 * divergence (e2e/sync/offline-edits.test.ts). Following it is safe: our later stamps sort
 * just after it, so the server still takes them. The hour covers the offset's measuring error.
 */
export const MAX_FOLLOWED_DRIFT_MS = 2 * MAX_CLOCK_AHEAD_MS + 60 * 60 * 1000;

export class LocalClock {
  readonly hlc: HybridLogicalClock;
  private readonly save: Database.Statement;
  /** Server time minus ours, from the last sync in this process (null: not measured). */
  private offsetMs: number | null = null;

  constructor(db: Database.Database, wallClock: () => number = Date.now) {
    let node = metaGet(db, 'node_id');
    if (!node) {
      node = crypto.randomBytes(8).toString('hex');
      metaSet(db, 'node_id', node);
    }
    this.hlc = new HybridLogicalClock(node, wallClock, metaGet(db, 'hlc_last') ?? undefined, MAX_FOLLOWED_DRIFT_MS);
    this.save = db.prepare(
      "INSERT INTO meta(key, value) VALUES ('hlc_last', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    );
  }

  get node(): string {
    return this.hlc.node;
  }

  /** A new stamp, persisted in the caller's transaction. */
  tick(): string {
    if (this.offsetMs !== null && -this.offsetMs > MAX_CLOCK_AHEAD_MS) throw new ClockAheadError(-this.offsetMs);
    const stamp = this.hlc.now();
    this.save.run(stamp);
    return stamp;
  }

  /**
   * Folds a remote stamp in, so that later local stamps sort after it; persisted in the
   * caller's transaction. A stamp further ahead of our wall clock than any the server
   * accepts (MAX_FOLLOWED_DRIFT_MS) is not followed (returns false): the op still applies,
   * but our clock does not jump days forward with it.
   */
  receive(stamp: string): boolean {
    try {
      this.hlc.receive(stamp);
    } catch (error) {
      if (error instanceof ClockDriftError) return false;
      throw error;
    }
    this.save.run(this.hlc.lastStamp());
    return true;
  }

  /**
   * Records the offset the last sync measured (server time minus ours). A clock far ahead
   * makes `tick()` refuse; a clock behind is harmless (stamps follow the remote ones).
   */
  setServerOffset(offsetMs: number | null): void {
    this.offsetMs = offsetMs;
  }

  get serverOffsetMs(): number | null {
    return this.offsetMs;
  }
}
