/**
 * `report --quarter 2026-Q3|FY2027-Q1 --format pdf|xlsx|csv|json [--out FILE]`: the centre's
 * quarterly report as a document, written by the reports.export job (progress on stderr),
 * to FILE or the data folder's exports/. A fiscal quarter (FY2027-Q1 = Jul–Sep 2026) is read
 * as the calendar quarter it is; the document names it as the centre's scheme says.
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { fail } from '../../shared/api/errors.js';
import { ReportFormat } from '../../shared/api/reports.js';
import { parseQuarter, quarterLabel } from '../../shared/reports/quarters.js';
import { jobProgressPrinter, type FlagOf } from './output.js';
import type { Runtime } from './runtime.js';

const FLAGS: Record<string, string> = { quarter: '--quarter', format: '--format', path: '--out', centre: '--quarter' };

const reportFlag: FlagOf = (p) => (typeof p[0] === 'string' ? (FLAGS[p[0]] ?? null) : null);

export function addReportCommand(program: Command, rt: Runtime): void {
  program
    .command('report')
    .description("Write the centre's quarterly report as a PDF, an XLSX workbook, CSV files (zipped) or JSON")
    .requiredOption('--quarter <quarter>', 'the quarter: 2026-Q3 (calendar), or FY2027-Q1 (the fiscal year July 2026–June 2027)')
    .addOption(new Option('--format <format>', 'pdf, xlsx, csv or json').choices(ReportFormat.options).makeOptionMandatory())
    .option('--out <file>', "where to write it (default: the data folder's exports/, readable only by you)")
    .action(async (flags: { quarter: string; format: ReportFormat; out?: string }) => {
      rt.flagOf = reportFlag;
      const quarter = parseQuarter(flags.quarter);
      if (!quarter) {
        throw fail.field(
          ['quarter'],
          `"${flags.quarter}" is not a quarter: use one like 2026-Q3, or FY2027-Q1 for Pakistan's fiscal year`,
        );
      }
      const { client } = rt.signedIn();
      const out = flags.out === undefined ? undefined : path.resolve(flags.out);
      const result = await client.runJob(
        'reports.export',
        { quarter, format: flags.format, path: out },
        { onProgress: jobProgressPrinter(rt.out) },
      );
      const centre = await client.call('centre.get', {});
      const label = quarterLabel(quarter, centre.quarterScheme);
      rt.out.result(
        { ...result, quarter, label },
        () => `Wrote the report for ${label} to ${result.path} (${result.bytes.toLocaleString('en-US')} bytes)`,
      );
    });
}
