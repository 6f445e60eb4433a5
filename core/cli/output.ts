/**
 * What the CLI writes, and where. Results go to stdout: aligned text for people, JSON with
 * `--json`. Progress and errors go to stderr; with `--json` they are JSON lines there too
 * (`{"progress": …}` and, on failure, one `{"error": {...typed error...}}`), so a script can
 * read stdout as one JSON document and stderr line by line.
 */
import type { JobProgress } from '../../shared/api/client.js';
import type { ApiError, FieldIssue } from '../../shared/api/errors.js';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Exit codes: documented in `incubator --help`. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

export function exitCodeOf(error: ApiError): number {
  return error.code === 'invalid' ? EXIT.badInput : EXIT.failed;
}

/** Names the flag (or argument) an input path came from, or null when there is none. */
export type FlagOf = (path: readonly (string | number)[]) => string | null;

export class Output {
  constructor(
    readonly io: CliIo,
    readonly json: boolean,
  ) {}

  /** The command's result: `value` as JSON, or `human()` as text. */
  result(value: unknown, human: () => string): void {
    if (this.json) this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    else {
      const text = human();
      if (text) this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    }
  }

  /** A progress line on stderr (a JSON line with --json): never mixed into stdout. */
  progress(message: string, detail: Record<string, unknown> = {}): void {
    if (this.json) this.io.stderr.write(`${JSON.stringify({ progress: { message, ...detail } })}\n`);
    else this.io.stderr.write(`${message}\n`);
  }

  /** Reports a failure on stderr and returns the exit code to use. */
  error(error: ApiError, flagOf: FlagOf = () => null): number {
    if (this.json) {
      const out =
        error.code === 'invalid'
          ? { ...error, issues: error.issues.map((issue) => withFlag(issue, flagOf)) }
          : error.code === 'conflict' && error.field
            ? { ...error, flag: flagOf(error.field.split('.')) ?? undefined }
            : error;
      this.io.stderr.write(`${JSON.stringify({ error: out })}\n`);
    } else {
      this.io.stderr.write(`${describeError(error, flagOf)}\n`);
    }
    return exitCodeOf(error);
  }
}

/** A job's progress on stderr: a line when its phase changes, then at most one a second, and the last. */
export function jobProgressPrinter(out: Output): (p: JobProgress) => void {
  const number = (n: number) => n.toLocaleString('en-US');
  let last = { phase: '', at: 0 };
  return (p) => {
    const now = Date.now();
    const phase = p.phase ?? '';
    if (phase === last.phase && now - last.at < 1000 && p.done !== p.total) return;
    last = { phase, at: now };
    const count = p.total ? ` ${number(p.done)} / ${number(p.total)}` : '';
    const rate = p.rowsPerSecond ? ` (${number(p.rowsPerSecond)} rows/s)` : '';
    out.progress(`${p.message ?? phase}${count}${rate}`, { ...p });
  };
}

function withFlag(issue: FieldIssue & { flag?: string }, flagOf: FlagOf): FieldIssue & { flag?: string } {
  const flag = issue.flag ?? flagOf(issue.path);
  return flag ? { ...issue, flag } : issue;
}

/** One line per problem, each invalid field as `--flag-name: message`. */
export function describeError(error: ApiError, flagOf: FlagOf = () => null): string {
  switch (error.code) {
    case 'invalid': {
      if (error.issues.length === 0) return `Error: ${error.message}`;
      const lines = error.issues.map((issue: FieldIssue & { flag?: string }) => {
        const flag = issue.flag ?? flagOf(issue.path) ?? (issue.path.length > 0 ? issue.path.join('.') : null);
        return flag ? `  ${flag}: ${issue.message}` : `  ${issue.message}`;
      });
      return [`Error: ${error.issues.length === 1 ? 'this value was refused' : 'these values were refused'}:`, ...lines].join(
        '\n',
      );
    }
    case 'conflict': {
      const flag = error.field ? flagOf(error.field.split('.')) : null;
      const where = error.existing ? ` (existing ${singular(error.existing.entity)} id ${error.existing.id})` : '';
      return `Error: ${flag ? `${flag}: ` : ''}${error.message}${where}`;
    }
    default:
      return `Error: ${error.message}`;
  }
}

function singular(table: string): string {
  return table.replace(/_/g, ' ').replace(/s$/, '');
}

/** Formats one cell of a table or detail view. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return value.length ? value.join(', ') : '-';
    return `${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const MAX_CELL = 40;

function clip(text: string, width = MAX_CELL): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** An aligned text table with a header row. Columns are [key, heading]. */
export function formatTable(rows: readonly Record<string, unknown>[], columns: readonly (readonly [string, string])[]): string {
  const cells = rows.map((row) => columns.map(([key]) => clip(formatValue(row[key]))));
  const widths = columns.map(([, heading], i) => Math.max(heading.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map(([, heading]) => heading)), ...cells.map(line)].join('\n');
}

/** `label  value` lines for one record; arrays of objects are listed below their label. */
export function formatDetails(entries: readonly (readonly [string, unknown])[]): string {
  const width = Math.max(...entries.map(([label]) => label.length));
  const lines: string[] = [];
  for (const [label, value] of entries) {
    if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null)) {
      lines.push(`${label.padEnd(width)}  ${value.length}`);
      for (const item of value as Record<string, unknown>[]) lines.push(`${' '.repeat(width)}  - ${describeItem(item)}`);
    } else {
      lines.push(`${label.padEnd(width)}  ${formatValue(value)}`);
    }
  }
  return lines.join('\n');
}

function describeItem(item: Record<string, unknown>): string {
  const title = item.text ?? item.name ?? item.title ?? item.id;
  const extra = Object.entries(item)
    .filter(([k, v]) => ['owner', 'dueOn', 'done', 'status'].includes(k) && v !== null && v !== undefined)
    .map(([k, v]) => `${k} ${formatValue(v)}`);
  return extra.length ? `${String(title)} (${extra.join(', ')})` : String(title);
}
