/**
 * What training led to: certifications earned and placements (a job, freelancing, an
 * internship, or founding a startup). Both count towards a centre's quarterly report.
 */
import { fail } from '../../shared/api/errors.js';
import { certificationsTable, placementsTable, type Certification, type Placement } from '../../shared/records/trainees.js';
import { crudService, where } from '../records/crud.js';
import { assertNotFuture, fieldPath } from './rules.js';

export const certifications = crudService<Certification>({
  spec: certificationsTable,
  entity: 'certification',
  label: (c) => (c.certificateNo ? `${c.title} (${c.certificateNo})` : c.title),
  refs: { traineeId: 'trainees' },
  // A certificate number is printed on one certificate; a second record with it is either
  // a double entry or a forged number, and either way someone should look.
  unique: [{ field: 'certificateNo', message: 'Another certification has this certificate number' }],
  search: { like: ['title', 'certificate_no'] },
  filters: { traineeId: where.equals('certifications.trainee_id') },
  sorts: { issuedOn: 'certifications.issued_on', createdAt: 'certifications.created_at' },
  defaultSort: { field: 'issuedOn', direction: 'desc' },
  validate(ctx, next, previous) {
    assertNotFuture(ctx, next.issuedOn, fieldPath(previous)('issuedOn'), 'The issue date');
  },
});

/** Kinds of placement that can be at a startup: founding one, or a job in one. */
const AT_A_STARTUP: ReadonlySet<Placement['kind']> = new Set(['founder', 'job']);

export const placements = crudService<Placement>({
  spec: placementsTable,
  entity: 'placement',
  label: (p) => `${p.kind}${p.employer ? ` at ${p.employer}` : ''} from ${p.startedOn}`,
  refs: { traineeId: 'trainees', startupId: 'startups' },
  search: { like: ['employer'] },
  filters: { traineeId: where.equals('placements.trainee_id'), kind: where.equals('placements.kind') },
  sorts: { startedOn: 'placements.started_on', createdAt: 'placements.created_at' },
  defaultSort: { field: 'startedOn', direction: 'desc' },
  validate(ctx, next, previous) {
    const path = fieldPath(previous);
    if (next.startupId && !AT_A_STARTUP.has(next.kind)) {
      // Blame what the caller changed: a new kind on a placement that names a startup, or
      // a startup given for a kind that cannot have one.
      const blame = previous && previous.startupId === next.startupId ? 'kind' : 'startupId';
      throw fail.field(path(blame), 'Only a founder or a job placement can be at a startup');
    }
    assertNotFuture(ctx, next.startedOn, path('startedOn'), 'The start date');
  },
});
