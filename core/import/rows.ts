/**
 * From sheet rows to import rows: the mapping applied, every mapped cell read by its
 * field's normaliser, and the row-level rules checked (required fields, dates not in the
 * future, a trainee's minimum age, a cohort that exists). Every problem becomes an issue
 * naming the row, the field, the column and the cell; a row with any issue is rejected.
 */
import { fail } from '../../shared/api/errors.js';
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ColumnMapping, type ImportColumn, type ImportOptions, type RowIssue } from '../../shared/api/import.js';
import { maskCnic } from '../../shared/validation/cnic.js';
import { maskPhone } from '../../shared/validation/phone.js';
import type { Ctx } from '../context.js';
import { MINIMUM_AGE } from '../trainees/trainees.service.js';
import { yearsBefore } from '../trainees/rules.js';
import { headerKey } from './header-mapping.js';
import type { KindSpec } from './kinds.js';
import { Problem } from './normalise.js';
import { cellText, type Cell, type SheetRow } from './workbook.js';

export interface ImportRow {
  /** The file's row number. */
  row: number;
  cells: Cell[];
  /** Record fields read from non-empty cells (an empty cell is "not given", never "clear it"). */
  values: Record<string, unknown>;
  /** trainees: the cohort to enrol in (the row's cohort column, else the option). */
  cohortId: string | null;
  issues: RowIssue[];
}

/** field → column index, checked against the kind's fields and the file's columns. */
export function resolveMapping(spec: KindSpec, mapping: ColumnMapping, columns: readonly ImportColumn[]): Map<string, ImportColumn> {
  const fields = IMPORT_FIELDS[spec.kind] as readonly string[];
  const resolved = new Map<string, ImportColumn>();
  const usedBy = new Map<number, string>();
  for (const [field, key] of Object.entries(mapping)) {
    if (!fields.includes(field)) {
      throw fail.field(['mapping', field], `An import of ${spec.kind} has no field "${field}" (it has ${fields.join(', ')})`);
    }
    const column =
      columns.find((c) => c.key === key) ??
      columns.find((c) => c.key.toLowerCase() === key.toLowerCase()) ??
      columns.find((c) => c.header !== '' && headerKey(c.header) === headerKey(key));
    if (!column) {
      const names = columns.map((c) => `"${c.key}"`).join(', ');
      throw fail.field(['mapping', field], `No column "${key}" in the file (its columns are ${names})`);
    }
    const other = usedBy.get(column.index);
    if (other) throw fail.field(['mapping', field], `Column "${column.key}" is already mapped to ${other}`);
    usedBy.set(column.index, field);
    resolved.set(field, column);
  }
  const missing = (REQUIRED_IMPORT_FIELDS[spec.kind] as readonly string[]).filter((f) => !resolved.has(f));
  if (missing.length > 0) {
    throw fail.field(['mapping'], `Choose the column for ${missing.join(' and ')}: ${spec.kind} cannot be imported without it`);
  }
  return resolved;
}

/** Shows a cell of a personal field as the caller may see it. */
export function displayValue(spec: KindSpec, field: string | null, text: string, canReveal: boolean): string {
  const personal = field ? spec.fields[field]?.personal : undefined;
  if (!personal || canReveal) return text;
  const masked = personal === 'cnic' ? maskCnic(text) : maskPhone(text);
  // A value that is not a valid number keeps its first and last character only.
  return masked !== text ? (masked ?? '') : text.replace(/(?<=^.).*(?=.$)/s, (m) => m.replace(/[\p{L}\p{N}]/gu, '*'));
}

export interface ReadContext {
  ctx: Ctx;
  spec: KindSpec;
  options: ImportOptions;
  columns: Map<string, ImportColumn>;
  canReveal: boolean;
  /** Live cohorts by lower-case name (null: two cohorts have that name). */
  cohorts: Map<string, string | null>;
  /** Today (YYYY-MM-DD) by the call's clock: dates after it are refused. */
  today: string;
}

export function cohortsByName(ctx: Ctx): Map<string, string | null> {
  const rows = ctx.rows.statement('SELECT id, name FROM cohorts WHERE deleted = 0').all() as { id: string; name: string }[];
  const byName = new Map<string, string | null>();
  for (const { id, name } of rows) {
    const key = name.trim().toLowerCase();
    byName.set(key, byName.has(key) ? null : id);
  }
  return byName;
}

export function readRow(rc: ReadContext, sheetRow: SheetRow): ImportRow {
  const { spec, options, canReveal } = rc;
  const out: ImportRow = { row: sheetRow.number, cells: sheetRow.cells, values: {}, cohortId: null, issues: [] };
  const issue = (field: string | null, message: string) => {
    const column = field ? rc.columns.get(field) : undefined;
    const text = column ? cellText(sheetRow.cells[column.index] ?? null) : null;
    out.issues.push({
      row: sheetRow.number,
      field,
      column: column?.key ?? null,
      value: text === null || text === '' ? null : displayValue(spec, field, text, canReveal),
      message,
    });
  };
  for (const [field, column] of rc.columns) {
    const fieldSpec = spec.fields[field]!;
    const value = fieldSpec.read(sheetRow.cells[column.index] ?? null, { options });
    if (value instanceof Problem) issue(field, value.message);
    else if (value !== null) out.values[field] = value;
  }
  for (const field of REQUIRED_IMPORT_FIELDS[spec.kind] as readonly string[]) {
    if (out.values[field] === undefined && !out.issues.some((i) => i.field === field)) issue(field, `${label(field)} is empty`);
  }
  checkRules(rc, out, issue);
  return out;
}

function label(field: string): string {
  const words = field.replace(/([A-Z])/g, ' $1').toLowerCase();
  return field === 'cnic' ? 'CNIC' : words.charAt(0).toUpperCase() + words.slice(1);
}

function checkRules(rc: ReadContext, out: ImportRow, issue: (field: string | null, message: string) => void): void {
  const day = rc.today;
  for (const [field, fieldSpec] of Object.entries(rc.spec.fields)) {
    const value = out.values[field];
    if (fieldSpec.notFuture && typeof value === 'string' && value > day) issue(field, `${fieldSpec.notFuture} cannot be in the future`);
  }
  const dob = out.values.dateOfBirth;
  if (rc.spec.kind === 'trainees' && typeof dob === 'string' && dob <= day && dob > yearsBefore(day, MINIMUM_AGE)) {
    issue('dateOfBirth', `A trainee must be at least ${MINIMUM_AGE} years old`);
  }
  const cohortName = out.values.cohort;
  delete out.values.cohort;
  let cohortId: string | null = null;
  if (typeof cohortName === 'string') {
    const found = rc.cohorts.get(cohortName.toLowerCase());
    if (found === undefined) issue('cohort', `No cohort named "${cohortName}"`);
    else if (found === null) issue('cohort', `Two cohorts are named "${cohortName}": import them one cohort at a time with the cohort option`);
    else cohortId = found;
  }
  if (rc.spec.kind === 'startups' && cohortId) out.values.cohortId = cohortId;
  if (rc.spec.kind === 'trainees') out.cohortId = cohortId ?? rc.options.cohortId ?? null;
}
