/**
 * `export.list`: every row a list query matches, to CSV or XLSX. The rows come from the
 * list's own handler (same filters, sort, masking and permission as the screen), a page of
 * 1,000 at a time with a pause between pages so the app keeps answering; a change saved
 * while a long export runs may or may not be in it, as with any list being paged.
 *
 * CNIC and phone are masked as in the list, unless the caller's role may reveal them: then
 * they are written in clear (read back by id from the table) and the export is audited.
 * Values are then made readable as the caller asked (readable.ts): labels, names of
 * referenced records (looked up a page at a time), local times.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../../shared/api/errors.js';
import type { ExportList } from '../../shared/api/export.js';
import { callDef, type Method, type OutputOf, type ParsedInputOf } from '../../shared/api/index.js';
import { can } from '../../shared/auth/permissions.js';
import { tables } from '../../shared/schema/tables.js';
import { audit, requirePermission, type Ctx } from '../context.js';
import type { JobRunner } from '../host/handler-types.js';
import { PERSONAL_FIELDS } from '../common/personal-fields.js';
import { pause } from '../import/pipeline.js';
import { labelled, localTime, namedReferences, namesOf, TABLE_OF } from './readable.js';
import { exportTarget } from './target-file.js';
import { csvWriter, xlsxWriter, type ExportCell, type ListWriter } from './writers.js';

type ExportResult = OutputOf<'export.list'>;
type Row = Record<string, unknown> & { id: string };
type Page = { items: Row[]; total: number };
/** Runs a list call's handler (injected by core/host/handlers.ts, which holds them all). */
export type ListCall = (ctx: Ctx, method: Method, input: Record<string, unknown>) => Page;

const PAGE = 1000;

/** Lists whose rows hold personal data, with the table to read clear values from. */
const PERSONAL_TABLE: Partial<Record<ExportList, keyof typeof PERSONAL_FIELDS>> = {
  trainees: 'trainees',
  founders: 'founders',
  mentors: 'mentors',
  startups: 'startups',
};

function text(value: unknown): ExportCell {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return value as ExportCell;
}

function columnsOf(method: Method): string[] {
  const output = callDef(method).output as unknown as { shape: { items: { element: { shape: Record<string, unknown> } } } };
  return Object.keys(output.shape.items.element.shape);
}

/** Clear CNIC and phone values of these rows, by id. */
function clearValues(ctx: Ctx, table: keyof typeof PERSONAL_FIELDS, ids: readonly string[]): Map<string, Record<string, unknown>> {
  const spec = tables[table];
  const fields = Object.keys(PERSONAL_FIELDS[table]);
  const columns = fields.map((f) => `${spec.columnOf[f]} AS ${f}`).join(', ');
  const stmt = ctx.rows.statement(`SELECT id, ${columns} FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`);
  const rows = stmt.all(JSON.stringify(ids)) as Row[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function exportList(ctx: Ctx, input: ParsedInputOf<'export.list'>, listCall: ListCall): JobRunner<ExportResult> {
  const method = `${input.target.list}.list` as Method;
  const permission = callDef(method).permission;
  const user = permission === 'public' || permission === 'signed-in' ? requirePermission(ctx, 'export.run') : requirePermission(ctx, permission);
  const available = columnsOf(method);
  const columns = input.columns ?? available;
  const unknown = columns.find((c) => !available.includes(c));
  if (unknown) throw fail.field(['columns'], `A ${input.target.list} row has no field "${unknown}" (it has ${available.join(', ')})`);
  if (input.headers && input.headers.length !== columns.length) throw fail.field(['headers'], 'Give one header per column');
  const personalTable = PERSONAL_TABLE[input.target.list];
  const personal = personalTable ? Object.keys(PERSONAL_FIELDS[personalTable]).filter((f) => columns.includes(f)) : [];
  const clear = personal.length > 0 && can(user.role, 'pii.reveal');
  const references = input.references === 'names' ? namedReferences(ctx, TABLE_OF[input.target.list], columns, user.role) : new Map();
  const labels = input.valueLabels ?? {};
  const unlabelled = Object.keys(labels).find((c) => !available.includes(c));
  if (unlabelled) throw fail.field(['valueLabels', unlabelled], `A ${input.target.list} row has no field "${unlabelled}"`);
  const inZone = input.timeZone ? localTime(input.timeZone) : (value: unknown) => value;
  const file = exportTarget(ctx, input.path, input.format, input.target.list);
  return {
    async run(report, signal) {
      const header = input.headers ?? columns;
      const writer: ListWriter = input.format === 'csv' ? csvWriter(file, header) : xlsxWriter(file, input.target.list, header);
      let rows = 0;
      try {
        for (let offset = 0; ; offset += PAGE) {
          const page = listCall(ctx, method, { ...(input.target.query ?? {}), limit: PAGE, offset });
          const revealed = clear ? clearValues(ctx, personalTable!, page.items.map((r) => r.id)) : null;
          const names = new Map(
            [...references].map(([field, table]) => [field, namesOf(ctx, table, page.items.map((r) => r[field]).filter((v): v is string => typeof v === 'string'))]),
          );
          const cell = (item: Row, c: string): ExportCell => {
            const stored = revealed && personal.includes(c) ? revealed.get(item.id)?.[c] : item[c];
            const named = names.get(c);
            const value = named && typeof stored === 'string' ? (named.get(stored) ?? null) : stored;
            return text(inZone(labelled(value, labels[c])));
          };
          await writer.add(page.items.map((item) => columns.map((c) => cell(item, c))));
          rows += page.items.length;
          report(rows, page.total, 'Exporting', { phase: 'writing' });
          if (page.items.length < PAGE) break;
          await pause(signal);
        }
        const bytes = await writer.close();
        if (clear) audit(ctx, 'export.clear', personalTable!, null, { file: path.basename(file), rows, fields: personal });
        return { path: file, fileName: path.basename(file), format: input.format, rows, bytes, personalData: personal.length === 0 ? 'none' : clear ? 'clear' : 'masked' };
      } catch (error) {
        await writer.close().catch(() => undefined);
        fs.rmSync(file, { force: true });
        throw error;
      }
    },
  };
}
