/**
 * Spreadsheet import (trainees, startups, mentors, a cohort's exam results) as a wizard and
 * as the CLI's `import` command:
 *
 *   files.upload (browser only) → import.inspect → (mapping) → import.analyse → import.commit
 *
 * - `import.inspect` reads the file: its sheets, where the header row is, the first rows and a
 *   suggested mapping of columns to fields with a confidence per field.
 * - `import.analyse` normalises and validates every row with a mapping and options, and finds
 *   duplicates (within the file and against the database): what a commit would do, without
 *   writing anything. The CLI's `--dry-run`.
 * - `import.commit` does it, in one SQLite transaction: all rows or none (default), or the
 *   valid rows only (`validOnly`). Duplicate groups are settled by the per-group decisions,
 *   the rest by `options.onDuplicate`. It writes a file of the rejected rows with a Reason
 *   column, to fix and re-import.
 *
 * Where the file comes from (`ImportSource`): the CLI and core's tests give a path on the
 * workstation. The renderer cannot: a browser (`npm run web`) never sees a file's path, and
 * the desktop shell hands the page no paths either. So the renderer sends the file's bytes
 * with `files.upload` (shared/api/files.ts), in base64 chunks of at most 4 MiB each: one big
 * message would pass the WebSocket transport's 16 MiB message limit from about 12 MiB of
 * file on, and would hold every other call and event on the channel while it travels. Core
 * keeps the upload in the data folder and every later call names it by `uploadId`, so the
 * bytes cross the channel once although inspect, analyse and commit each read the file.
 *
 * Row numbers are the file's own (1-based, as a spreadsheet program shows them; for a CSV,
 * the record's number: a quoted line break does not start a new row), so "row 17" is found
 * where the user looks for it. Empty rows are skipped but keep their numbers.
 *
 * Personal data: issues and duplicate groups show CNIC and phone masked unless the caller's
 * role may reveal them (`pii.reveal`); the preview shows the file's cells as they are (the
 * user's own file). The rejected-rows file necessarily holds what the user imported: it is
 * kept in the data folder's exports/ (mode 0600) and fetched with `files.download`.
 */
import { z } from 'zod';
import { Id, IsoDate } from '../records/base.js';
import { call, job } from './define.js';

export const ImportKind = z.enum(['trainees', 'startups', 'mentors', 'results']);
export type ImportKind = z.infer<typeof ImportKind>;

/**
 * The fields each kind can fill, in the order the wizard lists them. Record fields keep
 * their record names (shared/records); the others:
 * - `cohort` (trainees, startups): a cohort's name; the trainee is enrolled in it, the
 *   startup placed in it. It must name an existing cohort of this centre.
 * - results: `cnic` finds the trainee (who must exist); `score` (0–100) and `status`
 *   (enrolled | completed | dropped, or pass/fail words) go to the enrolment in the chosen
 *   cohort; `certificateNo`, `certificateTitle` and `issuedOn` make or update a certification.
 *   `name` is only compared (a different name is reported, not written).
 */
export const IMPORT_FIELDS = {
  trainees: ['name', 'cnic', 'email', 'phone', 'gender', 'city', 'district', 'dateOfBirth', 'skills', 'consent', 'cohort'],
  startups: [
    'name',
    'sector',
    'stage',
    'cohort',
    'foundedOn',
    'website',
    'description',
    'womenLed',
    'city',
    'contactEmail',
    'contactPhone',
    'registrationNo',
  ],
  mentors: ['name', 'organisation', 'expertise', 'city', 'country', 'timeZone', 'email', 'phone', 'availability'],
  results: ['cnic', 'name', 'score', 'status', 'certificateNo', 'certificateTitle', 'issuedOn'],
} as const satisfies Record<ImportKind, readonly string[]>;
export type ImportField<K extends ImportKind = ImportKind> = (typeof IMPORT_FIELDS)[K][number];

/** Fields a mapping must map; a row with the mapped cell empty is rejected. */
export const REQUIRED_IMPORT_FIELDS = {
  trainees: ['name'],
  startups: ['name', 'sector'],
  mentors: ['name'],
  results: ['cnic'],
} as const satisfies { [K in ImportKind]: readonly ImportField<K>[] };

/**
 * How duplicates are recognised, strongest key first: two rows (or a row and a stored
 * record) are the same when their first key that both have is equal. So a CNIC decides when
 * both have one (two siblings sharing a phone stay two trainees); an email only when one of
 * them has no CNIC; a phone only when neither CNIC nor email tells them apart.
 */
export const DUPLICATE_KEYS = {
  trainees: ['cnic', 'email', 'phone'],
  startups: ['registrationNo', 'contactEmail', 'name'],
  mentors: ['email', 'phone'],
  // A results sheet updates existing trainees found by CNIC; a CNIC twice in the sheet is
  // reported on the later row instead.
  results: [],
} as const satisfies { [K in ImportKind]: readonly ImportField<K>[] };

/** Where the file is: a path on the workstation (CLI, tests), or a finished `files.upload`. */
export const ImportSource = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z.object({ uploadId: Id }).strict(),
]);
export type ImportSource = z.infer<typeof ImportSource>;

/**
 * field → column key (ImportColumn.key) of the file. Fields not named are not imported; a
 * column may feed one field only. Saved mappings and the CLI's `--mapping FILE` have this
 * shape, e.g. `{"name": "Student Name", "cnic": "NIC #", "phone": "WhatsApp"}`.
 */
export const ColumnMapping = z.record(z.string().max(60), z.string().max(200));
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** Which sheet and where its header is; both found automatically when left out. */
const SheetChoice = {
  /**
   * An XLSX sheet's name. By default the first sheet that holds a table (a header row is
   * found), so a sheet of instructions before the roster is passed over; else the first
   * with data. Ignored for CSV.
   */
  sheet: z.string().min(1).max(200).optional(),
  /** The header's row number (1-based), when the detected one is wrong. */
  headerRow: z.number().int().min(1).max(1000).optional(),
};

export const InspectInput = z
  .object({
    source: ImportSource,
    kind: ImportKind,
    ...SheetChoice,
    /** How many data rows the preview shows. */
    previewRows: z.number().int().min(1).max(200).default(20),
  })
  .strict();

export const ImportColumn = z.object({
  /** Unique within the file: the header text, trimmed; "Column C" for a blank header; "Phone (2)" for a repeated one. */
  key: z.string(),
  /** The header cell as written. */
  header: z.string(),
  /** 0-based position. */
  index: z.number().int(),
});
export type ImportColumn = z.infer<typeof ImportColumn>;

export const FileFormat = z.object({
  type: z.enum(['csv', 'xlsx']),
  /** CSV only: how the text was decoded (by its byte-order mark; else UTF-8, or Windows-1252 when it is not UTF-8). */
  encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']).nullable(),
  /** CSV only: the delimiter found among comma, semicolon and tab. */
  delimiter: z.enum([',', ';', '\t']).nullable(),
});
export type FileFormat = z.infer<typeof FileFormat>;

export const InspectResult = z.object({
  fileName: z.string(),
  format: FileFormat,
  /** XLSX: every sheet with its number of non-empty rows; CSV: one entry named after the file. */
  sheets: z.array(z.object({ name: z.string(), rows: z.number().int() })),
  sheet: z.string(),
  /** The header's row number (1-based): the first row that looks like a header below any title rows. */
  headerRow: z.number().int(),
  columns: z.array(ImportColumn),
  /** Non-empty data rows below the header. */
  rowCount: z.number().int(),
  /** The first data rows: `values` aligned with `columns`, as text. */
  preview: z.array(z.object({ row: z.number().int(), values: z.array(z.string()) })),
  /** The mapping suggested from the header names and their common variants. */
  suggested: z.object({
    mapping: ColumnMapping,
    /** Per mapped field: 1 an exact known header, lower for a looser match. */
    confidence: z.record(z.string(), z.number().min(0).max(1)),
    /** Required fields no column was found for. */
    missing: z.array(z.string()),
  }),
  /** The newest saved mapping of this kind whose every column is in this file, if any. */
  savedMapping: z.object({ id: Id, name: z.string(), mapping: ColumnMapping }).nullable(),
});
export type InspectResult = z.infer<typeof InspectResult>;

export const DuplicateDecision = z.enum(['skip', 'update', 'new']);
export type DuplicateDecision = z.infer<typeof DuplicateDecision>;

export const ImportOptions = z
  .object({
    /**
     * What to do with duplicate groups no decision names: `skip` keeps the stored record as
     * it is (and, within the file, imports the first row only); `update` writes the file's
     * non-empty cells over the stored record (within the file, later rows fill in the
     * first); `new` imports every row as its own record, where the key allows it.
     */
    onDuplicate: DuplicateDecision.default('skip'),
    /**
     * trainees: enrol every imported trainee in this cohort (besides any cohort column).
     * results: required — the cohort whose exam the sheet holds.
     */
    cohortId: Id.optional(),
    /** results: the certificate's title when the sheet has none (default: the programme's name). */
    certificateTitle: z.string().trim().min(1).max(200).optional(),
    /** results: the issue date when the sheet has none (default: today). */
    issuedOn: IsoDate.optional(),
    /** How to read an ambiguous date like 03/04/2001: day first (Pakistan's habit) or month first. */
    dateOrder: z.enum(['dmy', 'mdy']).default('dmy'),
  })
  .strict();
export type ImportOptions = z.infer<typeof ImportOptions>;

/** What analyse and commit both take: the file, the kind, the mapping and the options. */
export const ImportRequest = z
  .object({
    source: ImportSource,
    kind: ImportKind,
    ...SheetChoice,
    mapping: ColumnMapping,
    options: ImportOptions.default({ onDuplicate: 'skip', dateOrder: 'dmy' }),
  })
  .strict();

/** One problem with one row; a row with any issue is rejected. */
export const RowIssue = z.object({
  row: z.number().int(),
  /** The field the problem is with (null: the row as a whole, e.g. a conflict). */
  field: z.string().nullable(),
  /** The file's column that field came from. */
  column: z.string().nullable(),
  /** The cell's text (CNIC and phone masked unless the caller may reveal them). */
  value: z.string().nullable(),
  message: z.string(),
});
export type RowIssue = z.infer<typeof RowIssue>;

/**
 * Rows that are the same person (or startup, or mentor), with the stored record they match
 * if any. `id` is stable for the same file, mapping and database, so a decision made after
 * analyse applies at commit.
 */
export const DuplicateGroup = z.object({
  id: z.string(),
  /** The key the rows matched on (one of DUPLICATE_KEYS). */
  matchedBy: z.string(),
  /** The file's rows in the group, in file order. */
  rows: z.array(z.number().int()),
  existing: z.object({ id: Id, label: z.string() }).nullable(),
  /**
   * What `update` would change: each field where the file's value (the last non-empty one in
   * the group) differs from the stored record's (or, with no stored record, from the first
   * row's). Values are display text; CNIC and phone masked unless the caller may reveal them.
   */
  differences: z.array(
    z.object({ field: z.string(), existing: z.string().nullable(), incoming: z.string().nullable(), row: z.number().int() }),
  ),
  /**
   * Decisions this group can take. `new` is missing where the key must stay unique (two
   * trainees cannot share a CNIC or an email); choosing it anyway rejects the extra rows.
   */
  allowed: z.array(DuplicateDecision),
  /** What happens without a decision: `options.onDuplicate` when allowed, else `skip`. */
  decision: DuplicateDecision,
});
export type DuplicateGroup = z.infer<typeof DuplicateGroup>;

export const ImportCounts = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const AnalyseResult = z.object({
  kind: ImportKind,
  sheet: z.string(),
  headerRow: z.number().int(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  /** Every issue, in row order (a rejected row may have several). */
  issues: z.array(RowIssue),
  groups: z.array(DuplicateGroup),
  /**
   * What a commit with the groups' current decisions and `validOnly` would do (without
   * `validOnly`, any rejected row means nothing is written). Rows a domain rule refuses only
   * at the write are not foreseen here; they are rare (the same rules are checked here).
   */
  expected: ImportCounts,
});
export type AnalyseResult = z.infer<typeof AnalyseResult>;

export const GroupDecision = z
  .object({
    group: z.string().max(100),
    decision: DuplicateDecision,
    /** For `update`: only these fields are written (default: every field that differs). */
    fields: z.array(z.string().max(60)).max(60).optional(),
  })
  .strict();
export type GroupDecision = z.infer<typeof GroupDecision>;

export const CommitInput = ImportRequest.extend({
  decisions: z.array(GroupDecision).max(100_000).default([]),
  /** false: any rejected row stops the import and nothing is written; true: the valid rows are written. */
  validOnly: z.boolean().default(false),
}).strict();

export const ImportSummary = ImportCounts.extend({
  kind: ImportKind,
  /** false when nothing was written: rows were rejected and `validOnly` was off (the other rows count as skipped). */
  committed: z.boolean(),
  totalRows: z.number().int(),
  /**
   * The rejected rows with a Reason column, as CSV (absolute path, in the data folder's
   * exports/, mode 0600; null when no row was rejected). `files.download` fetches it by name.
   */
  rejectedFile: z.string().nullable(),
  rejectedFileName: z.string().nullable(),
  /** Enrolments made (trainees: in the cohort column's or option's cohort) or updated (results); null when nothing was written. */
  enrolments: z.object({ added: z.number().int(), updated: z.number().int() }).nullable(),
  /** results: certifications made or updated. */
  certifications: z.object({ added: z.number().int(), updated: z.number().int() }).nullable(),
  seconds: z.number(),
  rowsPerSecond: z.number(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const SavedMapping = z.object({
  id: Id,
  kind: ImportKind,
  name: z.string(),
  mapping: ColumnMapping,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedMapping = z.infer<typeof SavedMapping>;

/**
 * Progress of the import jobs comes as `job.progress` events with `phase` (reading the file,
 * checking rows, matching duplicates, writing) and, while rows are processed,
 * `rowsPerSecond`; the write reports from inside its transaction. Cancel with `jobs.cancel`
 * is honoured in every phase: the write is one transaction that pauses every few hundred
 * rows, and a cancel rolls it back whole. Meanwhile other calls and syncs wait for it
 * (core/host/write-gate.ts), so nothing else is written into it or undone with it.
 */
export const importApi = {
  'import.inspect': job({ input: InspectInput, output: InspectResult, permission: 'import.run' }),
  'import.analyse': job({ input: ImportRequest, output: AnalyseResult, permission: 'import.run' }),
  'import.commit': job({ input: CommitInput, output: ImportSummary, permission: 'import.run' }),
  'import.mappings.list': call({
    input: z.object({ kind: ImportKind.optional() }).strict(),
    output: z.array(SavedMapping),
    permission: 'import.run',
  }),
  /** Saves a mapping under a name; saving again under the same kind and name replaces it. */
  'import.mappings.save': call({
    input: z.object({ kind: ImportKind, name: z.string().trim().min(1, 'Required').max(100), mapping: ColumnMapping }).strict(),
    output: SavedMapping,
    permission: 'import.run',
  }),
  'import.mappings.delete': call({
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id, deleted: z.literal(true) }),
    permission: 'import.run',
  }),
};
