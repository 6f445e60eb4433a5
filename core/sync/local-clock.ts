/**
 * The workstation's hybrid logical clock, with its node id and last stamp kept in `meta`
 * so that stamps keep increasing across restarts.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { HybridLogicalClock } from '../../shared/sync/hlc.js';

export function metaGet(db: Database.Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string | null } | undefined;
  return row?.value ?? null;
}

export function metaSet(db: Database.Database, key: string, value: string | null): void {
  db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

export class LocalClock {
  readonly hlc: HybridLogicalClock;
  private readonly save: Database.Statement;

  constructor(db: Database.Database, wallClock: () => number = Date.now) {
    let node = metaGet(db, 'node_id');
    if (!node) {
      node = crypto.randomBytes(8).toString('hex');
      metaSet(db, 'node_id', node);
    }
    this.hlc = new HybridLogicalClock(node, wallClock, metaGet(db, 'hlc_last') ?? undefined);
    this.save = db.prepare("INSERT INTO meta(key, value) VALUES ('hlc_last', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  }

  get node(): string {
    return this.hlc.node;
  }

  /** A new stamp, persisted in the caller's transaction. */
  tick(): string {
    const stamp = this.hlc.now();
    this.save.run(stamp);
    return stamp;
  }
}
