/**
 * Programmes (incubation or training) and their cohorts. National programmes (centreId null)
 * are shared by every centre: the crud mechanism refuses to change them from a centre
 * workstation, and creating here always makes a row of this workstation's scope.
 */
import { fail } from '../../shared/api/errors.js';
import { cohortsTable, programmesTable, type Cohort, type Programme } from '../../shared/records/programmes.js';
import type { Ctx } from '../context.js';
import { crudService, where } from '../records/crud.js';
import { withCounts } from './counts.js';

type Path = (string | number)[];

/** Error paths: a create names the field, an update names it inside `patch`. */
const pathFor =
  (previous: unknown) =>
  (field: string): Path =>
    previous ? ['patch', field] : [field];

function assertOrdered(start: string | null, end: string | null, path: Path, what: string): void {
  if (start && end && end < start) throw fail.field(path, `${what} cannot end (${end}) before it starts (${start})`);
}

type Span = { startDate: string | null; endDate: string | null };

/**
 * Why a cohort's dates fall outside its programme's, as [field, message], or null. Every set
 * cohort date is compared with every set programme bound, so a cohort with only a start date
 * is still refused if it starts after the programme has ended.
 */
function outsideProgramme(cohort: Span, programme: Span & { name: string }): ['startDate' | 'endDate', string] | null {
  const { startDate: from, endDate: to } = programme;
  for (const field of ['startDate', 'endDate'] as const) {
    const date = cohort[field];
    if (!date) continue;
    const which = field === 'startDate' ? 'start' : 'end';
    if (from && date < from) return [field, `The cohort cannot ${which} (${date}) before ${programme.name} starts (${from})`];
    if (to && date > to) return [field, `The cohort cannot ${which} (${date}) after ${programme.name} ends (${to})`];
  }
  return null;
}

function liveCohortsOf(
  ctx: Ctx,
  programmeId: string,
): Array<{ id: string; name: string; startDate: string | null; endDate: string | null }> {
  return ctx.rows
    .statement(
      'SELECT id, name, start_date AS startDate, end_date AS endDate FROM cohorts WHERE programme_id = ? AND deleted = 0 ORDER BY name COLLATE NOCASE, id',
    )
    .all(programmeId) as Array<{ id: string; name: string; startDate: string | null; endDate: string | null }>;
}

export const programmeRows = crudService<Programme>({
  spec: programmesTable,
  entity: 'programme',
  label: (p) => p.name,
  // Programmes are few (tens per centre): no FTS index, a LIKE is enough.
  search: { like: ['name', 'description'] },
  filters: { kind: where.equals('programmes.kind') },
  sorts: {
    name: 'programmes.name COLLATE NOCASE',
    startDate: "coalesce(programmes.start_date, '9999')",
    createdAt: 'programmes.created_at',
  },
  defaultSort: { field: 'name', direction: 'asc' },
  validate(ctx, next, previous) {
    const path = pathFor(previous);
    assertOrdered(next.startDate, next.endDate, path('endDate'), 'A programme');
    if (!previous || (previous.startDate === next.startDate && previous.endDate === next.endDate)) return;
    // Shrinking a programme must not strand its cohorts outside it: the rule "a cohort lies
    // inside its programme" holds from both sides.
    for (const cohort of liveCohortsOf(ctx, next.id)) {
      const earliest = cohort.startDate ?? cohort.endDate;
      const latest = cohort.endDate ?? cohort.startDate;
      const span = `${cohort.startDate ?? '…'} – ${cohort.endDate ?? '…'}`;
      if (next.startDate && earliest && earliest < next.startDate) {
        throw fail.field(
          path('startDate'),
          `Cohort ${cohort.name} (${span}) would begin before the programme starts (${next.startDate}); change the cohort's dates first`,
        );
      }
      if (next.endDate && latest && latest > next.endDate) {
        throw fail.field(
          path('endDate'),
          `Cohort ${cohort.name} (${span}) would run past the programme's end (${next.endDate}); change the cohort's dates first`,
        );
      }
    }
  },
});

export const cohortRows = crudService<Cohort>({
  spec: cohortsTable,
  entity: 'cohort',
  label: (c) => c.name,
  refs: { programmeId: 'programmes' },
  search: { like: ['name'] },
  filters: { programmeId: where.equals('cohorts.programme_id') },
  sorts: {
    name: 'cohorts.name COLLATE NOCASE',
    startDate: "coalesce(cohorts.start_date, '9999')",
    createdAt: 'cohorts.created_at',
  },
  defaultSort: { field: 'startDate', direction: 'asc' },
  validate(ctx, next, previous) {
    const path = pathFor(previous);
    assertOrdered(next.startDate, next.endDate, path('endDate'), 'A cohort');
    // The reference was checked before this hook; a programme missing here can only be one
    // that sync has not delivered yet, and then there are no dates to hold the cohort to.
    const programme = ctx.rows.get<Programme>(programmesTable, next.programmeId);
    if (!programme || programme.deleted) return;
    const outside = outsideProgramme(next, programme);
    if (!outside) return;
    const [field, message] = outside;
    // Moving a cohort to another programme with its dates unchanged: the move is the cause.
    const moved = previous && previous.programmeId !== next.programmeId && previous[field] === next[field];
    throw fail.field(path(moved ? 'programmeId' : field), message);
  },
});

type ProgrammeCounts = { cohorts: number; participants: number };
type CohortCounts = { startups: number; trainees: number };

/**
 * Live cohorts per programme and distinct participants across them: startups placed in the
 * cohorts of an incubation programme, trainees with a live enrolment in the cohorts of a
 * training programme (whatever the enrolment's status: completed and dropped trainees took
 * part too). One grouped query; the LEFT JOIN gives one row per (cohort, participant).
 */
function programmeCounts(ctx: Ctx, ids: string[]): Map<string, ProgrammeCounts> {
  const rows = ctx.rows
    .statement(
      `WITH live_cohort AS (
         SELECT c.id, c.programme_id, p.kind
         FROM cohorts c JOIN programmes p ON p.id = c.programme_id
         WHERE c.deleted = 0 AND c.programme_id IN (SELECT value FROM json_each(?))
       ),
       participant AS (
         SELECT lc.id AS cohort_id, s.id AS who
         FROM live_cohort lc JOIN startups s ON s.cohort_id = lc.id AND s.deleted = 0
         WHERE lc.kind = 'incubation'
         UNION ALL
         SELECT lc.id, e.trainee_id
         FROM live_cohort lc JOIN enrolments e ON e.cohort_id = lc.id AND e.deleted = 0
         WHERE lc.kind = 'training'
       )
       SELECT lc.programme_id AS id, count(DISTINCT lc.id) AS cohorts, count(DISTINCT pt.who) AS participants
       FROM live_cohort lc LEFT JOIN participant pt ON pt.cohort_id = lc.id
       GROUP BY lc.programme_id`,
    )
    .all(JSON.stringify(ids)) as Array<{ id: string } & ProgrammeCounts>;
  return new Map(rows.map(({ id, cohorts, participants }) => [id, { cohorts, participants }]));
}

/** Live startups and live enrolments per cohort, in one grouped query. */
function cohortCounts(ctx: Ctx, ids: string[]): Map<string, CohortCounts> {
  const page = JSON.stringify(ids);
  const rows = ctx.rows
    .statement(
      `SELECT cohort_id AS id, sum(kind = 's') AS startups, sum(kind = 't') AS trainees
       FROM (
         SELECT cohort_id, 's' AS kind FROM startups
         WHERE deleted = 0 AND cohort_id IN (SELECT value FROM json_each(?))
         UNION ALL
         SELECT cohort_id, 't' AS kind FROM enrolments
         WHERE deleted = 0 AND cohort_id IN (SELECT value FROM json_each(?))
       )
       GROUP BY cohort_id`,
    )
    .all(page, page) as Array<{ id: string } & CohortCounts>;
  return new Map(rows.map(({ id, startups, trainees }) => [id, { startups, trainees }]));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const programmes = {
  ...withCounts(programmeRows, programmeCounts, { cohorts: 0, participants: 0 }),
  remove(ctx: Ctx, input: { id: string }): { id: string; deleted: true } {
    return ctx.db.transaction(() => {
      // The crud remove goes first so that "no such programme" and "national programme" win
      // over "has cohorts" (deleting the cohorts would not help a centre delete a national
      // programme). If cohorts remain, the throw rolls the tombstone back with this savepoint.
      const result = programmeRows.remove(ctx, input);
      const cohorts = liveCohortsOf(ctx, input.id);
      const first = cohorts[0];
      if (first) {
        const names =
          cohorts
            .slice(0, 3)
            .map((c) => c.name)
            .join(', ') + (cohorts.length > 3 ? ', …' : '');
        throw fail.conflict(
          `This programme still has ${plural(cohorts.length, 'cohort')} (${names}); delete them or move them to another programme first`,
          undefined,
          { entity: 'cohorts', id: first.id, label: first.name },
        );
      }
      return result;
    })();
  },
};

export const cohorts = {
  ...withCounts(cohortRows, cohortCounts, { startups: 0, trainees: 0 }),
  remove(ctx: Ctx, input: { id: string }): { id: string; deleted: true } {
    return ctx.db.transaction(() => {
      // As for programmes: existence and ownership errors first, then the members check.
      const result = cohortRows.remove(ctx, input);
      const { startups, trainees } = cohortCounts(ctx, [input.id]).get(input.id) ?? { startups: 0, trainees: 0 };
      if (startups > 0 || trainees > 0) {
        const members = [startups > 0 ? plural(startups, 'startup') : null, trainees > 0 ? plural(trainees, 'enrolment') : null]
          .filter(Boolean)
          .join(' and ');
        throw fail.conflict(`This cohort still has ${members}; move them to another cohort or remove them first`);
      }
      return result;
    })();
  },
};
