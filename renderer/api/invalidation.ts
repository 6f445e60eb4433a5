/**
 * Which cached queries a `data.changed` event makes stale. Query keys start with the API
 * method ('startups.list'), so each table maps to method prefixes: its own calls, plus the
 * calls whose answers include it (search, counts, the signed-in user's centre).
 */
import type { TableName } from '../../shared/schema/tables.js';

export const prefixesByTable = {
  centres: ['centre.', 'auth.status'],
  users: ['users.', 'auth.status'],
  programmes: ['programmes.', 'cohorts.'],
  cohorts: ['cohorts.', 'programmes.'],
  startups: ['startups.', 'search.global', 'cohorts.', 'programmes.'],
  founders: ['founders.'],
  stage_changes: ['startups.stageHistory'],
  quarterly_metrics: ['metrics.'],
  milestones: ['milestones.'],
  mentors: ['mentors.', 'search.global'],
  mentor_assignments: ['assignments.'],
  mentoring_sessions: ['sessions.'],
  action_items: ['actionItems.', 'sessions.'],
  trainees: ['trainees.', 'search.global', 'cohorts.', 'programmes.'],
  enrolments: ['enrolments.', 'trainees.', 'cohorts.', 'programmes.'],
  certifications: ['certifications.', 'trainees.'],
  placements: ['placements.', 'trainees.'],
} as const satisfies Record<TableName, readonly string[]>;

/** Calls that read every table: a change anywhere may change their answer. */
const ALWAYS = ['history.list', 'audit.list'];

function camelCase(table: string): string {
  return table.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The method prefixes whose queries the change of these tables makes stale. */
export function stalePrefixes(tables: readonly string[]): string[] {
  const prefixes = new Set<string>(ALWAYS);
  for (const table of tables) {
    const known = (prefixesByTable as Record<string, readonly string[]>)[table];
    // A table this build does not know yet (a newer core): its calls are named after it.
    for (const prefix of known ?? [`${camelCase(table)}.`]) prefixes.add(prefix);
  }
  return [...prefixes];
}

export function isStale(queryKey: readonly unknown[], prefixes: readonly string[]): boolean {
  const method = queryKey[0];
  return typeof method === 'string' && prefixes.some((prefix) => method.startsWith(prefix));
}
