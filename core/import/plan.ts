/**
 * What happens to each duplicate group: the decision (the user's, else the default), what
 * `update` would change field by field, and the outcome of each row. Both analyse (to show
 * the expected counts and the differences) and commit (to write) use it, so what the
 * wizard shows is what the commit does.
 */
import { fail } from '../../shared/api/errors.js';
import type { DuplicateDecision, DuplicateGroup, GroupDecision } from '../../shared/api/import.js';
import { isDuplicateGroup, type RowGroup } from './duplicates.js';
import type { KindSpec } from './kinds.js';
import { displayValue, type ImportRow } from './rows.js';

export interface GroupPlan {
  group: RowGroup;
  decision: DuplicateDecision;
  allowed: DuplicateDecision[];
  /** update: the only fields to write (undefined: every field that differs). */
  fields?: readonly string[];
}

export function allowedDecisions(group: RowGroup): DuplicateDecision[] {
  return group.uniqueMatch ? ['skip', 'update'] : ['skip', 'update', 'new'];
}

/** Every group with its decision; a decision naming no duplicate group is refused. */
export function planGroups(groups: readonly RowGroup[], decisions: readonly GroupDecision[], onDuplicate: DuplicateDecision): GroupPlan[] {
  const byId = new Map<string, { decision: GroupDecision; index: number }>();
  decisions.forEach((decision, index) => byId.set(decision.group, { decision, index }));
  const seen = new Set<string>();
  const plans = groups.map((group): GroupPlan => {
    const allowed = allowedDecisions(group);
    const chosen = byId.get(group.id);
    if (chosen && isDuplicateGroup(group)) {
      seen.add(group.id);
      return { group, decision: chosen.decision.decision, allowed, fields: chosen.decision.fields };
    }
    const decision = isDuplicateGroup(group) && !allowed.includes(onDuplicate) ? 'skip' : onDuplicate;
    return { group, decision, allowed };
  });
  for (const [id, { index }] of byId) {
    if (!seen.has(id)) {
      throw fail.field(['decisions', index, 'group'], `No duplicate group ${id}: the file or the records changed since the analysis; analyse again`);
    }
  }
  return plans;
}

/** The last non-empty value of each field over these rows, with the row it came from. */
export function incomingValues(rows: readonly ImportRow[]): Map<string, { value: unknown; row: number }> {
  const out = new Map<string, { value: unknown; row: number }>();
  for (const row of rows) for (const [field, value] of Object.entries(row.values)) out.set(field, { value, row: row.row });
  return out;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
  return (a ?? null) === (b ?? null);
}

/** The fields `update` writes over `target`: those that differ, limited to `fields` when given. */
export function updatePatch(target: Record<string, unknown>, rows: readonly ImportRow[], fields?: readonly string[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [field, { value }] of incomingValues(rows)) {
    if (fields && !fields.includes(field)) continue;
    if (!sameValue(target[field], value)) patch[field] = value;
  }
  return patch;
}

/** The rows an update applies to its target: all of them over a stored record, else those after the first. */
export function updatingRows(group: RowGroup): readonly ImportRow[] {
  return group.existing ? group.rows : group.rows.slice(1);
}

export function updateTarget(group: RowGroup): Record<string, unknown> {
  return group.existing?.record ?? group.rows[0]!.values;
}

export type RowOutcome = 'added' | 'updated' | 'skipped' | 'rejected';

/**
 * Each row's outcome under the plan, without writing. `new` where it is not allowed
 * rejects the rows it would duplicate (the reason says why).
 */
export function expectedOutcomes(plan: GroupPlan, entity: string): { row: ImportRow; outcome: RowOutcome; reason?: string }[] {
  const { group, decision } = plan;
  const rows = group.rows;
  const [first, ...rest] = rows;
  const all = (outcome: RowOutcome, reason?: string) => rows.map((row) => ({ row, outcome, reason }));
  if (!isDuplicateGroup(group)) return all('added');
  const tail = (outcome: RowOutcome, reason?: string) => [{ row: first!, outcome: 'added' as const }, ...rest.map((row) => ({ row, outcome, reason }))];
  switch (decision) {
    case 'skip':
      return group.existing ? all('skipped') : tail('skipped');
    case 'update': {
      const changes = Object.keys(updatePatch(updateTarget(group), updatingRows(group), plan.fields)).length > 0;
      return group.existing ? all(changes ? 'updated' : 'skipped') : tail(changes ? 'updated' : 'skipped');
    }
    case 'new': {
      if (plan.allowed.includes('new')) return all('added');
      const reason = `Another ${entity} has this ${group.matchedBy === 'cnic' ? 'CNIC' : group.matchedBy}${group.existing ? `: ${group.existing.label}` : ` (row ${first!.row})`}; choose skip or update`;
      return group.existing ? all('rejected', reason) : tail('rejected', reason);
    }
  }
}

function display(spec: KindSpec, field: string, value: unknown, canReveal: boolean): string | null {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return null;
  const text = Array.isArray(value) ? value.join(', ') : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  return displayValue(spec, field, text, canReveal);
}

/**
 * Record fields that hold another record's id, shown as the import field the file named it
 * by: a startup's `cohortId` is the file's cohort, by its name.
 */
const NAMED_FIELDS: Record<string, string> = { cohortId: 'cohort' };

/**
 * The group as the wizard shows it; `nameOf` gives the name of a record a field points at
 * (a cohort), so the wizard never shows an id.
 */
export function describeGroup(plan: GroupPlan, spec: KindSpec, canReveal: boolean, nameOf: (id: string) => string | null = () => null): DuplicateGroup {
  const { group } = plan;
  const target = updateTarget(group);
  const shown = (field: string, value: unknown) =>
    field in NAMED_FIELDS && typeof value === 'string' ? (nameOf(value) ?? value) : display(spec, field, value, canReveal);
  const differences = [...incomingValues(updatingRows(group))]
    .filter(([field, { value }]) => !sameValue(target[field], value))
    .map(([field, { value, row }]) => ({
      field: NAMED_FIELDS[field] ?? field,
      existing: shown(field, target[field]),
      incoming: shown(field, value),
      row,
    }));
  return {
    id: group.id,
    matchedBy: group.matchedBy ?? spec.duplicateKeys[0] ?? 'key',
    rows: group.rows.map((r) => r.row),
    existing: group.existing ? { id: group.existing.id, label: group.existing.label } : null,
    differences,
    allowed: plan.allowed,
    decision: plan.decision,
  };
}
