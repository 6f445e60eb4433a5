/**
 * The part every import call shares: find the file, read it (cached while unchanged), pick
 * the sheet, find the header, apply the mapping and read every row. Progress goes out as
 * `reading` then `checking` with rows per second; the work yields to the event loop between
 * chunks of rows so that a cancel is seen.
 */
import path from 'node:path';
import { fail } from '../../shared/api/errors.js';
import type { ColumnMapping, ImportKind, ImportOptions, ImportSource } from '../../shared/api/import.js';
import { can } from '../../shared/auth/permissions.js';
import { requirePermission, today, type Ctx } from '../context.js';
import type { ProgressReport } from '../host/handler-types.js';
import { tableLayout, tableSheet, type TableLayout } from './header-row.js';
import { kinds, type KindSpec } from './kinds.js';
import { cohortsByName, readRow, resolveMapping, type ImportRow, type ReadContext } from './rows.js';
import { findUpload } from './uploads.js';
import { pickSheet, readWorkbookFile, type Sheet, type Workbook } from './workbook.js';

/** Rows between yields (and progress reports) while rows are read and checked. */
export const CHUNK_ROWS = 2000;

const READABLE = /\.(csv|tsv|txt|xlsx|xlsm)$/i;

export interface SheetChoice {
  source: ImportSource;
  sheet?: string;
  headerRow?: number;
}

/** Where the source's bytes are: a full path given by the CLI or a test, or an upload. */
export function sourceFile(ctx: Ctx, source: ImportSource): { file: string; name: string } {
  if ('uploadId' in source) {
    const file = findUpload(ctx, source.uploadId);
    return { file, name: path.basename(file) };
  }
  if (!path.isAbsolute(source.path)) throw fail.field(['source', 'path'], 'Give the full path of the file, like /home/amna/roster.xlsx');
  if (!READABLE.test(source.path)) throw fail.field(['source', 'path'], 'Import reads .csv, .tsv, .txt and .xlsx files');
  return { file: source.path, name: path.basename(source.path) };
}

export async function openSheet(ctx: Ctx, choice: SheetChoice, signal: AbortSignal): Promise<{ workbook: Workbook; sheet: Sheet; layout: TableLayout }> {
  const { file, name } = sourceFile(ctx, choice.source);
  const workbook = await readWorkbookFile(file, name, signal);
  const sheet = choice.sheet === undefined ? tableSheet(workbook) : pickSheet(workbook, choice.sheet);
  return { workbook, sheet, layout: tableLayout(sheet, choice.headerRow) };
}

export interface ImportInputs extends SheetChoice {
  kind: ImportKind;
  mapping: ColumnMapping;
  options: ImportOptions;
}

export interface ReadRows {
  spec: KindSpec;
  workbook: Workbook;
  sheet: Sheet;
  layout: TableLayout;
  readContext: ReadContext;
  rows: ImportRow[];
}

/** Yields to the event loop; stops with `cancelled` when the job was cancelled. */
export async function pause(signal: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (signal.aborted) throw fail.cancelled('The import was cancelled; nothing was written');
}

/** A rate meter for progress: rows per second since it started. */
export function rateMeter(): (done: number) => number {
  const started = performance.now();
  return (done) => {
    const seconds = (performance.now() - started) / 1000;
    return seconds > 0 ? Math.round(done / seconds) : 0;
  };
}

export async function readImportRows(ctx: Ctx, input: ImportInputs, report: ProgressReport, signal: AbortSignal): Promise<ReadRows> {
  const spec = kinds[input.kind];
  const user = requirePermission(ctx, spec.permission);
  if (input.kind === 'results' && !input.options.cohortId) {
    throw fail.field(['options', 'cohortId'], 'Choose the cohort whose exam results these are');
  }
  report(0, null, 'Reading the file', { phase: 'reading' });
  const { workbook, sheet, layout } = await openSheet(ctx, input, signal);
  const readContext: ReadContext = {
    ctx,
    spec,
    options: input.options,
    columns: resolveMapping(spec, input.mapping, layout.columns),
    canReveal: can(user.role, 'pii.reveal'),
    cohorts: cohortsByName(ctx),
    today: today(ctx),
  };
  const total = layout.rows.length;
  const rate = rateMeter();
  const rows: ImportRow[] = [];
  for (let i = 0; i < total; i += 1) {
    if (i > 0 && i % CHUNK_ROWS === 0) {
      report(i, total, 'Checking rows', { phase: 'checking', rowsPerSecond: rate(i) });
      await pause(signal);
    }
    rows.push(readRow(readContext, layout.rows[i]!));
  }
  report(total, total, 'Checking rows', { phase: 'checking', rowsPerSecond: rate(total) });
  return { spec, workbook, sheet, layout, readContext, rows };
}
