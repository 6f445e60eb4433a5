/**
 * The JSON document: the report as it is, except that every set of KPI values is nested by
 * the key's dots (`startups.inducted` → `{ "startups": { "inducted": 3 } }`, see nestKpis),
 * with a `definitions` map (key → label, unit, one-line definition) so the file explains
 * itself. Written readable only by this user, like every export.
 */
import fs from 'node:fs/promises';
import type { QuarterlyReport } from '../../../shared/api/reports.js';
import { KPIS, nestKpis } from '../../../shared/reports/kpis.js';

export function reportJson(report: QuarterlyReport) {
  return {
    ...report,
    values: nestKpis(report.values),
    bySector: report.bySector.map((row) => ({ ...row, values: nestKpis(row.values) })),
    byCohort: report.byCohort.map((row) => ({ ...row, values: nestKpis(row.values) })),
    byCentre: report.byCentre.map((row) => ({ ...row, values: nestKpis(row.values) })),
    definitions: Object.fromEntries(KPIS.map((k) => [k.key, { label: k.label, unit: k.unit, definition: k.definition }])),
  };
}

export async function renderJson(report: QuarterlyReport, outPath: string): Promise<void> {
  await fs.writeFile(outPath, `${JSON.stringify(reportJson(report), null, 2)}\n`, { mode: 0o600 });
  await fs.chmod(outPath, 0o600);
}
