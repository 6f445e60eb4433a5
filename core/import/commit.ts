/**
 * The import's write: one SQLite transaction through the domain services (so each record
 * gets the same checks, outbox ops, cell clocks and history as one typed into a form), with
 * a savepoint per duplicate group or result row. A row a domain rule refuses at this point
 * is rejected with the service's message; any other failure (disk full, a bug) rolls the
 * whole transaction back and the job fails with nothing written.
 *
 * All or nothing (the default): when any row is rejected, nothing is written — the rows
 * known to be bad before writing stop it before the transaction starts; a row refused
 * during the write rolls back everything written before it. With `validOnly`, the valid
 * rows are written and the others go to the rejected-rows file.
 *
 * The transaction stays open across short pauses (every few hundred rows) so that progress
 * reaches the screen and a cancel is heard: a cancel rolls everything back. While it is open
 * the import holds the write gate (host/write-gate.ts): other calls and syncs wait for it
 * instead of writing into a transaction that a cancel would roll back.
 */
import { ApiFailure, type ApiError } from '../../shared/api/errors.js';
import type { ImportSummary, ParsedCommitInput } from './types.js';
import { audit, type Ctx } from '../context.js';
import type { ProgressReport } from '../host/handler-types.js';
import { enrolments } from '../trainees/enrolments.service.js';
import { isDuplicateGroup } from './duplicates.js';
import type { RecordKindSpec } from './kinds.js';
import { pause, rateMeter } from './pipeline.js';
import { expectedOutcomes, updatePatch, updateTarget, updatingRows, type GroupPlan, type RowOutcome } from './plan.js';
import { prepareImport, type PreparedImport } from './prepare.js';
import { writeRejectedFile } from './rejected-file.js';
import { applyResult, resultOutcome, type ResultTally } from './results.js';
import type { ImportRow } from './rows.js';

/** Thrown inside the transaction to roll it back when a row was refused in all-or-nothing mode. */
class RollBack extends Error {}

interface Outcomes {
  of: Map<ImportRow, { outcome: RowOutcome; reason?: string }>;
  set(row: ImportRow, outcome: RowOutcome, reason?: string): void;
}

function outcomes(): Outcomes {
  const of = new Map<ImportRow, { outcome: RowOutcome; reason?: string }>();
  return { of, set: (row, outcome, reason) => of.set(row, { outcome, reason }) };
}

/** "cnic: Another trainee has this CNIC: …" — the service's message with the field it names. */
export function reasonOf(error: ApiError): string {
  if (error.code === 'invalid' && error.issues.length > 0) {
    return error.issues.map((i) => `${i.path.filter((p) => p !== 'patch').join('.') || 'row'}: ${i.message}`).join('; ');
  }
  if (error.code === 'conflict' && error.field) return `${error.field.replace(/^patch\./, '')}: ${error.message}`;
  return error.message;
}

/** Enrols the trainee in the cohorts its rows name, where it is not enrolled yet. */
function enrol(ctx: Ctx, spec: RecordKindSpec, traineeId: string, rows: readonly ImportRow[], tally: ResultTally): void {
  if (spec.kind !== 'trainees') return;
  const enrolled = ctx.rows.statement('SELECT 1 FROM enrolments WHERE trainee_id = ? AND cohort_id = ? AND deleted = 0 LIMIT 1');
  for (const cohortId of new Set(rows.map((r) => r.cohortId).filter((c): c is string => c !== null))) {
    if (enrolled.get(traineeId, cohortId)) continue;
    enrolments.create(ctx, { traineeId, cohortId, status: 'enrolled' });
    tally.enrolments.added += 1;
  }
}

/** Writes one group as planned; returns the rows' outcomes. */
function writeGroup(ctx: Ctx, spec: RecordKindSpec, plan: GroupPlan, tally: ResultTally, out: Outcomes): void {
  const { group, decision } = plan;
  const [first] = group.rows;
  const create = (row: ImportRow) => {
    const id = spec.service.create(ctx, row.values).id;
    enrol(ctx, spec, id, [row], tally);
    return id;
  };
  if (!isDuplicateGroup(group) || (decision === 'new' && plan.allowed.includes('new'))) {
    for (const row of group.rows) {
      create(row);
      out.set(row, 'added');
    }
    return;
  }
  if (decision === 'update') {
    const targetId = group.existing?.id ?? create(first!);
    if (!group.existing) out.set(first!, 'added');
    const rows = updatingRows(group);
    const patch = updatePatch(updateTarget(group), rows, plan.fields);
    const changed = Object.keys(patch).length > 0;
    if (changed) spec.service.update(ctx, { id: targetId, patch });
    enrol(ctx, spec, targetId, rows, tally);
    for (const row of rows) out.set(row, changed ? 'updated' : 'skipped');
    return;
  }
  // skip, or new where the key must stay unique: the planned outcomes (first row added when
  // no stored record matches, the others skipped or rejected with the reason).
  for (const { row, outcome, reason } of expectedOutcomes(plan, spec.entity)) {
    if (outcome === 'added') create(row);
    out.set(row, outcome, reason);
  }
}

/**
 * Runs a write in a savepoint; a refusal by a domain rule rejects `rows` with its reason.
 * One better-sqlite3 transaction function serves every savepoint (making one per group
 * cost half a second on 30,000 rows).
 */
function savepoints(ctx: Ctx, out: Outcomes): (rows: readonly ImportRow[], write: () => void) => void {
  const run = ctx.db.transaction((write: () => void) => write());
  return (rows, write) => {
    try {
      run(write);
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      const reason = reasonOf(error.error);
      for (const row of rows) out.set(row, 'rejected', reason);
    }
  };
}

/** Rows written between two pauses for progress and cancel (about a tenth of a second). */
const ROWS_BETWEEN_PAUSES = 500;

async function writeAll(
  ctx: Ctx,
  prepared: PreparedImport,
  cohortId: string | undefined,
  report: ProgressReport,
  out: Outcomes,
  signal: AbortSignal,
): Promise<ResultTally> {
  const tally: ResultTally = { enrolments: { added: 0, updated: 0 }, certifications: { added: 0, updated: 0 } };
  const total = prepared.rows.length - prepared.invalid.length;
  const rate = rateMeter();
  let done = 0;
  let nextPause = ROWS_BETWEEN_PAUSES;
  const progress = async (rows: number) => {
    done += rows;
    if (done < nextPause) return;
    nextPause = done + ROWS_BETWEEN_PAUSES;
    report(done, total, 'Writing', { phase: 'writing', rowsPerSecond: rate(done) });
    await pause(signal);
  };
  const { records, results } = prepared;
  const inSavepoint = savepoints(ctx, out);
  if (records) {
    for (const plan of records.plans) {
      inSavepoint(plan.group.rows, () => writeGroup(ctx, records.spec, plan, tally, out));
      await progress(plan.group.rows.length);
    }
  }
  if (results) {
    for (const plan of results.plans) {
      inSavepoint([plan.row], () => {
        const outcome = resultOutcome(plan);
        if (outcome === 'updated') applyResult(ctx, plan, cohortId!, tally);
        out.set(plan.row, outcome);
      });
      await progress(1);
    }
  }
  report(total, total, 'Writing', { phase: 'writing', rowsPerSecond: rate(total) });
  return tally;
}

/**
 * One transaction around an async write: committed when `write` resolves, rolled back when
 * it throws (a cancel, a refused row in all-or-nothing mode, a failure). better-sqlite3's
 * own transaction functions cannot span an await; savepoints inside still nest in this one.
 */
async function inOpenTransaction<T>(ctx: Ctx, write: () => Promise<T>): Promise<T> {
  ctx.db.exec('BEGIN IMMEDIATE');
  try {
    const result = await write();
    ctx.db.exec('COMMIT');
    return result;
  } catch (error) {
    if (ctx.db.inTransaction) ctx.db.exec('ROLLBACK');
    ctx.rows.touched.clear();
    throw error;
  }
}

export async function commitImport(ctx: Ctx, input: ParsedCommitInput, report: ProgressReport, signal: AbortSignal): Promise<ImportSummary> {
  const started = performance.now();
  const prepared = await prepareImport(ctx, input, input.decisions, report, signal);
  const out = outcomes();
  for (const row of prepared.invalid) out.set(row, 'rejected', issueReasons(row));

  let committed = input.validOnly || prepared.invalid.length === 0;
  let tally: ResultTally | null = null;
  if (committed) {
    await pause(signal);
    try {
      tally = await ctx.gate.exclusive(() =>
        inOpenTransaction(ctx, async () => {
          const written = await writeAll(ctx, prepared, input.options.cohortId, report, out, signal);
          const refused = [...out.of.values()].some((o) => o.outcome === 'rejected');
          if (refused && !input.validOnly) throw new RollBack();
          audit(ctx, 'import.committed', tableOf(input.kind), null, { file: prepared.workbook.fileName, ...counts(prepared, out) });
          return written;
        }),
      );
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
      committed = false;
    }
  }
  if (!committed) {
    // Nothing was written: every row not rejected is counted as skipped.
    for (const row of prepared.rows) if (out.of.get(row)?.outcome !== 'rejected') out.set(row, 'skipped');
    tally = null;
  }
  const rejected = prepared.rows.filter((r) => out.of.get(r)?.outcome === 'rejected');
  const file =
    rejected.length > 0
      ? writeRejectedFile(
          ctx,
          prepared.workbook.fileName,
          prepared.layout.columns.map((c) => c.header || c.key),
          rejected.map((r) => ({ row: r.row, cells: r.cells, reason: out.of.get(r)!.reason ?? 'Rejected' })),
        )
      : null;
  const seconds = (performance.now() - started) / 1000;
  const finalTally = tally as ResultTally | null;
  return {
    kind: input.kind,
    committed,
    totalRows: prepared.rows.length,
    ...counts(prepared, out),
    rejectedFile: file?.path ?? null,
    rejectedFileName: file?.name ?? null,
    enrolments: finalTally && (input.kind === 'results' || input.kind === 'trainees') ? finalTally.enrolments : null,
    certifications: finalTally && input.kind === 'results' ? finalTally.certifications : null,
    seconds: Math.round(seconds * 1000) / 1000,
    rowsPerSecond: seconds > 0 ? Math.round(prepared.rows.length / seconds) : 0,
  };
}

/** "NIC #: CNIC must be 13 digits…; Mobile: …" — named by the file's column, which is what the user fixes. */
function issueReasons(row: ImportRow): string {
  return row.issues.map((i) => (i.column ?? i.field ? `${i.column ?? i.field}: ${i.message}` : i.message)).join('; ');
}

function counts(prepared: PreparedImport, out: Outcomes): { added: number; updated: number; skipped: number; rejected: number } {
  const c = { added: 0, updated: 0, skipped: 0, rejected: 0 };
  for (const row of prepared.rows) c[out.of.get(row)?.outcome ?? 'skipped'] += 1;
  return c;
}

function tableOf(kind: ParsedCommitInput['kind']): string {
  return kind === 'results' ? 'enrolments' : kind;
}
