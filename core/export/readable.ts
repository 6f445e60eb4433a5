/**
 * What `export.list` writes when the caller asks for values as a person reads them rather
 * than as stored (shared/api/export.ts): words for enum values (`valueLabels`, given by the
 * caller in its language), names for referenced records (`references: 'names'`), and
 * instants as local date and time (`timeZone`). One mechanism for every list.
 *
 * Which fields point at which table comes from the schema's own foreign keys, and a record
 * is named by its domain service's `label`, as core's messages name it.
 */
import type { ExportList } from '../../shared/api/export.js';
import { callDef, type Method } from '../../shared/api/index.js';
import { can } from '../../shared/auth/permissions.js';
import type { Role } from '../../shared/auth/roles.js';
import { tables, type TableName } from '../../shared/schema/tables.js';
import type { Ctx } from '../context.js';
import { decodeRow, type SqlValue } from '../db/rows.js';
import { mentors } from '../mentors/mentors.service.js';
import { cohortRows, programmeRows } from '../programmes/programmes.service.js';
import { sessions } from '../sessions/sessions.service.js';
import { startups } from '../startups/startups.service.js';
import { trainees } from '../trainees/trainees.service.js';

/** The table each exportable list reads. */
export const TABLE_OF: Record<ExportList, TableName> = {
  trainees: 'trainees',
  enrolments: 'enrolments',
  certifications: 'certifications',
  placements: 'placements',
  startups: 'startups',
  founders: 'founders',
  milestones: 'milestones',
  metrics: 'quarterly_metrics',
  mentors: 'mentors',
  assignments: 'mentor_assignments',
  sessions: 'mentoring_sessions',
  actionItems: 'action_items',
  programmes: 'programmes',
  cohorts: 'cohorts',
};

type Labelled = { label(row: never): string; list: Method };

/** Tables whose records an export can name, with the list whose permission reading the name needs. */
const NAMED: Partial<Record<TableName, Labelled>> = {
  programmes: { label: programmeRows.label, list: 'programmes.list' },
  cohorts: { label: cohortRows.label, list: 'cohorts.list' },
  startups: { label: startups.label, list: 'startups.list' },
  mentors: { label: mentors.label, list: 'mentors.list' },
  trainees: { label: trainees.label, list: 'trainees.list' },
  mentoring_sessions: { label: sessions.label, list: 'sessions.list' },
};

/**
 * The fields among `columns` that point at a table whose records this role may see named:
 * field → table, from the table's foreign keys.
 */
export function namedReferences(ctx: Ctx, table: TableName, columns: readonly string[], role: Role): Map<string, TableName> {
  const spec = tables[table];
  const keys = ctx.rows.statement(`SELECT "from" AS col, "table" AS target FROM pragma_foreign_key_list('${table}')`).all() as {
    col: string;
    target: string;
  }[];
  const out = new Map<string, TableName>();
  for (const { col, target } of keys) {
    const field = spec.columns[col]?.field;
    const named = NAMED[target as TableName];
    if (!field || !named || !columns.includes(field)) continue;
    const permission = callDef(named.list).permission;
    if (permission === 'public' || permission === 'signed-in' || can(role, permission)) out.set(field, target as TableName);
  }
  return out;
}

/** The names of these records of `table`, by id; deleted and missing records have none. */
export function namesOf(ctx: Ctx, table: TableName, ids: readonly string[]): Map<string, string> {
  const named = NAMED[table];
  if (!named || ids.length === 0) return new Map();
  const raws = ctx.rows
    .statement(`SELECT * FROM ${table} WHERE id IN (SELECT value FROM json_each(?)) AND deleted = 0`)
    .all(JSON.stringify([...new Set(ids)])) as Record<string, SqlValue>[];
  return new Map(raws.map((raw) => [raw.id as string, named.label(decodeRow(tables[table], raw) as never)]));
}

/** Looks a stored value up in its column's labels (each item of a list on its own). */
export function labelled(value: unknown, labels: Readonly<Record<string, string>> | undefined): unknown {
  if (!labels || value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => labelled(item, labels));
  if (typeof value === 'object') return value;
  return Object.prototype.hasOwnProperty.call(labels, String(value)) ? labels[String(value)] : value;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Writes instants as "2026-07-31 14:05" in `timeZone`; anything else as it is. */
export function localTime(timeZone: string): (value: unknown) => unknown {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (value) => {
    if (typeof value !== 'string' || !INSTANT.test(value)) return value;
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) return value;
    const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
    return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
  };
}
