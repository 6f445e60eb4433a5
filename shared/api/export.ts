/**
 * Export of any list to CSV or XLSX, done in core: the same query as the list's own call
 * (search, filters, sort; no paging — every matching row), read page by page so a list of a
 * million trainees never sits in memory at once, and written to a file.
 *
 * The file goes to `path` when given (the CLI, the desktop app), else to the data folder's
 * exports/ under a name with a random part; the UI fetches it with `files.download`.
 * Columns are the records' fields, values as stored unless the caller asks for them as a
 * person reads them: enum values in words (`valueLabels`, the caller's language), referenced
 * records by name (`references`), instants in a time zone (`timeZone`). CNIC and phone are
 * masked as in the list unless the caller's role may reveal them (`pii.reveal`), in which
 * case the export is in clear and written to the audit log; exports/ files are mode 0600.
 */
import { z } from 'zod';
import { TimeZone } from '../records/mentors.js';
import { mentorsApi, sessionsApi } from './mentors.js';
import { programmesApi } from './programmes.js';
import { startupsApi } from './startups.js';
import { traineesApi } from './trainees.js';
import { job } from './define.js';

/** The list query without its page (every matching row is exported); absent: the whole list. */
function exportOf<L extends string, Search extends z.ZodType, Filter extends z.ZodType, Sort extends z.ZodType>(
  list: L,
  query: z.ZodObject<{ search: Search; filter: Filter; sort: Sort; limit: z.ZodType; offset: z.ZodType }, z.core.$strict>,
) {
  const { search, filter, sort } = query.shape;
  return z.object({ list: z.literal(list), query: z.object({ search, filter, sort }).strict().optional() }).strict();
}

export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportTarget = z.discriminatedUnion('list', [
  exportOf('trainees', traineesApi['trainees.list'].input),
  exportOf('enrolments', traineesApi['enrolments.list'].input),
  exportOf('certifications', traineesApi['certifications.list'].input),
  exportOf('placements', traineesApi['placements.list'].input),
  exportOf('startups', startupsApi['startups.list'].input),
  exportOf('founders', startupsApi['founders.list'].input),
  exportOf('milestones', startupsApi['milestones.list'].input),
  exportOf('metrics', startupsApi['metrics.list'].input),
  exportOf('mentors', mentorsApi['mentors.list'].input),
  exportOf('assignments', mentorsApi['assignments.list'].input),
  exportOf('sessions', sessionsApi['sessions.list'].input),
  exportOf('actionItems', sessionsApi['actionItems.list'].input),
  exportOf('programmes', programmesApi['programmes.list'].input),
  exportOf('cohorts', programmesApi['cohorts.list'].input),
]);
export type ExportTarget = z.infer<typeof ExportTarget>;
export type ExportList = ExportTarget['list'];

export const ExportInput = z
  .object({
    target: ExportTarget,
    format: ExportFormat,
    /** Fields to export, in this order (default: every field of the list's records). */
    columns: z.array(z.string().max(60)).min(1).max(100).optional(),
    /** Header texts for those columns, e.g. translated labels (default: the field names). */
    headers: z.array(z.string().max(200)).max(100).optional(),
    /**
     * Text to write instead of stored values, per column: e.g. enums in the reader's language
     * (`{stage: {incubated: 'Incubated'}}`) or booleans (`{womenLed: {true: 'Yes', false:
     * 'No'}}`). Each item of a list field (a mentor's expertise) is looked up on its own; a
     * value not listed is written as stored.
     */
    valueLabels: z.record(z.string().max(60), z.record(z.string().max(100), z.string().max(200))).optional(),
    /**
     * Fields that point at another record (cohortId, startupId, traineeId, …): its id as
     * stored (`ids`, the default), or its name as core's messages give it (`names`: a cohort
     * "Batch 7", a trainee "Ali Raza (Karachi)"); empty when that record was deleted. A
     * reference into a list the caller may not read stays an id.
     */
    references: z.enum(['ids', 'names']).default('ids'),
    /**
     * Instants (createdAt, updatedAt, a session's start) as the date and time in this zone,
     * "2026-07-31 14:05", a date-time cell in XLSX: the reader's own zone, say. Default: as
     * stored, ISO 8601 in UTC.
     */
    timeZone: TimeZone.optional(),
    /** An absolute path to write to (CLI, desktop); default: the data folder's exports/. */
    path: z.string().min(1).max(4096).optional(),
  })
  .strict();
export type ExportInput = z.infer<typeof ExportInput>;

export const ExportResult = z.object({
  path: z.string(),
  /** The file's name; `files.download` fetches it when it is in exports/. */
  fileName: z.string(),
  format: ExportFormat,
  rows: z.number().int(),
  bytes: z.number().int(),
  /** Whether CNIC and phone numbers are in the file masked or in clear. */
  personalData: z.enum(['masked', 'clear', 'none']),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const exportApi = {
  /** A job with progress (rows written of the total); core also checks the list's own read permission. */
  'export.list': job({ input: ExportInput, output: ExportResult, permission: 'export.run' }),
};
