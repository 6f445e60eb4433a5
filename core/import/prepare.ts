/**
 * Everything before writing, shared by analyse and commit: the rows read and checked, then
 * either grouped into duplicates and planned (trainees, startups, mentors) or matched to
 * registered trainees (results). Reads only; nothing is locked meanwhile, so the commit's
 * writes still go through the domain services, which check uniqueness again.
 */
import type { DuplicateDecision, GroupDecision } from '../../shared/api/import.js';
import type { Ctx } from '../context.js';
import type { ProgressReport } from '../host/handler-types.js';
import { groupDuplicates } from './duplicates.js';
import { isRecordKind, type RecordKindSpec } from './kinds.js';
import { CHUNK_ROWS, pause, rateMeter, readImportRows, type ImportInputs, type ReadRows } from './pipeline.js';
import { planGroups, type GroupPlan } from './plan.js';
import { planResults, resultsCohort, type ResultPlan, type ResultsCohort } from './results.js';
import { displayValue, type ImportRow } from './rows.js';
import { cellText } from './workbook.js';

export interface PreparedImport extends ReadRows {
  /** Rows rejected before writing (unreadable cells, conflicts, unknown CNICs), in file order. */
  invalid: ImportRow[];
  records: { spec: RecordKindSpec; plans: GroupPlan[] } | null;
  results: { cohort: ResultsCohort; plans: ResultPlan[] } | null;
}

export async function prepareImport(
  ctx: Ctx,
  input: ImportInputs,
  decisions: readonly GroupDecision[],
  report: ProgressReport,
  signal: AbortSignal,
): Promise<PreparedImport> {
  const read = await readImportRows(ctx, input, report, signal);
  const valid = read.rows.filter((r) => r.issues.length === 0);
  const rate = rateMeter();
  const onChunk = async (done: number) => {
    report(done, valid.length, 'Looking for duplicates', { phase: 'matching', rowsPerSecond: rate(done) });
    await pause(signal);
  };
  let records: PreparedImport['records'] = null;
  let results: PreparedImport['results'] = null;
  if (isRecordKind(read.spec)) {
    const { groups } = await groupDuplicates(ctx, read.spec, valid, onChunk, CHUNK_ROWS);
    records = { spec: read.spec, plans: planGroups(groups, decisions, input.options.onDuplicate as DuplicateDecision) };
  } else {
    const cohort = resultsCohort(ctx, input.options.cohortId!);
    results = { cohort, plans: planResults(ctx, valid, cohort, input.options) };
  }
  report(valid.length, valid.length, 'Looking for duplicates', { phase: 'matching', rowsPerSecond: rate(valid.length) });
  const invalid = read.rows.filter((r) => r.issues.length > 0);
  for (const row of invalid) nameColumns(read, row);
  return { ...read, invalid, records, results };
}

/** Issues found after reading (duplicates, results) name the field; add its column and cell. */
function nameColumns(read: ReadRows, row: ImportRow): void {
  const { columns, spec, canReveal } = read.readContext;
  for (const issue of row.issues) {
    const column = issue.field ? columns.get(issue.field) : undefined;
    if (issue.column !== null || !column) continue;
    issue.column = column.key;
    const text = cellText(row.cells[column.index] ?? null);
    issue.value = text === '' ? null : displayValue(spec, issue.field, text, canReveal);
  }
}
