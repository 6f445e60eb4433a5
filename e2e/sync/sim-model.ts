/**
 * The oracle of the sync tests: which writes were acknowledged, what every replica must
 * hold once the network is quiet, and the comparison of each replica with that.
 *
 * Acknowledged writes are caught at the source: a TEMP trigger on each workstation's own
 * SQLite connection copies every op inserted into `outbox` into a TEMP table. It runs inside
 * the write's transaction, so it keeps exactly the ops of committed writes (a write that
 * failed and rolled back leaves nothing), whatever the sync code later does to the outbox.
 *
 * The expected state is computed here independently of the product: per cell (table, row,
 * column) the op with the greatest HLC, comparing stamps as strings (DESIGN.md, Sync). The
 * same fold through shared/sync/merge.ts `incomingWins` must agree.
 */
import type Database from 'better-sqlite3';
import { columnType, decodeValue } from '../../core/sync/remote-values.js';
import { tableNames } from '../../shared/schema/tables.js';
import { incomingWins } from '../../shared/sync/merge.js';
import { SERVER_NODE_ID } from '../../server/sync/centre-row.js';

export interface LoggedOp {
  opId: string;
  tbl: string;
  rowId: string;
  col: string;
  /** JSON text of the SQL value, as the outbox keeps it. */
  value: string;
  hlc: string;
}

export interface Cell {
  tbl: string;
  rowId: string;
  col: string;
  value: string;
  hlc: string;
}

export const cellKey = (c: { tbl: string; rowId: string; col: string }) => `${c.tbl}/${c.rowId}/${c.col}`;

/** Starts recording every op this connection writes to the outbox (committed writes only). */
export function installOpLog(db: Database.Database): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS sim_log (
      n INTEGER PRIMARY KEY, op_id TEXT NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL,
      col TEXT NOT NULL, value TEXT NOT NULL, hlc TEXT NOT NULL);
    CREATE TEMP TRIGGER IF NOT EXISTS sim_log_outbox AFTER INSERT ON main.outbox BEGIN
      INSERT INTO temp.sim_log (op_id, tbl, row_id, col, value, hlc)
      VALUES (new.op_id, new.tbl, new.row_id, new.col, coalesce(new.value, 'null'), new.hlc);
    END;`);
}

/** The ops recorded so far on this connection, oldest first. */
export function readOpLog(db: Database.Database): LoggedOp[] {
  return db
    .prepare('SELECT op_id AS opId, tbl, row_id AS rowId, col, value, hlc FROM temp.sim_log ORDER BY n')
    .all() as LoggedOp[];
}

/** Per cell, the logged op with the greatest stamp; and anything odd about the log itself. */
export function expectedCells(ops: readonly LoggedOp[]): { cells: Map<string, LoggedOp>; problems: string[] } {
  const problems: string[] = [];
  const byMax = new Map<string, LoggedOp>();
  const byMergeRule = new Map<string, LoggedOp>();
  const seenOpIds = new Set<string>();
  for (const op of ops) {
    if (seenOpIds.has(op.opId)) problems.push(`op ${op.opId} was logged twice`);
    seenOpIds.add(op.opId);
    const key = cellKey(op);
    // Independently: the greatest stamp, as plain strings.
    const held = byMax.get(key);
    if (held && held.hlc === op.hlc && held.value !== op.value) {
      problems.push(`two different writes of ${key} carry the same stamp ${op.hlc}`);
    }
    if (!held || op.hlc > held.hlc) byMax.set(key, op);
    // The product's own rule.
    const stored = byMergeRule.get(key);
    if (incomingWins(op.hlc, stored?.hlc)) byMergeRule.set(key, op);
  }
  for (const [key, op] of byMax) {
    if (byMergeRule.get(key)?.opId !== op.opId) problems.push(`shared incomingWins disagrees with max(hlc) on ${key}`);
  }
  return { cells: byMax, problems };
}

export interface ServerState {
  cells: Cell[];
  ops: LoggedOp[];
  setAside: number;
}

export interface Replica {
  name: string;
  db: Database.Database;
}

const SYNCED_TABLES: readonly string[] = tableNames;

/** Every row of every synced table, ordered by id: two replicas that agree dump the same. */
export function dumpTables(db: Database.Database): Record<string, Record<string, unknown>[]> {
  const dump: Record<string, Record<string, unknown>[]> = {};
  for (const table of SYNCED_TABLES) {
    dump[table] = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[];
  }
  return dump;
}

function count(db: Database.Database, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/**
 * Compares the server and every replica with what the acknowledged writes say, once the
 * network is quiet and every replica has synced. Returns the problems found (empty: all
 * good), each a line for a person.
 */
export function checkConverged(
  logs: ReadonlyMap<string, readonly LoggedOp[]>,
  server: ServerState,
  replicas: readonly Replica[],
): string[] {
  const problems: string[] = [];
  const allOps = [...logs.values()].flat();
  const expected = expectedCells(allOps);
  problems.push(...expected.problems);

  // 1. No acknowledged write lost: every logged op is in the server's log, unchanged.
  const serverOps = new Map(server.ops.map((op) => [op.opId, op]));
  for (const [origin, ops] of logs) {
    for (const op of ops) {
      const there = serverOps.get(op.opId);
      if (!there)
        problems.push(`lost: ${origin}'s op ${op.opId} (${cellKey(op)} = ${op.value} @ ${op.hlc}) never reached the server`);
      else if (
        there.tbl !== op.tbl ||
        there.rowId !== op.rowId ||
        there.col !== op.col ||
        there.value !== op.value ||
        there.hlc !== op.hlc
      ) {
        problems.push(`changed: op ${op.opId} is ${JSON.stringify(there)} on the server, ${JSON.stringify(op)} where written`);
      }
    }
  }
  if (server.setAside > 0) problems.push(`the server set ${server.setAside} ops aside`);

  // 2. The server's current state is the merge of the acknowledged writes.
  const serverCells = new Map(server.cells.map((c) => [cellKey(c), c]));
  for (const [key, op] of expected.cells) {
    const cell = serverCells.get(key);
    if (!cell) problems.push(`server: no cell ${key} (expected ${op.value} @ ${op.hlc})`);
    else if (cell.hlc !== op.hlc || cell.value !== op.value) {
      problems.push(`server: ${key} = ${cell.value} @ ${cell.hlc}, expected ${op.value} @ ${op.hlc}`);
    }
  }
  for (const [key, cell] of serverCells) {
    // Cells nobody logged may only be the server's own (a new centre's row).
    if (!expected.cells.has(key) && !cell.hlc.endsWith(`-${SERVER_NODE_ID}`)) {
      problems.push(`server: cell ${key} = ${cell.value} @ ${cell.hlc} comes from no acknowledged write`);
    }
  }
  const serverRows = new Map<string, Set<string>>();
  for (const cell of server.cells) {
    if (!serverRows.has(cell.tbl)) serverRows.set(cell.tbl, new Set());
    serverRows.get(cell.tbl)!.add(cell.rowId);
  }

  // 3. Every replica: nothing pending or refused, the same cells and stamps as the server,
  //    each row holding the server's values.
  let firstDump: { name: string; dump: string } | null = null;
  for (const replica of replicas) {
    const { db, name } = replica;
    for (const table of ['outbox', 'sync_rejected', 'sync_unapplied']) {
      const n = count(db, table);
      if (n > 0) problems.push(`${name}: ${n} rows in ${table}`);
    }
    const clocks = new Map(
      (db.prepare('SELECT tbl, row_id AS rowId, col, hlc FROM cell_clock').all() as Omit<Cell, 'value'>[]).map((c) => [
        cellKey(c),
        c.hlc,
      ]),
    );
    for (const [key, op] of expected.cells) {
      const hlc = clocks.get(key);
      if (hlc !== op.hlc) problems.push(`${name}: cell_clock ${key} = ${hlc ?? 'missing'}, expected ${op.hlc}`);
    }
    for (const key of clocks.keys()) {
      if (!serverCells.has(key)) problems.push(`${name}: cell_clock has ${key}, the server has no such cell`);
    }
    for (const [key, cell] of serverCells) {
      if (!clocks.has(key)) problems.push(`${name}: no cell_clock for the server's ${key}`);
      else if (clocks.get(key) !== cell.hlc)
        problems.push(`${name}: cell_clock ${key} = ${clocks.get(key)}, server has ${cell.hlc}`);
    }
    const dump = dumpTables(db);
    const rowsOf = new Map(SYNCED_TABLES.map((t) => [t, new Map(dump[t]!.map((r) => [r.id as string, r]))]));
    for (const table of SYNCED_TABLES) {
      const rows = rowsOf.get(table)!;
      const expectedIds = serverRows.get(table) ?? new Set<string>();
      for (const id of rows.keys()) if (!expectedIds.has(id)) problems.push(`${name}: ${table} row ${id} is not on the server`);
      for (const id of expectedIds) if (!rows.has(id)) problems.push(`${name}: ${table} row ${id} is missing`);
    }
    for (const cell of server.cells) {
      const row = rowsOf.get(cell.tbl)?.get(cell.rowId);
      if (!row) continue; // reported above
      const type = columnType(cell.tbl, cell.col);
      const decoded = type ? decodeValue(type, cell.value) : null;
      if (!decoded?.ok) {
        problems.push(`server cell ${cellKey(cell)} = ${cell.value} cannot be stored by this version`);
        continue;
      }
      if (row[cell.col] !== decoded.value) {
        problems.push(`${name}: ${cellKey(cell)} = ${JSON.stringify(row[cell.col])}, server has ${cell.value}`);
      }
    }
    const text = JSON.stringify(dump);
    if (!firstDump) firstDump = { name, dump: text };
    else if (text !== firstDump.dump) problems.push(`${name}'s synced tables differ from ${firstDump.name}'s`);
  }
  return problems;
}
