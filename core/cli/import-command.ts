/**
 * `import trainees|startups|mentors|results FILE`: the import wizard's calls in a row —
 * import.inspect (sheet, header, suggested mapping), then import.analyse (--dry-run) or
 * import.commit. The mapping is the --mapping file's, else the newest saved mapping that
 * fits the file, else the one suggested from the headers; which one is said on stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { fail, type FieldIssue } from '../../shared/api/errors.js';
import { ColumnMapping, DuplicateDecision, ImportKind, type ImportOptions } from '../../shared/api/import.js';
import type { InputOf, OutputOf } from '../../shared/api/index.js';
import { Id } from '../../shared/records/base.js';
import { EXIT, jobProgressPrinter, type FlagOf } from './output.js';
import type { Runtime } from './runtime.js';

export const MAPPING_HELP = `
--mapping FILE is a JSON object: field → the file's column header, e.g.
  {"name": "Student Name", "cnic": "NIC #", "phone": "WhatsApp", "cohort": "Batch"}
Fields: trainees name cnic email phone gender city district dateOfBirth skills consent cohort;
startups name sector stage cohort foundedOn website description womenLed city contactEmail
contactPhone registrationNo; mentors name organisation expertise city country timeZone email
phone availability; results cnic name score status certificateNo certificateTitle issuedOn.
Without it the columns are matched by their header names (Name/Full Name/Student Name,
CNIC/NIC/ID Card No, Mobile/Phone/Cell/WhatsApp, …).

Duplicates (by CNIC, then email, then phone; within the file and against the records):
--on-duplicate skip (default) keeps the stored record, update writes the file's non-empty
cells over it, new imports the rows as new records where the key allows it.
All rows or none: any rejected row stops the import unless --valid-only. Rejected rows go to
a CSV in the data folder's exports/ (readable only by you) with the reason in a new column.
Exit codes: 0 imported (or dry run), 1 nothing imported because rows were rejected, 2 bad input.`;

interface ImportFlags {
  sheet?: string;
  headerRow?: string;
  mapping?: string;
  onDuplicate: string;
  validOnly?: boolean;
  dryRun?: boolean;
  cohort?: string;
  certificateTitle?: string;
  issuedOn?: string;
  dateOrder: string;
}

const FLAGS: Record<string, string> = {
  source: 'FILE',
  sheet: '--sheet',
  headerRow: '--header-row',
  mapping: '--mapping',
  kind: 'KIND',
  cohortId: '--cohort',
  certificateTitle: '--certificate-title',
  issuedOn: '--issued-on',
  onDuplicate: '--on-duplicate',
  decisions: '--on-duplicate',
};

const importFlag: FlagOf = (p) => {
  const key = p[0] === 'options' ? p[1] : p[0];
  return typeof key === 'string' ? (FLAGS[key] ?? null) : null;
};

const number = (n: number) => n.toLocaleString('en-US');

function readMappingFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(file), 'utf8');
  } catch {
    throw fail.field(['mapping'], `Cannot read the mapping file ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw fail.field(['mapping'], `The mapping file is not JSON: ${(error as Error).message}`);
  }
  const parsed = ColumnMapping.safeParse(json);
  if (!parsed.success) throw fail.field(['mapping'], 'The mapping file must be a JSON object of field → column header, like {"name": "Student Name"}');
  return parsed.data;
}

/** A cohort by id, or by its name (case-insensitive). */
async function cohortId(rt: Runtime, given: string): Promise<string> {
  if (Id.safeParse(given).success) return given;
  const { client } = rt.signedIn();
  const { items } = await client.call('cohorts.list', { search: given, limit: 1000 });
  const found = items.filter((c) => c.name.trim().toLowerCase() === given.trim().toLowerCase());
  if (found.length === 1) return found[0]!.id;
  throw fail.field(['options', 'cohortId'], found.length === 0 ? `No cohort named "${given}"` : `${found.length} cohorts are named "${given}": give its id`);
}

function describeCounts(c: { added: number; updated: number; skipped: number; rejected: number }): string {
  return `${number(c.added)} added, ${number(c.updated)} updated, ${number(c.skipped)} skipped, ${number(c.rejected)} rejected`;
}

function summaryText(file: string, s: OutputOf<'import.commit'>): string {
  const lines = [
    s.committed
      ? `Imported ${s.kind} from ${path.basename(file)}: ${describeCounts(s)} in ${s.seconds} s (${number(s.rowsPerSecond)} rows/s).`
      : `Nothing was imported: ${number(s.rejected)} of ${number(s.totalRows)} rows were rejected. Fix them, or import the valid rows only with --valid-only.`,
  ];
  if (s.enrolments && (s.enrolments.added || s.enrolments.updated)) lines.push(`Enrolments: ${number(s.enrolments.added)} added, ${number(s.enrolments.updated)} updated.`);
  if (s.certifications) lines.push(`Certifications: ${number(s.certifications.added)} added, ${number(s.certifications.updated)} updated.`);
  if (s.rejectedFile) {
    lines.push(`Rejected rows, with the reason in a new column: ${s.rejectedFile}`);
    lines.push('(readable only by you: it holds the CNICs and phone numbers of those rows as imported)');
  }
  return lines.join('\n');
}

function analysisText(file: string, a: OutputOf<'import.analyse'>): string {
  const lines = [
    `Dry run of ${a.kind} from ${path.basename(file)} (sheet "${a.sheet}", header on row ${a.headerRow}): ${number(a.totalRows)} rows, ${number(a.validRows)} valid.`,
    `With --valid-only it would do: ${describeCounts(a.expected)}.`,
  ];
  if (a.groups.length > 0) lines.push(`${number(a.groups.length)} ${a.groups.length === 1 ? 'group' : 'groups'} of duplicates (--on-duplicate decides).`);
  for (const issue of a.issues.slice(0, 50)) {
    lines.push(`  row ${issue.row}${issue.column ? ` (${issue.column})` : ''}: ${issue.message}`);
  }
  if (a.issues.length > 50) lines.push(`  … and ${number(a.issues.length - 50)} more (--json lists all)`);
  return lines.join('\n');
}

export function addImportCommand(program: Command, rt: Runtime): void {
  program
    .command('import')
    .description('Import a spreadsheet (CSV or XLSX) of trainees, startups, mentors, or a cohort\'s exam results')
    .argument('<kind>', 'trainees, startups, mentors or results')
    .argument('<file>', 'the .csv, .tsv, .txt or .xlsx file')
    .option('--sheet <name>', 'the XLSX sheet (default: the first with data)')
    .option('--header-row <n>', 'the header row number, when the one found is wrong')
    .option('--mapping <file>', 'a JSON file mapping fields to column headers (see below)')
    .addOption(new Option('--on-duplicate <decision>', 'skip, update or new').choices(DuplicateDecision.options).default('skip'))
    .option('--valid-only', 'import the valid rows even when some are rejected')
    .option('--dry-run', 'check the file and report what would happen; write nothing')
    .option('--cohort <id-or-name>', 'trainees: enrol every row in this cohort; results: the cohort whose exam this is')
    .option('--certificate-title <title>', "results: the certificate's title when the sheet has none")
    .option('--issued-on <date>', 'results: the issue date when the sheet has none (YYYY-MM-DD)')
    .addOption(new Option('--date-order <order>', 'how to read 03/04/2001').choices(['dmy', 'mdy']).default('dmy'))
    .addHelpText('after', MAPPING_HELP)
    .action(async (kind: string, file: string, flags: ImportFlags) => {
      rt.flagOf = importFlag;
      const parsedKind = ImportKind.safeParse(kind);
      if (!parsedKind.success) throw fail.field(['kind'], `Import what? trainees, startups, mentors or results, not "${kind}"`);
      const issues: FieldIssue[] = [];
      const headerRow = flags.headerRow === undefined ? undefined : Number(flags.headerRow);
      if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) {
        issues.push({ path: ['headerRow'], message: `Must be a row number, not "${flags.headerRow}"` });
      }
      if (issues.length) throw fail.invalid(issues);
      const { client } = rt.signedIn();
      const source = { path: path.resolve(file) };
      const options: ImportOptions = {
        onDuplicate: flags.onDuplicate as ImportOptions['onDuplicate'],
        dateOrder: flags.dateOrder as ImportOptions['dateOrder'],
        cohortId: flags.cohort === undefined ? undefined : await cohortId(rt, flags.cohort),
        certificateTitle: flags.certificateTitle,
        issuedOn: flags.issuedOn,
      };
      const onProgress = jobProgressPrinter(rt.out);
      const sheetChoice = { source, kind: parsedKind.data, sheet: flags.sheet, headerRow };
      const inspected = await client.runJob('import.inspect', { ...sheetChoice, previewRows: 1 }, { onProgress });
      const [mapping, from] = flags.mapping
        ? [readMappingFile(flags.mapping), `from ${flags.mapping}`]
        : inspected.savedMapping
          ? [inspected.savedMapping.mapping, `saved as "${inspected.savedMapping.name}"`]
          : [inspected.suggested.mapping, 'matched by header names'];
      const used = Object.entries(mapping).map(([field, column]) => `${field} ← "${column}"`).join(', ');
      rt.out.progress(`Sheet "${inspected.sheet}", header on row ${inspected.headerRow}, ${number(inspected.rowCount)} rows. Columns (${from}): ${used}`, {
        sheet: inspected.sheet,
        headerRow: inspected.headerRow,
        rows: inspected.rowCount,
        mapping,
      });
      const request: InputOf<'import.analyse'> = { ...sheetChoice, sheet: inspected.sheet, headerRow: inspected.headerRow, mapping, options };
      if (flags.dryRun) {
        const analysis = await client.runJob('import.analyse', request, { onProgress });
        rt.out.result({ ...analysis, dryRun: true, mapping }, () => analysisText(file, analysis));
        return;
      }
      const summary = await client.runJob('import.commit', { ...request, validOnly: flags.validOnly ?? false }, { onProgress });
      rt.out.result({ ...summary, mapping }, () => summaryText(file, summary));
      if (!summary.committed) rt.exitCode = EXIT.failed;
    });
}
