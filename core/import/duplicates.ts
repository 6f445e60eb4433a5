/**
 * Which rows are the same person (startup, mentor), within the file and against the
 * database. Keys are tried strongest first (trainees: CNIC, then email, then phone), and
 * two rows — or a row and a stored record — are the same when their first key that both
 * have is equal; so two siblings with one phone but their own CNICs stay two trainees.
 *
 * A row that shares a unique key (a CNIC, an email) with a record or an earlier row that a
 * stronger key shows to be someone else is a conflict: it cannot be imported as it is, and
 * is rejected with the reason. The database is asked through its indexes, one lookup per
 * row and key (trainees_cnic, trainees_email, trainees_phone, …), never by scanning.
 */
import type { Ctx } from '../context.js';
import { decodeRow, type SqlValue } from '../db/rows.js';
import type { RecordKindSpec } from './kinds.js';
import type { ImportRow } from './rows.js';

export interface StoredMatch {
  id: string;
  label: string;
  record: Record<string, unknown>;
}

export interface RowGroup {
  /** "g" + the first row's number: stable for the same file, mapping and database. */
  id: string;
  rows: ImportRow[];
  existing: StoredMatch | null;
  /** The key the group's rows matched on (the first that joined them). */
  matchedBy: string | null;
  /** Some row joined through a key that must stay unique: 'new' is not possible. */
  uniqueMatch: boolean;
}

type StoredRecord = Parameters<RecordKindSpec['service']['label']>[0];
type Lookup = (value: unknown) => StoredRecord[];

/** One prepared, indexed lookup per key: live records with this value (a few at most). */
function lookups(ctx: Ctx, spec: RecordKindSpec): Map<string, Lookup> {
  const out = new Map<string, Lookup>();
  for (const key of spec.duplicateKeys) {
    const column = spec.table.columnOf[key]!;
    const collate = spec.caseless?.includes(key) ? ' COLLATE NOCASE' : '';
    const stmt = ctx.rows.statement(`SELECT * FROM ${spec.table.name} WHERE ${column} = ?${collate} AND deleted = 0 LIMIT 10`);
    out.set(key, (value) => (stmt.all(value as SqlValue) as Record<string, SqlValue>[]).map((raw) => decodeRow(spec.table, raw) as StoredRecord));
  }
  return out;
}

function keyValue(spec: RecordKindSpec, key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return spec.caseless?.includes(key) ? String(value).toLowerCase() : String(value);
}

/** The first of the stronger keys that both have and that differ, or null when none does. */
function differingKey(spec: RecordKindSpec, a: Record<string, unknown>, b: Record<string, unknown>, before: string): string | null {
  for (const key of spec.duplicateKeys) {
    if (key === before) return null;
    const x = keyValue(spec, key, a[key]);
    const y = keyValue(spec, key, b[key]);
    if (x !== null && y !== null && x !== y) return key;
  }
  return null;
}

const KEY_LABEL: Record<string, string> = {
  cnic: 'CNIC',
  email: 'email',
  phone: 'phone',
  registrationNo: 'registration number',
  contactEmail: 'contact email',
  name: 'name',
};

export interface GroupingResult {
  groups: RowGroup[];
  /** Rows rejected as conflicts (their issue is added to the row). */
  conflicts: ImportRow[];
}

/**
 * Groups the valid rows, in file order. Yields to the event loop every `chunk` rows so a
 * running job can report progress and be cancelled.
 */
export async function groupDuplicates(
  ctx: Ctx,
  spec: RecordKindSpec,
  rows: readonly ImportRow[],
  onChunk: (done: number) => Promise<void>,
  chunk = 2000,
): Promise<GroupingResult> {
  const find = lookups(ctx, spec);
  const index = new Map<string, Map<string, RowGroup>>(spec.duplicateKeys.map((k) => [k, new Map()]));
  const groups: RowGroup[] = [];
  /** The group of each stored record already matched: rows matching it by different keys join one group. */
  const groupOfStored = new Map<string, RowGroup>();
  const conflicts: ImportRow[] = [];
  const unique = new Set(spec.uniqueKeys);

  const conflict = (row: ImportRow, key: string, message: string) => {
    row.issues.push({ row: row.row, field: key, column: null, value: null, message });
    conflicts.push(row);
  };

  for (let i = 0; i < rows.length; i += 1) {
    if (i > 0 && i % chunk === 0) await onChunk(i);
    const row = rows[i]!;
    let group: RowGroup | null = null;
    let via: string | null = null;
    let rejected = false;
    for (const key of spec.duplicateKeys) {
      const value = keyValue(spec, key, row.values[key]);
      if (value === null) continue;
      const candidate = index.get(key)!.get(value);
      if (!candidate) continue;
      const differs = differingKey(spec, row.values, candidate.rows[0]!.values, key);
      if (differs === null) {
        group = candidate;
        via = key;
        break;
      }
      if (unique.has(key)) {
        conflict(row, key, `Row ${candidate.rows[0]!.row} has this ${KEY_LABEL[key]} with a different ${KEY_LABEL[differs]}`);
        rejected = true;
        break;
      }
    }
    if (rejected) continue;

    let stored: StoredMatch | null = null;
    let storedVia: string | null = null;
    for (const key of spec.duplicateKeys) {
      const value = row.values[key];
      if (keyValue(spec, key, value) === null) continue;
      const records = find.get(key)!(value);
      const same = records.find((r) => differingKey(spec, row.values, r, key) === null);
      if (same) {
        stored = { id: same.id as string, label: spec.service.label(same), record: same };
        storedVia = key;
        break;
      }
      if (unique.has(key) && records[0]) {
        const differs = differingKey(spec, row.values, records[0], key)!;
        conflict(row, key, `This ${KEY_LABEL[key]} belongs to ${spec.entity} ${spec.service.label(records[0])}, whose ${KEY_LABEL[differs]} differs`);
        rejected = true;
        break;
      }
    }
    if (rejected) continue;

    // No row of the file shares a key with this one, but an earlier row matched the same
    // stored record through another key (one by email, the other by phone): same person.
    if (!group && stored && groupOfStored.has(stored.id)) {
      group = groupOfStored.get(stored.id)!;
      via = storedVia;
    }

    if (group) {
      if (stored && group.existing && stored.id !== group.existing.id) {
        conflict(row, storedVia!, `Matches ${spec.entity} ${stored.label}, but row ${group.rows[0]!.row} matches ${group.existing.label}`);
        continue;
      }
      group.existing ??= stored;
      group.rows.push(row);
      if (unique.has(via!) || (stored && unique.has(storedVia!))) group.uniqueMatch = true;
    } else {
      group = {
        id: `g${row.row}`,
        rows: [row],
        existing: stored,
        matchedBy: storedVia,
        uniqueMatch: storedVia !== null && unique.has(storedVia),
      };
      groups.push(group);
    }
    group.matchedBy ??= via;
    if (group.existing) groupOfStored.set(group.existing.id, group);
    for (const key of spec.duplicateKeys) {
      const value = keyValue(spec, key, row.values[key]);
      if (value !== null && !index.get(key)!.has(value)) index.get(key)!.set(value, group);
    }
  }
  return { groups, conflicts };
}

/** A group the user decides about: more than one row, or a row matching a stored record. */
export function isDuplicateGroup(group: RowGroup): boolean {
  return group.rows.length > 1 || group.existing !== null;
}
