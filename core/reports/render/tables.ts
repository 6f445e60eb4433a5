/**
 * The report as tables: the sheets of the XLSX and the files of the CSV zip are these, row
 * for row, so both say the same thing. Numbers stay numbers with their unit (the XLSX gives
 * each a number format; the CSV writes them plain); a table may end with a total row, the
 * sum of its additive columns (counts of things that belong to one row, money, hours; never
 * shares, nor distinct counts that a subject can add to several rows).
 *
 * The first tables are for reading (summary, a table per KPI section, breakdowns, funding,
 * mentors, startups, check-ins); the "Data" tables at the end hold the same figures in long
 * form (one value per line, by KPI key) for whoever feeds them to another program.
 */
import type { QuarterlyReport } from '../../../shared/api/reports.js';
import { KPIS, SECTION_LABELS, kpiByKey, type KpiKey, type KpiSection, type KpiUnit } from '../../../shared/reports/kpis.js';
import { formatDate, formatInstant, lastDay, sectorName, stageName } from './format.js';

export type ColumnKind = 'text' | 'date' | 'boolean' | KpiUnit;

export interface Column {
  header: string;
  kind: ColumnKind;
  /** Width in characters (XLSX). */
  width?: number;
  /** Summed in the total row. */
  total?: boolean;
}

/** A number whose unit differs from row to row (the summary's figures). */
export interface Figure {
  value: number | null;
  unit: KpiUnit;
}

export type Cell = string | number | boolean | null | Figure;

export interface ReportTable {
  /** The sheet's name (at most 31 characters, none of []:*?/\). */
  sheet: string;
  /** The CSV's file name in the zip. */
  file: string;
  /** One line that says what the table is. */
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** Adds a total row, labelled so, under the rows (in the first column). */
  totalLabel?: string;
  /** Raw-data table (long form), after the tables for reading. */
  raw?: boolean;
}

export function isFigure(cell: Cell): cell is Figure {
  return typeof cell === 'object' && cell !== null;
}

/** The value of a cell as a plain number or text (CSV, tests). */
export function plain(cell: Cell): string | number | boolean | null {
  return isFigure(cell) ? cell.value : cell;
}

/** The total row's numbers: the sum of each total column over the rows (null elsewhere). */
export function totals(table: ReportTable): (number | null)[] {
  return table.columns.map((column, index) => {
    if (!column.total) return null;
    let sum = 0;
    for (const row of table.rows) {
      const value = plain(row[index] ?? null);
      if (typeof value === 'number') sum += value;
    }
    return Math.round(sum * 100) / 100;
  });
}

/** KPIs where the sum over groups is not the figure of the whole (a mentor counts in every sector they mentored). */
const NOT_ADDITIVE = new Set<KpiKey>(['mentoring.mentorsActive']);

export function additive(key: KpiKey): boolean {
  const def = kpiByKey.get(key);
  return def !== undefined && def.unit !== 'share' && !NOT_ADDITIVE.has(key);
}

export const SECTIONS = Object.keys(SECTION_LABELS) as KpiSection[];

export function kpisOf(section: KpiSection) {
  return KPIS.filter((k) => k.section === section);
}

/** The figures on the summary page and sheet, in order. */
export const HEADLINE_KPIS: KpiKey[] = [
  'startups.active',
  'startups.inducted',
  'startups.graduated',
  'jobs.fullTime',
  'revenue.pkr',
  'revenue.exportUsd',
  'funding.raisedPkr',
  'mentoring.hours',
  'trainees.enrolled',
  'trainees.certified',
  'trainees.placed',
  'trainees.placedWithin180Days',
];

/** The KPI keys with a value in any of the rows, in catalogue order. */
export function keysPresent(rows: ReadonlyArray<{ values: Partial<Record<KpiKey, number | null>> }>): KpiKey[] {
  const present = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.values)) present.add(key);
  return KPIS.map((k) => k.key).filter((key) => present.has(key));
}

function kpiColumns(keys: KpiKey[]): Column[] {
  return keys.map((key) => {
    const def = kpiByKey.get(key)!;
    return { header: def.label, kind: def.unit, width: Math.max(10, Math.min(24, def.label.length + 2)), total: additive(key) };
  });
}

const sourceText = (report: QuarterlyReport) =>
  report.source === 'server' ? 'The national server’s database' : 'This workstation’s database';

export function scopeText(report: QuarterlyReport): string {
  if (report.scope.kind === 'national' && report.scope.centreId === null) return `All centres (${report.scope.centres})`;
  return report.scope.name;
}

export interface TableOptions {
  /** For the generated time (default: the machine's zone). */
  timeZone?: string;
}

export function reportTables(report: QuarterlyReport, options: TableOptions = {}): ReportTable[] {
  const tables: ReportTable[] = [];
  const value = (key: KpiKey) => report.values[key] ?? null;

  // Summary.
  tables.push({
    sheet: 'Summary',
    file: 'summary.csv',
    title: `Quarterly report: ${report.scope.name}, ${report.label}`,
    columns: [
      { header: 'Item', kind: 'text', width: 34 },
      { header: 'Value', kind: 'text', width: 40 },
    ],
    rows: [
      ['Report', 'Quarterly report'],
      ['Centre', scopeText(report)],
      ['Quarter', report.label],
      ['Period', `${formatDate(report.start)} – ${formatDate(lastDay(report.end))}`],
      ['Generated', formatInstant(report.generatedAt, options.timeZone)],
      ['Source', sourceText(report)],
      ['Centres covered', { value: report.scope.centres, unit: 'count' }],
      ['Check-ins expected', { value: report.checkIns.expected, unit: 'count' }],
      ['Check-ins received', { value: report.checkIns.received, unit: 'count' }],
      ['Check-ins signed off', { value: report.checkIns.locked, unit: 'count' }],
      ...HEADLINE_KPIS.map((key): Cell[] => [kpiByKey.get(key)!.label, { value: value(key), unit: kpiByKey.get(key)!.unit }]),
    ],
  });

  // A table per KPI section.
  for (const section of SECTIONS) {
    tables.push({
      sheet: SECTION_LABELS[section],
      file: `kpis-${section.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.csv`,
      title: `${SECTION_LABELS[section]}: ${report.label}`,
      columns: [
        { header: 'Indicator', kind: 'text', width: 34 },
        { header: 'Value', kind: 'text', width: 16 },
        { header: 'Definition', kind: 'text', width: 90 },
        { header: 'Key', kind: 'text', width: 30 },
      ],
      rows: kpisOf(section).map((def) => [def.label, { value: value(def.key), unit: def.unit }, def.definition, def.key]),
    });
  }

  // Breakdowns.
  const sectorKeys = keysPresent(report.bySector);
  tables.push({
    sheet: 'By sector',
    file: 'by-sector.csv',
    title: `Figures by the startup’s sector: ${report.label}`,
    columns: [{ header: 'Sector', kind: 'text', width: 16 }, ...kpiColumns(sectorKeys)],
    rows: report.bySector.map((row) => [sectorName(row.sector), ...sectorKeys.map((key) => row.values[key] ?? null)]),
    totalLabel: 'Total',
  });
  const cohortKeys = keysPresent(report.byCohort);
  tables.push({
    sheet: 'By cohort',
    file: 'by-cohort.csv',
    title: `Figures by cohort: ${report.label}`,
    columns: [
      { header: 'Cohort', kind: 'text', width: 24 },
      { header: 'Programme', kind: 'text', width: 28 },
      ...kpiColumns(cohortKeys),
    ],
    rows: report.byCohort.map((row) => [row.cohortName, row.programmeName, ...cohortKeys.map((key) => row.values[key] ?? null)]),
    totalLabel: 'Total',
  });
  if (report.scope.kind === 'national') {
    const centreKeys = KPIS.map((k) => k.key);
    tables.push({
      sheet: 'By centre',
      file: 'by-centre.csv',
      title: `Figures by centre: ${report.label}`,
      columns: [{ header: 'Centre', kind: 'text', width: 24 }, ...kpiColumns(centreKeys)],
      rows: report.byCentre.map((row) => [row.centreName, ...centreKeys.map((key) => row.values[key] ?? null)]),
      totalLabel: 'Total',
    });
  }

  tables.push({
    sheet: 'Funding by source',
    file: 'funding-by-source.csv',
    title: `Funding in the quarter’s check-ins by source: ${report.label}`,
    columns: [
      { header: 'Source', kind: 'text', width: 30 },
      { header: 'Committed (PKR)', kind: 'pkr', width: 18, total: true },
      { header: 'Raised (PKR)', kind: 'pkr', width: 18, total: true },
    ],
    rows: report.fundingBySource.map((row) => [row.source, row.committedPkr, row.raisedPkr]),
    totalLabel: 'Total',
  });

  tables.push({
    sheet: 'Mentors',
    file: 'mentors.csv',
    title: `Mentoring in the quarter by mentor: ${report.label}`,
    columns: [
      { header: 'Mentor', kind: 'text', width: 30 },
      { header: 'Country', kind: 'text', width: 14 },
      { header: 'Sessions', kind: 'count', width: 10, total: true },
      { header: 'Hours', kind: 'hours', width: 10, total: true },
      { header: 'Startups', kind: 'count', width: 10 },
    ],
    rows: report.perMentor.map((m) => [m.name, m.country, m.sessions, m.hours, m.startups]),
    totalLabel: 'Total',
  });

  tables.push({
    sheet: 'Startup annex',
    file: 'startup-annex.csv',
    title: `Startups of the quarter (the annex): ${report.label}`,
    columns: [
      { header: 'Startup', kind: 'text', width: 28 },
      { header: 'Sector', kind: 'text', width: 14 },
      { header: 'Stage at quarter end', kind: 'text', width: 12 },
      { header: 'Cohort', kind: 'text', width: 18 },
      { header: 'Women-led', kind: 'boolean', width: 10 },
      { header: 'Founders', kind: 'text', width: 30 },
      { header: 'Mentors', kind: 'text', width: 30 },
      { header: 'Sessions', kind: 'count', width: 10, total: true },
      { header: 'Mentor hours', kind: 'hours', width: 10, total: true },
      { header: 'Check-in made', kind: 'boolean', width: 10 },
      { header: 'Revenue (PKR)', kind: 'pkr', width: 16, total: true },
      { header: 'Export revenue (USD)', kind: 'usd', width: 16, total: true },
      { header: 'Funding committed (PKR)', kind: 'pkr', width: 16, total: true },
      { header: 'Funding raised (PKR)', kind: 'pkr', width: 16, total: true },
      { header: 'Funding source', kind: 'text', width: 18 },
      { header: 'Full-time jobs', kind: 'count', width: 10, total: true },
      { header: 'Part-time jobs', kind: 'count', width: 10, total: true },
      { header: 'Jobs held by women', kind: 'count', width: 10, total: true },
      { header: 'Customers', kind: 'count', width: 10, total: true },
      { header: 'Check-in signed off', kind: 'boolean', width: 10 },
      { header: 'Milestones completed', kind: 'count', width: 10, total: true },
      { header: 'Open action items', kind: 'count', width: 10, total: true },
      { header: 'Startup id', kind: 'text', width: 38 },
    ],
    rows: report.perStartup.map((s) => {
      const c = s.checkIn;
      return [
        s.name,
        sectorName(s.sector),
        stageName(s.stage),
        s.cohortName,
        s.womenLed,
        s.founders.join('; '),
        s.mentors.join('; '),
        s.sessions,
        s.hours,
        c !== null,
        c?.revenuePkr ?? null,
        c?.exportRevenueUsd ?? null,
        c?.fundingCommittedPkr ?? null,
        c?.fundingRaisedPkr ?? null,
        c?.fundingSource ?? null,
        c?.jobsFullTime ?? null,
        c?.jobsPartTime ?? null,
        c?.jobsWomen ?? null,
        c?.customers ?? null,
        c ? c.locked : null,
        s.milestonesDone.length,
        s.actionItemsOpen,
        s.startupId,
      ];
    }),
    totalLabel: 'Total',
  });

  const { expected, received, locked } = report.checkIns;
  tables.push({
    sheet: 'Check-ins',
    file: 'check-ins.csv',
    title: `The quarter’s check-ins: ${report.label}`,
    columns: [
      { header: 'Item', kind: 'text', width: 44 },
      { header: 'Value', kind: 'text', width: 14 },
    ],
    rows: [
      ['Startups expected to report (active at quarter end)', { value: expected, unit: 'count' }],
      ['Check-ins received', { value: received, unit: 'count' }],
      ['Check-ins signed off', { value: locked, unit: 'count' }],
      ['Check-ins missing', { value: Math.max(0, expected - received), unit: 'count' }],
      ['Received, share of expected', { value: expected > 0 ? received / expected : null, unit: 'share' }],
      ['Signed off, share of received', { value: received > 0 ? locked / received : null, unit: 'share' }],
    ],
  });

  // Raw data, long form.
  tables.push({
    sheet: 'Data - KPIs',
    file: 'data-kpis.csv',
    title: 'Every KPI value',
    raw: true,
    columns: [
      { header: 'key', kind: 'text', width: 32 },
      { header: 'section', kind: 'text', width: 12 },
      { header: 'label', kind: 'text', width: 34 },
      { header: 'unit', kind: 'text', width: 8 },
      { header: 'value', kind: 'text', width: 16 },
    ],
    rows: KPIS.map((def) => [def.key, def.section, def.label, def.unit, { value: value(def.key), unit: def.unit }]),
  });
  const breakdownRows: Cell[][] = [];
  const addBreakdown = (dimension: string, id: string, name: string, values: Partial<Record<KpiKey, number | null>>) => {
    for (const def of KPIS) {
      if (!(def.key in values)) continue;
      breakdownRows.push([dimension, id, name, def.key, def.unit, { value: values[def.key] ?? null, unit: def.unit }]);
    }
  };
  for (const row of report.bySector) addBreakdown('sector', row.sector, sectorName(row.sector), row.values);
  for (const row of report.byCohort) addBreakdown('cohort', row.cohortId, row.cohortName, row.values);
  for (const row of report.byCentre) addBreakdown('centre', row.centreId, row.centreName, row.values);
  tables.push({
    sheet: 'Data - breakdowns',
    file: 'data-breakdowns.csv',
    title: 'Every KPI value by sector, cohort and centre',
    raw: true,
    columns: [
      { header: 'dimension', kind: 'text', width: 10 },
      { header: 'id', kind: 'text', width: 38 },
      { header: 'name', kind: 'text', width: 24 },
      { header: 'key', kind: 'text', width: 32 },
      { header: 'unit', kind: 'text', width: 8 },
      { header: 'value', kind: 'text', width: 16 },
    ],
    rows: breakdownRows,
  });
  tables.push({
    sheet: 'Data - months',
    file: 'data-months.csv',
    title: 'Mentoring sessions per month',
    raw: true,
    columns: [
      { header: 'month', kind: 'text', width: 10 },
      { header: 'sessions', kind: 'count', width: 10 },
      { header: 'hours', kind: 'hours', width: 10 },
    ],
    rows: report.charts.sessionsPerMonth.map((m) => [m.month, m.sessions, m.hours]),
  });
  tables.push({
    sheet: 'Data - stages',
    file: 'data-stages.csv',
    title: 'Startups by stage at quarter end',
    raw: true,
    columns: [
      { header: 'stage', kind: 'text', width: 12 },
      { header: 'startups', kind: 'count', width: 10 },
    ],
    rows: report.charts.startupsByStage.map((s) => [s.stage, s.count]),
  });
  const milestoneRows: Cell[][] = [];
  for (const s of report.perStartup)
    for (const m of s.milestonesDone) milestoneRows.push([s.startupId, s.name, m.title, m.completedOn]);
  tables.push({
    sheet: 'Data - milestones',
    file: 'data-milestones.csv',
    title: 'Milestones the startups completed in the quarter',
    raw: true,
    columns: [
      { header: 'startup_id', kind: 'text', width: 38 },
      { header: 'startup', kind: 'text', width: 28 },
      { header: 'milestone', kind: 'text', width: 40 },
      { header: 'completed_on', kind: 'date', width: 12 },
    ],
    rows: milestoneRows,
  });
  return tables;
}
