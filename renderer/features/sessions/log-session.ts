/**
 * The "Log a session" form: its values, how they become the input of sessions.record
 * (local date and time → UTC instant), and how core's refusals find their fields,
 * including those of one action item row (['actionItems', 1, 'text']).
 */
import type { InputOf } from '../../../shared/api/index.js';
import { ApiFailure, type FieldIssue } from '../../../shared/api/errors.js';
import type { MentoringSession } from '../../../shared/records/sessions.js';
import { blankToNull, mapFailureToFields } from '../../api/forms.js';
import { asApiFailure } from '../../api/errors.js';

export interface ActionItemRow {
  /** Identifies the row on screen; not sent. */
  key: string;
  text: string;
  owner: string;
  dueOn: string;
  done: boolean;
}

export interface LogSessionValues {
  mentorId: string | null;
  startupId: string | null;
  /** The start in the viewer's zone, as a datetime-local input writes it: 2026-07-31T09:30. */
  startsAt: string;
  lengthBy: 'minutes' | 'end';
  minutes: number | string;
  /** The end in the viewer's zone, like startsAt. */
  endsAt: string;
  mode: MentoringSession['mode'];
  topics: string[];
  notes: string;
  actionItems: ActionItemRow[];
}

export const TOP_FIELDS = ['mentorId', 'startupId', 'startsAt', 'minutes', 'endsAt', 'mode', 'topics', 'notes'] as const;
export type TopField = (typeof TOP_FIELDS)[number];
export const ITEM_FIELDS = ['text', 'owner', 'dueOn', 'done'] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

let rowCounter = 0;
export function newActionItemRow(): ActionItemRow {
  rowCounter += 1;
  return { key: `row-${rowCounter}`, text: '', owner: '', dueOn: '', done: false };
}

/** YYYY-MM-DDTHH:mm in the viewer's zone, for a datetime-local input. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A datetime-local value (the viewer's wall-clock time) as a UTC timestamp. Blank → undefined
 * (core says it is required); an unreadable value is passed on for core to refuse.
 */
export function localInputToUtc(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(trimmed)) return trimmed;
  // A date-time without an offset is local time (ECMAScript Date.parse).
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? trimmed : date.toISOString();
}

export function initialLogSessionValues(prefill: { mentorId?: string; startupId?: string }, now: Date): LogSessionValues {
  // The last half hour boundary: sessions are usually logged just after they end.
  const start = new Date(now);
  start.setMinutes(start.getMinutes() < 30 ? 0 : 30, 0, 0);
  return {
    mentorId: prefill.mentorId ?? null,
    startupId: prefill.startupId ?? null,
    startsAt: toLocalInput(start),
    lengthBy: 'minutes',
    minutes: 60,
    endsAt: '',
    mode: 'in-person',
    topics: [],
    notes: '',
    actionItems: [],
  };
}

function isBlankRow(row: ActionItemRow): boolean {
  return row.text.trim() === '' && row.owner.trim() === '' && row.dueOn === '' && !row.done;
}

export interface RecordRequest {
  input: InputOf<'sessions.record'>;
  /** The row key of each action item sent, by its index in the input. */
  sentRows: string[];
}

/** The sessions.record input. Wholly blank action item rows are left out. */
export function recordSessionInput(values: LogSessionValues): RecordRequest {
  const rows = values.actionItems.filter((row) => !isBlankRow(row));
  const minutes =
    typeof values.minutes === 'number' ? values.minutes : values.minutes.trim() === '' ? undefined : Number(values.minutes);
  const input: Record<string, unknown> = {
    mentorId: values.mentorId ?? undefined,
    startupId: values.startupId ?? undefined,
    startsAt: localInputToUtc(values.startsAt),
    mode: values.mode,
    topics: values.topics,
    notes: blankToNull(values.notes),
  };
  if (values.lengthBy === 'minutes') input.minutes = minutes;
  else input.endsAt = localInputToUtc(values.endsAt);
  if (rows.length > 0) {
    input.actionItems = rows.map((row) => ({
      text: row.text,
      owner: blankToNull(row.owner),
      dueOn: row.dueOn === '' ? null : row.dueOn,
      done: row.done,
    }));
  }
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  return { input: input as InputOf<'sessions.record'>, sentRows: rows.map((row) => row.key) };
}

export interface LogSessionErrors {
  fields: Partial<Record<TopField, string>>;
  /** Row key → field → message. */
  items: Record<string, Partial<Record<ItemField, string>>>;
  form: string | null;
}

export const noErrors: LogSessionErrors = { fields: {}, items: {}, form: null };

/** Places core's messages beside the session's fields and the action item rows' fields. */
export function mapRecordFailure(
  error: unknown,
  sentRows: readonly string[],
  describe: (message: string) => string = (m) => m,
): LogSessionErrors {
  const failure = asApiFailure(error).error;
  if (failure.code !== 'invalid') {
    const top = mapFailureToFields<Record<TopField, unknown>>(error, TOP_FIELDS, { describeIssue: describe });
    return { fields: top.fieldErrors, items: {}, form: top.formError };
  }
  const items: LogSessionErrors['items'] = {};
  const topIssues: FieldIssue[] = [];
  const leftover: string[] = [];
  for (const issue of failure.issues) {
    const [head, index, field] = issue.path;
    if (head !== 'actionItems') {
      topIssues.push(issue);
      continue;
    }
    const rowKey = typeof index === 'number' ? sentRows[index] : undefined;
    if (rowKey && typeof field === 'string' && (ITEM_FIELDS as readonly string[]).includes(field)) {
      const row = (items[rowKey] ??= {});
      row[field as ItemField] ??= describe(issue.message);
    } else {
      leftover.push(describe(issue.message));
    }
  }
  let fields: LogSessionErrors['fields'] = {};
  if (topIssues.length > 0) {
    const top = mapFailureToFields<Record<TopField, unknown>>(new ApiFailure({ ...failure, issues: topIssues }), TOP_FIELDS, {
      describeIssue: describe,
    });
    fields = top.fieldErrors;
    if (top.formError) leftover.unshift(top.formError);
  }
  const form = leftover.length > 0 ? leftover.join(' ') : failure.issues.length === 0 ? failure.message : null;
  return { fields, items, form };
}
