/**
 * The report's documents: a renderer per format writes a QuarterlyReport to a file. The
 * `reports.export` job looks the format up here; a format without a renderer answers a
 * typed error naming it, before any file is made. PDF, XLSX and CSV renderers register
 * themselves in REPORT_RENDERERS below.
 */
import { ApiFailure } from '../../../shared/api/errors.js';
import type { QuarterlyReport, ReportFormat } from '../../../shared/api/reports.js';
import { renderCsvZip } from './csv.js';
import { renderJson } from './json.js';
import { renderPdf } from './pdf.js';
import { renderXlsx } from './xlsx.js';

/** Writes the report to `outPath` (a file that does not exist yet, or may be replaced). */
export type ReportRenderer = (report: QuarterlyReport, outPath: string) => Promise<void>;

export const REPORT_RENDERERS: Partial<Record<ReportFormat, ReportRenderer>> = {
  json: renderJson,
};

/** The file name's ending for each format (the CSV is a zip of a file per section). */
export const REPORT_FILE_EXTENSIONS: Record<ReportFormat, string> = {
  pdf: 'pdf',
  xlsx: 'xlsx',
  csv: 'zip',
  json: 'json',
};

/** The renderer of a format, or a typed `unavailable` error naming the format. */
export function rendererFor(format: ReportFormat): ReportRenderer {
  const renderer = REPORT_RENDERERS[format];
  if (!renderer) {
    throw new ApiFailure({
      code: 'unavailable',
      message: `Reports cannot be written as ${format.toUpperCase()} yet in this version; choose another format (${Object.keys(REPORT_RENDERERS).join(', ')})`,
    });
  }
  return renderer;
}

// The documents a funder receives: the A4 PDF (html.ts printed by pdf.ts), the workbook, the CSV zip.
REPORT_RENDERERS.pdf = renderPdf;
REPORT_RENDERERS.xlsx = renderXlsx;
REPORT_RENDERERS.csv = renderCsvZip;
