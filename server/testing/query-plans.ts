/**
 * For tests of how much a query reads: a Db that records every statement (with the
 * transaction it ran in), and the rows a recorded statement's plan reads when run again
 * under EXPLAIN ANALYZE with the settings its transaction made.
 */
import type { Db } from '../store/db.js';

export interface RecordedStatement {
  sql: string;
  params: unknown[];
  /** 0 outside a transaction, else the transaction's number. */
  tx: number;
}

export function recordingDb(db: Db): { db: Db; statements: RecordedStatement[] } {
  const statements: RecordedStatement[] = [];
  let transactions = 0;
  const recording = (inner: Db, tx: number): Db => ({
    query: (sql, params = []) => {
      statements.push({ sql, params, tx });
      return inner.query(sql, params);
    },
    transaction: (fn) => inner.transaction((handle) => fn(recording(handle, ++transactions))),
  });
  return { db: recording(db, 0), statements };
}

export interface PlanNode {
  'Index Name'?: string;
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** Rows the plan's scans of tables read (returned and filtered out). */
function rowsScanned(node: PlanNode): number {
  const here =
    node['Relation Name'] !== undefined
      ? ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * (node['Actual Loops'] ?? 1)
      : 0;
  return here + (node.Plans ?? []).reduce((sum, child) => sum + rowsScanned(child), 0);
}

/** The plan of `statement` run again under EXPLAIN ANALYZE, after the SET LOCALs its transaction ran. */
export async function planOf(db: Db, statement: RecordedStatement, all: readonly RecordedStatement[]): Promise<PlanNode> {
  const [row] = await db.transaction(async (tx) => {
    if (statement.tx > 0) {
      for (const setting of all.filter((s) => s.tx === statement.tx && s.sql.startsWith('SET LOCAL')))
        await tx.query(setting.sql);
    }
    return tx.query<Record<string, unknown>>(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`, statement.params);
  });
  const json = Object.values(row!)[0];
  const [plan] = (typeof json === 'string' ? JSON.parse(json) : json) as [{ Plan: PlanNode }];
  return plan.Plan;
}

/** Every node of a plan, the root first. */
export function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** The rows `statement`'s plan reads from tables (returned and filtered out), run again as planOf does. */
export async function rowsReadBy(db: Db, statement: RecordedStatement, all: readonly RecordedStatement[]): Promise<number> {
  return rowsScanned(await planOf(db, statement, all));
}
