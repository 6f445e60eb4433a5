/** Every migration, in order. A migration's number is its target `user_version`. */
import type Database from 'better-sqlite3';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_lookup_indexes.js';
import * as m0003 from './0003_live_counts.js';
import * as m0004 from './0004_sync_state.js';
import * as m0005 from './0005_import_mappings.js';
import * as m0006 from './0006_action_items_done_on.js';

export interface Migration {
  version: number;
  up(db: Database.Database): void;
}

export const migrations: Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006];
export const latestVersion = migrations[migrations.length - 1]!.version;
