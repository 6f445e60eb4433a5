/**
 * The rejected rows as a CSV to fix and import again: the file's own header and cells,
 * plus a Reason column. It holds exactly what the user imported (CNICs and phones in
 * clear, as in their own file), so it is written to the data folder's exports/ with mode
 * 0600 rather than beside the source, which may be a shared folder or a USB stick; the UI
 * fetches it with `files.download`. UTF-8 with a BOM and CRLF, which Excel opens as is.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Ctx } from '../context.js';
import { randomPart } from './uploads.js';
import { cellText, type Cell } from './workbook.js';

export interface RejectedRow {
  row: number;
  cells: readonly Cell[];
  reason: string;
}

export function exportsDir(ctx: Ctx): string {
  return path.join(ctx.dataDir, 'exports');
}

/** Writes a file into exports/ readable by this user only; returns its path. */
export function writePrivateExport(ctx: Ctx, name: string, content: string | Buffer): string {
  const dir = exportsDir(ctx);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, name);
  fs.writeFileSync(file, content, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return file;
}

/** rejected-<source name>-<time>-<random>.csv */
export function rejectedFileName(sourceName: string, now: Date): string {
  const base = path.basename(sourceName).replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'import';
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `rejected-${base}-${stamp}-${randomPart()}.csv`;
}

export function rejectedRowsCsv(header: readonly string[], rows: readonly RejectedRow[]): string {
  const width = Math.max(header.length, ...rows.map((r) => r.cells.length));
  const pad = (cells: string[]) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')];
  const data = [...rows]
    .sort((a, b) => a.row - b.row)
    .map((r) => [...pad(r.cells.map(cellText)), `Row ${r.row}: ${r.reason}`]);
  // No escapeFormulae: the file must give back the user's own cells unchanged to import again.
  return `\uFEFF${Papa.unparse({ fields: [...pad([...header]), 'Reason'], data }, { newline: '\r\n' })}\r\n`;
}

export function writeRejectedFile(ctx: Ctx, sourceName: string, header: readonly string[], rows: readonly RejectedRow[]): { path: string; name: string } {
  const name = rejectedFileName(sourceName, ctx.now());
  return { path: writePrivateExport(ctx, name, rejectedRowsCsv(header, rows)), name };
}
