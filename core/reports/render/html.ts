/**
 * The quarterly report as one self-contained HTML document for A4 print: inline CSS, inline
 * SVG charts (charts.ts), no script and nothing fetched (a Content-Security-Policy says so
 * too). It is what the PDF is printed from, in Chromium (the CLI, `npm run web`, tests) or
 * in Electron's printToPDF (the app); the page header and footer with the page numbers are
 * CSS page-margin boxes, so both print the same document.
 *
 * Pages: a cover (centre, quarter, generated, source); the summary (headline figures, the
 * check-ins, contents); the charts; the KPI tables by section, each KPI with its definition;
 * figures by sector, cohort (and centre, nationally); funding by source; mentors; the
 * startups at a glance; then an annex page per startup.
 *
 * Every piece of text from the data (names of startups, founders, mentors, cohorts, funding
 * sources, milestones) is escaped. The annex is kept to a few plain elements per page so
 * that 1,000 startups still print in seconds.
 */
import type { QuarterlyReport, StartupAnnex } from '../../../shared/api/reports.js';
import { SECTION_LABELS, kpiByKey, type KpiKey } from '../../../shared/reports/kpis.js';
import { COLOURS, funnelChart, sectorChart, sessionsPerMonthChart, stagesChart } from './charts.js';
import {
  escapeHtml as esc,
  formatDate,
  formatInstant,
  formatLongDate,
  formatValue,
  lastDay,
  NONE,
  sectorName,
  stageName,
} from './format.js';
import { additive, HEADLINE_KPIS, kpisOf, scopeText, SECTIONS } from './tables.js';

export interface HtmlOptions {
  /** The zone the generated time is shown in (default: the machine's). */
  timeZone?: string;
}

/** A CSS string literal: anything but letters, digits and plain punctuation is a hex escape. */
export function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} .,:()·–—-]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

const FONT_STACK = `"Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "Noto Sans", "DejaVu Sans", "Noto Naskh Arabic", sans-serif`;

function styles(report: QuarterlyReport, generated: string): string {
  const margin = (content: string, align: 'top' | 'bottom') =>
    `content: ${content}; font-family: ${FONT_STACK}; font-size: 7.5pt; color: ${COLOURS.muted}; vertical-align: ${align}; ${
      align === 'bottom' ? 'padding-bottom: 6mm;' : 'padding-top: 6mm;'
    }`;
  const header = cssString(`${report.scope.name} · Quarterly report`);
  return `
@page {
  size: A4;
  margin: 22mm 16mm 20mm 16mm;
  @top-left { ${margin(header, 'bottom')} }
  @top-right { ${margin(cssString(report.label), 'bottom')} }
  @bottom-left { ${margin(cssString(`Incubator Desk · generated ${generated}`), 'top')} }
  @bottom-right { ${margin('"Page " counter(page) " of " counter(pages)', 'top')} }
}
@page cover {
  margin: 0;
  @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-right { content: none; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
/* Only ever printed: on screen nothing is laid out, which spares the browser a layout of every
   page before the print's own (a quarter of the CPU for a 1,000-page annex). */
@media screen { body { display: none; } }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 9.5pt; line-height: 1.35; color: ${COLOURS.ink}; }
h1, h2, h3 { font-weight: 600; margin: 0; break-after: avoid; }
h2 { font-size: 15pt; color: ${COLOURS.accent}; margin: 0 0 3mm; padding-bottom: 1.5mm; border-bottom: 0.6mm solid ${COLOURS.accent}; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; }
p { margin: 0 0 2mm; }
table + p.small { break-before: avoid; }
.muted { color: ${COLOURS.muted}; }
.small { font-size: 7.5pt; }
.page { break-before: page; }
.follow { margin-top: 9mm; }
.name { unicode-bidi: plaintext; overflow-wrap: break-word; }
td.name, td .name { text-align: left; }

.cover { page: cover; height: 296mm; position: relative; overflow: hidden; }
.cover .band { background: ${COLOURS.accent}; color: #fff; padding: 62mm 20mm 14mm; }
.cover .kicker { font-size: 12pt; font-weight: 600; opacity: 0.85; }
.cover h1 { font-size: 32pt; line-height: 1.15; margin: 5mm 0 3mm; overflow-wrap: anywhere; }
.cover .quarter { font-size: 17pt; font-weight: 300; }
.cover .stripe { height: 3mm; background: ${COLOURS.accentLight}; }
.cover dl { margin: 16mm 20mm 0; display: grid; grid-template-columns: 42mm 1fr; row-gap: 3.5mm; font-size: 10.5pt; }
.cover dt { color: ${COLOURS.muted}; }
.cover dd { margin: 0; }
.cover .foot { position: absolute; left: 20mm; right: 20mm; bottom: 16mm; font-size: 8pt; color: ${COLOURS.muted}; border-top: 0.3mm solid ${COLOURS.grid}; padding-top: 3mm; }

/* The grids stop short of the right edge: a border on it would be cut by the page's rounding. */
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 0 0.5mm 5mm 0; }
.tile { border: 0.3mm solid ${COLOURS.grid}; border-top: 1mm solid ${COLOURS.accent}; padding: 2.5mm 3mm 3mm; break-inside: avoid; }
.tile .value { font-size: 15pt; font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tile .label { font-size: 8pt; color: ${COLOURS.muted}; margin-top: 0.8mm; }
.status { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin: 0 0.5mm 3mm 0; }
.bar { height: 2.4mm; background: ${COLOURS.accentPale}; margin-top: 1.2mm; }
.bar > div { height: 100%; background: ${COLOURS.accent}; }
ol.contents { margin: 0; padding-left: 5mm; columns: 2; column-gap: 10mm; }
ol.contents li { margin-bottom: 1.2mm; }

.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 5mm 8mm; }
.chart { break-inside: avoid; }
.chart.wide { grid-column: 1 / span 2; }
.chart h3 { font-size: 10pt; margin: 0 0 1.5mm; }
.chart svg { display: block; max-width: 100%; height: auto; }
.chart .note { font-size: 7.5pt; color: ${COLOURS.muted}; margin-top: 1mm; }

table { width: 100%; border-collapse: collapse; margin-bottom: 4mm; }
thead { display: table-header-group; }
th { background: ${COLOURS.accent}; color: #fff; font-weight: 600; font-size: 8pt; text-align: left; padding: 1.6mm 2mm; vertical-align: bottom; }
table.narrow td:first-child { min-width: 36mm; }
td { padding: 1.4mm 2mm; border-bottom: 0.25mm solid ${COLOURS.grid}; vertical-align: top; }
tr { break-inside: avoid; }
table:not(.kv) tbody tr:nth-child(even) td { background: #f6f9f8; }
th.num { text-align: right; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 600; border-top: 0.4mm solid ${COLOURS.ink}; border-bottom: none; background: #fff; }
table.kpi td.num { font-size: 10pt; font-weight: 600; width: 38mm; }
table.kpi .def { display: block; font-size: 7.5pt; color: ${COLOURS.muted}; margin-top: 0.4mm; }
table.narrow { font-size: 8.5pt; }
.section { break-inside: auto; margin-bottom: 3mm; }

.annex { break-before: page; }
.annex .kicker { margin-top: 1mm; font-size: 8.5pt; font-weight: 600; color: ${COLOURS.accent}; }
.annex h2 { font-size: 17pt; margin-top: 1mm; overflow-wrap: anywhere; }
.annex .tags { margin: -1mm 0 4mm; }
.tag { display: inline-block; padding: 0.5mm 2mm; margin-right: 1.5mm; background: ${COLOURS.accentPale}; color: ${COLOURS.accent}; font-size: 8pt; font-weight: 600; }
.tag.women { background: #f6e4ec; color: ${COLOURS.women}; }
.twocol { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm; }
table.kv th { background: none; color: ${COLOURS.muted}; font-weight: normal; font-size: 8.5pt; padding: 1.3mm 2mm 1.3mm 0; border-bottom: 0.25mm solid ${COLOURS.grid}; width: 45%; vertical-align: top; }
table.kv td { padding: 1.3mm 0 1.3mm 2mm; }
table.kv td.text { text-align: right; }
table.status-table { width: 110mm; }
table.status-table th { width: auto; }
.annex .tiles .value { font-size: 13pt; }
ul.plain { margin: 0; padding-left: 4.5mm; }
ul.plain li { margin-bottom: 1mm; }
`;
}

/** A name in a list: isolated, so an Urdu name does not carry the commas around it. */
const bdi = (name: string) => `<bdi>${esc(name)}</bdi>`;

const num = (unit: Parameters<typeof formatValue>[0], value: number | null | undefined) =>
  `<td class="num">${formatValue(unit, value)}</td>`;

function kpiValue(report: QuarterlyReport, key: KpiKey): string {
  return formatValue(kpiByKey.get(key)!.unit, report.values[key]);
}

function cover(report: QuarterlyReport, generated: string): string {
  const scope =
    report.scope.kind === 'national'
      ? report.scope.centreId === null
        ? `National roll-up of ${report.scope.centres} centres`
        : 'National office, one centre'
      : 'Centre report';
  return `<section class="cover">
<div class="band"><div class="kicker">Quarterly report</div><h1 class="name">${esc(scopeText(report))}</h1><div class="quarter">${esc(report.label)}</div></div>
<div class="stripe"></div>
<dl>
<dt>Centre</dt><dd class="name">${esc(report.scope.name)}</dd>
<dt>Scope</dt><dd>${esc(scope)}</dd>
<dt>Quarter</dt><dd>${esc(report.label)}</dd>
<dt>Period</dt><dd>${esc(formatLongDate(report.start))} – ${esc(formatLongDate(lastDay(report.end)))}</dd>
<dt>Generated</dt><dd>${esc(generated)}</dd>
<dt>Source</dt><dd>${report.source === 'server' ? 'The national server’s database' : 'This workstation’s database'}</dd>
<dt>Startups in the annex</dt><dd>${formatValue('count', report.perStartup.length)}</dd>
</dl>
<div class="foot">Prepared with Incubator Desk. Every figure is defined on the page where it appears; the same figures are in the XLSX and CSV exports of this report (${esc(report.format)}).</div>
</section>`;
}

function summary(report: QuarterlyReport): string {
  const tiles = HEADLINE_KPIS.map((key) => {
    const def = kpiByKey.get(key)!;
    return `<div class="tile"><div class="value">${kpiValue(report, key)}</div><div class="label">${esc(def.label)}</div></div>`;
  }).join('');
  const { expected, received, locked } = report.checkIns;
  const pct = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0);
  const statusTile = (value: string, label: string, fill: number | null) =>
    `<div class="tile"><div class="value">${value}</div><div class="label">${label}</div>${fill === null ? '' : `<div class="bar"><div style="width:${fill}%"></div></div>`}</div>`;
  const national = report.scope.kind === 'national';
  const contents = [
    'Headline figures and check-ins (this page)',
    'Charts: mentoring, stages, trainee funnel, sectors',
    ...SECTIONS.map((s) => `Indicators: ${SECTION_LABELS[s]}`),
    'Figures by sector',
    'Figures by cohort',
    ...(national ? ['Figures by centre'] : []),
    'Funding by source and check-ins',
    'Mentors',
    'Startups at a glance',
    `Annex: a page per startup (${formatValue('count', report.perStartup.length)})`,
  ];
  return `<section class="page">
<h2>Summary</h2>
<p class="muted">${esc(scopeText(report))} · ${esc(report.label)} · ${esc(formatLongDate(report.start))} – ${esc(formatLongDate(lastDay(report.end)))}</p>
<div class="tiles">${tiles}</div>
<h3>Quarterly check-ins</h3>
<div class="status">
${statusTile(`${formatValue('count', received)} <span class="small muted">of ${formatValue('count', expected)}</span>`, 'Check-ins received from active startups', pct(received, expected))}
${statusTile(`${formatValue('count', locked)} <span class="small muted">of ${formatValue('count', received)}</span>`, 'Check-ins signed off (locked)', pct(locked, received))}
${statusTile(formatValue('count', Math.max(0, expected - received)), 'Check-ins missing', null)}
</div>
<h3>Contents</h3>
<ol class="contents">${contents.map((c) => `<li>${c}</li>`).join('')}</ol>
</section>`;
}

function charts(report: QuarterlyReport): string {
  const sectorKeys = (['startups.active', 'revenue.pkr'] as KpiKey[]).filter((key) =>
    report.bySector.some((row) => typeof row.values[key] === 'number'),
  );
  const wide = sectorKeys.length === 1;
  const sectorCharts = sectorKeys
    .map(
      (key) =>
        `<div class="chart${wide ? ' wide' : ''}"><h3>${esc(kpiByKey.get(key)!.label)} by sector</h3>${sectorChart(report, key, wide ? 680 : 330)}</div>`,
    )
    .join('');
  const monthsNote = `${formatValue('count', report.values['mentoring.sessions'])} sessions, ${formatValue('hours', report.values['mentoring.hours'])} mentor hours in the quarter.`;
  return `<section class="page">
<h2>The quarter in charts</h2>
<div class="charts">
<div class="chart"><h3>Mentoring sessions per month</h3>${sessionsPerMonthChart(report)}<div class="note">${monthsNote}</div></div>
<div class="chart"><h3>Startups by stage at quarter end</h3>${stagesChart(report)}<div class="note">Every startup by its stage on ${esc(formatLongDate(lastDay(report.end)))}.</div></div>
<div class="chart wide"><h3>Trainees: enrolled → completed → certified → placed</h3>${funnelChart(report)}<div class="note">Each step counts distinct trainees in the quarter; the share is of those enrolled in the quarter.</div></div>
${sectorCharts}
</div>
</section>`;
}

function kpiTables(report: QuarterlyReport): string {
  const parts = SECTIONS.map((section) => {
    const rows = kpisOf(section)
      .map(
        (def) =>
          `<tr><td>${esc(def.label)}<span class="def">${esc(def.definition)}</span></td>${num(def.unit, report.values[def.key])}</tr>`,
      )
      .join('');
    return `<div class="section"><h3>${esc(SECTION_LABELS[section])}</h3><table class="kpi"><thead><tr><th>Indicator</th><th class="num">${esc(report.quarter)}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  });
  return `<section class="page"><h2>Indicators</h2>${parts.join('')}</section>`;
}

interface Group {
  name: string;
  /** A second line under the name (a cohort's programme). */
  detail?: string | null;
  values: Partial<Record<KpiKey, number | null>>;
}

/** A breakdown as tables of at most `per` figures each, with the rows' total. */
function breakdown(title: string, heading: string, groups: Group[], columnSets: KpiKey[][], note: string): string {
  if (groups.length === 0) return `<h3>${esc(title)}</h3><p class="muted">None in the quarter.</p>`;
  const tables = columnSets
    .map((keys) => keys.filter((key) => groups.some((g) => key in g.values)))
    .filter((keys) => keys.length > 0)
    .map((keys) => {
      // A cohort of a training programme has no startup figures, and the other way round:
      // rows with nothing but zeros in this table's figures are left out (the XLSX has them all).
      const rows = groups.filter((g) => keys.some((key) => (g.values[key] ?? 0) !== 0));
      if (rows.length === 0) return '';
      const head = `<tr><th>${esc(heading)}</th>${keys.map((key) => `<th class="num">${esc(kpiByKey.get(key)!.label)}</th>`).join('')}</tr>`;
      const body = rows
        .map(
          (g) =>
            `<tr><td><span class="name">${esc(g.name)}</span>${g.detail ? `<span class="small muted name"><br>${esc(g.detail)}</span>` : ''}</td>${keys.map((key) => num(kpiByKey.get(key)!.unit, g.values[key])).join('')}</tr>`,
        )
        .join('');
      const total = `<tr class="total"><td>Total</td>${keys
        .map((key) => {
          if (!additive(key)) return '<td></td>';
          const sum = rows.reduce((acc, g) => acc + (g.values[key] ?? 0), 0);
          return num(kpiByKey.get(key)!.unit, Math.round(sum * 100) / 100);
        })
        .join('')}</tr>`;
      return `<table class="narrow"><thead>${head}</thead><tbody>${body}${total}</tbody></table>`;
    });
  return `<h3>${esc(title)}</h3>${tables.join('')}<p class="small muted">${note}</p>`;
}

const STARTUP_COLUMNS: KpiKey[] = [
  'startups.active',
  'startups.inducted',
  'startups.graduated',
  'startups.dropped',
  'startups.womenLed',
  'jobs.fullTime',
  'jobs.partTime',
];
const MONEY_COLUMNS: KpiKey[] = [
  'revenue.pkr',
  'revenue.exportUsd',
  'funding.raisedPkr',
  'mentoring.sessions',
  'mentoring.hours',
];
const TRAINEE_COLUMNS: KpiKey[] = [
  'trainees.enrolled',
  'trainees.enrolledWomen',
  'trainees.completed',
  'trainees.certified',
  'trainees.placed',
  'trainees.placedWithin180Days',
];

function breakdowns(report: QuarterlyReport): string {
  const sectors = breakdown(
    'Figures by sector',
    'Sector',
    report.bySector.map((row) => ({ name: sectorName(row.sector), values: row.values })),
    [STARTUP_COLUMNS, MONEY_COLUMNS],
    'By each startup’s sector. The totals add up the rows; shares have none. Rows with no figures in a table are left out.',
  );
  const cohorts = breakdown(
    'Figures by cohort',
    'Cohort',
    report.byCohort.map((row) => ({ name: row.cohortName, detail: row.programmeName, values: row.values })),
    [STARTUP_COLUMNS, MONEY_COLUMNS, TRAINEE_COLUMNS],
    'Startup figures by the startup’s cohort, trainee figures by the enrolment’s. A trainee enrolled in two cohorts counts in both.',
  );
  const centres =
    report.scope.kind === 'national'
      ? breakdown(
          'Figures by centre',
          'Centre',
          report.byCentre.map((row) => ({ name: row.centreName, values: row.values })),
          [STARTUP_COLUMNS, MONEY_COLUMNS, TRAINEE_COLUMNS],
          'Each centre’s own figures; the totals add up the rows.',
        )
      : '';
  return `<section class="page"><h2>Breakdowns</h2>${sectors}${cohorts}${centres}</section>`;
}

function fundingAndCheckIns(report: QuarterlyReport): string {
  const funding = report.fundingBySource;
  const fundingTable =
    funding.length === 0
      ? '<p class="muted">No funding was reported in the quarter’s check-ins.</p>'
      : `<table><thead><tr><th>Source</th><th class="num">Committed</th><th class="num">Raised</th></tr></thead><tbody>${funding
          .map((f) => `<tr><td class="name">${esc(f.source)}</td>${num('pkr', f.committedPkr)}${num('pkr', f.raisedPkr)}</tr>`)
          .join('')}<tr class="total"><td>Total</td>${num(
          'pkr',
          funding.reduce((a, f) => a + f.committedPkr, 0),
        )}${num(
          'pkr',
          funding.reduce((a, f) => a + f.raisedPkr, 0),
        )}</tr></tbody></table>`;
  const { expected, received, locked } = report.checkIns;
  const missing = report.perStartup.filter((s) => s.stage === 'incubated' && s.checkIn === null).map((s) => s.name);
  const unlocked = report.perStartup.filter((s) => s.checkIn !== null && !s.checkIn.locked).map((s) => s.name);
  const names = (list: string[]) =>
    list.length === 0
      ? 'None.'
      : `${list.slice(0, 60).map(bdi).join(', ')}${list.length > 60 ? `, and ${formatValue('count', list.length - 60)} more (see the XLSX).` : '.'}`;
  return `<section class="page">
<h2>Funding and check-ins</h2>
<h3>Funding by source</h3>
${fundingTable}
<p class="small muted">Funding committed and raised as the startups reported it in the quarter’s check-ins, in rupees.</p>
<h3>Check-in status</h3>
<table class="kv status-table"><tbody>
<tr><th>Startups expected to report (active at quarter end)</th>${num('count', expected)}</tr>
<tr><th>Check-ins received</th>${num('count', received)}</tr>
<tr><th>Check-ins signed off</th>${num('count', locked)}</tr>
<tr><th>Received, share of expected</th>${num('share', expected > 0 ? received / expected : null)}</tr>
</tbody></table>
<p><b>Active startups without a check-in:</b> ${names(missing)}</p>
<p><b>Check-ins not yet signed off:</b> ${names(unlocked)}</p>
</section>`;
}

function mentors(report: QuarterlyReport): string {
  const list = [...report.perMentor].sort((a, b) => b.hours - a.hours || b.sessions - a.sessions || a.name.localeCompare(b.name));
  const body =
    list.length === 0
      ? '<p class="muted">No mentoring sessions in the quarter.</p>'
      : `<table><thead><tr><th>Mentor</th><th>Country</th><th class="num">Startups</th><th class="num">Sessions</th><th class="num">Hours</th></tr></thead><tbody>${list
          .map(
            (m) =>
              `<tr><td class="name">${esc(m.name)}</td><td>${esc(m.country ?? NONE)}</td>${num('count', m.startups)}${num('count', m.sessions)}${num('hours', m.hours)}</tr>`,
          )
          .join('')}<tr class="total"><td>Total</td><td></td><td></td>${num(
          'count',
          list.reduce((a, m) => a + m.sessions, 0),
        )}${num('hours', Math.round(list.reduce((a, m) => a + m.hours, 0) * 10) / 10)}</tr></tbody></table>`;
  return `<section class="follow"><h2>Mentors</h2><p class="muted">Sessions starting in the quarter, by mentor, most hours first.</p>${body}</section>`;
}

function glance(report: QuarterlyReport): string {
  if (report.perStartup.length === 0) return '';
  const rows = report.perStartup
    .map(
      (s, i) =>
        `<tr><td class="num">${i + 1}</td><td class="name">${esc(s.name)}</td><td>${esc(sectorName(s.sector))}</td><td>${esc(stageName(s.stage))}</td>${num('count', s.sessions)}${num('hours', s.hours)}${num('pkr', s.checkIn?.revenuePkr)}${num('count', s.checkIn?.jobsFullTime)}</tr>`,
    )
    .join('');
  return `<section class="page"><h2>Startups at a glance</h2><p class="muted">Every startup in the annex, in its order: stage at quarter end, the quarter’s mentoring and its check-in.</p>
<table class="narrow"><thead><tr><th class="num">#</th><th>Startup</th><th>Sector</th><th>Stage</th><th class="num">Sessions</th><th class="num">Hours</th><th class="num">Revenue</th><th class="num">Full-time jobs</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function annexPage(s: StartupAnnex, index: number, totalText: string, centreName: string | null): string {
  const c = s.checkIn;
  const list = (items: string[]) => (items.length === 0 ? NONE : items.map(bdi).join(', '));
  const fact = (value: string, label: string) =>
    `<div class="tile"><div class="value">${value}</div><div class="label">${label}</div></div>`;
  const checkIn = c
    ? `<table class="kv"><tbody>
<tr><th>Revenue</th>${num('pkr', c.revenuePkr)}</tr>
<tr><th>Export revenue</th>${num('usd', c.exportRevenueUsd)}</tr>
<tr><th>Funding committed</th>${num('pkr', c.fundingCommittedPkr)}</tr>
<tr><th>Funding raised</th>${num('pkr', c.fundingRaisedPkr)}</tr>
<tr><th>Funding source</th><td class="text name">${esc(c.fundingSource ?? NONE)}</td></tr>
<tr><th>Full-time jobs</th>${num('count', c.jobsFullTime)}</tr>
<tr><th>Part-time jobs</th>${num('count', c.jobsPartTime)}</tr>
<tr><th>Jobs held by women</th>${num('count', c.jobsWomen)}</tr>
<tr><th>Customers</th>${num('count', c.customers)}</tr>
<tr><th>Signed off</th><td class="text">${c.locked ? 'Yes' : 'Not yet'}</td></tr>
</tbody></table>`
    : '<p class="muted">No check-in was made for this quarter.</p>';
  const milestones =
    s.milestonesDone.length === 0
      ? '<p class="muted">None completed in the quarter.</p>'
      : `<ul class="plain">${s.milestonesDone.map((m) => `<li><span class="name">${esc(m.title)}</span>${m.completedOn ? ` <span class="muted">· ${esc(formatDate(m.completedOn))}</span>` : ''}</li>`).join('')}</ul>`;
  return `<section class="annex"><div class="kicker">Annex · Startup ${formatValue('count', index + 1)} of ${totalText}${centreName ? ` · <span class="name">${esc(centreName)}</span>` : ''}</div>
<h2 class="name">${esc(s.name)}</h2>
<div class="tags">${s.sector ? `<span class="tag">${esc(sectorName(s.sector))}</span>` : ''}${s.stage ? `<span class="tag">${esc(stageName(s.stage))}</span>` : ''}${s.cohortName ? `<span class="tag name">${esc(s.cohortName)}</span>` : ''}${s.womenLed ? '<span class="tag women">Women-led</span>' : ''}</div>
<div class="tiles">${fact(formatValue('count', s.sessions), 'Mentoring sessions')}${fact(formatValue('hours', s.hours), 'Mentor hours')}${fact(formatValue('pkr', c?.revenuePkr), 'Revenue in the quarter')}${fact(formatValue('count', c?.jobsFullTime), 'Full-time jobs')}</div>
<div class="twocol"><div>
<h3>Team and mentoring</h3>
<table class="kv"><tbody>
<tr><th>Founders</th><td class="text">${list(s.founders)}</td></tr>
<tr><th>Mentors</th><td class="text">${list(s.mentors)}</td></tr>
<tr><th>Cohort</th><td class="text name">${esc(s.cohortName ?? NONE)}</td></tr>
<tr><th>Open action items</th>${num('count', s.actionItemsOpen)}</tr>
</tbody></table>
<h3>Milestones completed</h3>${milestones}
</div><div>
<h3>Quarterly check-in</h3>${checkIn}
</div></div>
</section>`;
}

/** The whole document. */
export function renderHtml(report: QuarterlyReport, options: HtmlOptions = {}): string {
  const generated = formatInstant(report.generatedAt, options.timeZone);
  const totalText = formatValue('count', report.perStartup.length);
  const centres = new Map(report.byCentre.map((c) => [c.centreId, c.centreName]));
  const national = report.scope.kind === 'national' && report.scope.centreId === null;
  const annex = report.perStartup
    .map((s, i) => annexPage(s, i, totalText, national && s.centreId ? (centres.get(s.centreId) ?? null) : null))
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(`Quarterly report · ${report.scope.name} · ${report.label}`)}</title>
<style>${styles(report, generated)}</style></head>
<body>
${cover(report, generated)}
${summary(report)}
${charts(report)}
${kpiTables(report)}
${breakdowns(report)}
${fundingAndCheckIns(report)}
${mentors(report)}
${glance(report)}
${annex}
</body></html>
`;
}
