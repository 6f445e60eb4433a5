/** `import.inspect`: the file's sheets, header row, first rows and a suggested mapping. */
import { requirePermission, type Ctx } from '../context.js';
import type { ProgressReport } from '../host/handler-types.js';
import { suggestMapping } from './header-mapping.js';
import { matchingSavedMapping } from './mappings.service.js';
import { openSheet } from './pipeline.js';
import type { InspectResult, ParsedInspectInput } from './types.js';
import { cellText } from './workbook.js';

export async function inspectFile(ctx: Ctx, input: ParsedInspectInput, report: ProgressReport, signal: AbortSignal): Promise<InspectResult> {
  requirePermission(ctx, 'import.run');
  report(0, null, 'Reading the file', { phase: 'reading' });
  const { workbook, sheet, layout } = await openSheet(ctx, input, signal);
  const width = layout.columns.length;
  return {
    fileName: workbook.fileName,
    format: workbook.format,
    sheets: workbook.sheets.map((s) => ({ name: s.name, rows: s.rows.length })),
    sheet: sheet.name,
    headerRow: layout.headerRow,
    columns: layout.columns,
    rowCount: layout.rows.length,
    preview: layout.rows.slice(0, input.previewRows).map((r) => ({
      row: r.number,
      values: Array.from({ length: width }, (_, i) => cellText(r.cells[i] ?? null)),
    })),
    suggested: suggestMapping(input.kind, layout.columns),
    savedMapping: matchingSavedMapping(ctx, input.kind, layout.columns),
  };
}
