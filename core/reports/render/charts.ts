/**
 * The report's charts as inline SVG, drawn here from the report's numbers (no library, no
 * script, nothing fetched): sessions per month, startups by stage at quarter end, the
 * trainee funnel with its gender split, and a figure by sector. One SVG unit is one CSS
 * pixel, so the type matches the document's. Every label is escaped.
 */
import type { QuarterlyReport } from '../../../shared/api/reports.js';
import { kpiByKey, type KpiKey, type KpiUnit } from '../../../shared/reports/kpis.js';
import { escapeHtml as esc, formatMonth, formatValue, sectorName, stageName } from './format.js';

export const COLOURS = {
  accent: '#0f5c4d',
  accentLight: '#6fae9c',
  accentPale: '#e3f0ec',
  women: '#b4477a',
  men: '#2f6d9e',
  other: '#b9b9b9',
  ink: '#1d2a2a',
  muted: '#5f6b6b',
  grid: '#dde3e2',
  stage: { applied: '#9db8b0', incubated: '#0f5c4d', graduated: '#c79a2b', dropped: '#a45a52' } as Record<string, string>,
};

const FONT = `font-family="inherit" fill="${COLOURS.ink}"`;
const round = (n: number) => Math.round(n * 10) / 10;

function svg(width: number, height: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">${body}</svg>`;
}

/** A round upper bound for an axis (1, 2 or 5 × 10^n). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

const compact = new Intl.NumberFormat('en-PK', { notation: 'compact', maximumFractionDigits: 1 });

/** Vertical bars: sessions in each of the quarter's months, with the hours under each. */
export function sessionsPerMonthChart(report: QuarterlyReport, width = 330, height = 210): string {
  const months = report.charts.sessionsPerMonth;
  const left = 40;
  const right = 10;
  const top = 16;
  const bottom = 44;
  const plotH = height - top - bottom;
  const plotW = width - left - right;
  const max = niceMax(Math.max(0, ...months.map((m) => m.sessions)));
  const parts: string[] = [];
  for (let i = 0; i <= 4; i += 1) {
    const y = round(top + plotH - (plotH * i) / 4);
    parts.push(`<line x1="${left}" y1="${y}" x2="${width - right}" y2="${y}" stroke="${COLOURS.grid}" stroke-width="1"/>`);
    parts.push(
      `<text x="${left - 6}" y="${y + 3}" font-size="9" text-anchor="end" ${FONT} fill-opacity="0.7">${compact.format((max * i) / 4)}</text>`,
    );
  }
  const slot = plotW / Math.max(1, months.length);
  const barW = Math.min(56, slot * 0.55);
  months.forEach((m, i) => {
    const h = (plotH * m.sessions) / max;
    const x = round(left + slot * i + (slot - barW) / 2);
    const y = round(top + plotH - h);
    parts.push(`<rect x="${x}" y="${y}" width="${round(barW)}" height="${round(h)}" fill="${COLOURS.accent}" rx="2"/>`);
    parts.push(
      `<text x="${round(x + barW / 2)}" y="${y - 4}" font-size="10" font-weight="600" text-anchor="middle" ${FONT}>${formatValue('count', m.sessions)}</text>`,
    );
    const cx = round(left + slot * i + slot / 2);
    parts.push(
      `<text x="${cx}" y="${top + plotH + 15}" font-size="10" text-anchor="middle" ${FONT}>${esc(formatMonth(m.month))}</text>`,
    );
    parts.push(
      `<text x="${cx}" y="${top + plotH + 28}" font-size="9" text-anchor="middle" ${FONT} fill-opacity="0.7">${formatValue('hours', m.hours)} h</text>`,
    );
  });
  return svg(width, height, 'Mentoring sessions per month', parts.join(''));
}

/** Horizontal bars with a label, a bar and its value: stages, sectors. */
function barList(
  title: string,
  items: Array<{ label: string; value: number; colour?: string }>,
  unit: KpiUnit,
  width: number,
  labelWidth = 92,
): string {
  const row = 22;
  const top = 4;
  const height = top + row * Math.max(1, items.length) + 4;
  const valueWidth = unit === 'pkr' || unit === 'usd' ? 92 : 44;
  const plotW = width - labelWidth - valueWidth - 8;
  const max = Math.max(0, ...items.map((item) => item.value));
  const parts: string[] = [];
  items.forEach((item, i) => {
    const y = top + row * i;
    const w = max > 0 ? (plotW * item.value) / max : 0;
    parts.push(`<text x="${labelWidth - 8}" y="${y + 14}" font-size="10" text-anchor="end" ${FONT}>${esc(item.label)}</text>`);
    parts.push(`<rect x="${labelWidth}" y="${y + 4}" width="${round(plotW)}" height="13" fill="${COLOURS.accentPale}" rx="2"/>`);
    if (w > 0)
      parts.push(
        `<rect x="${labelWidth}" y="${y + 4}" width="${round(Math.max(w, 2))}" height="13" fill="${item.colour ?? COLOURS.accent}" rx="2"/>`,
      );
    parts.push(
      `<text x="${round(labelWidth + plotW + 6)}" y="${y + 14}" font-size="10" font-weight="600" ${FONT}>${esc(formatValue(unit, item.value))}</text>`,
    );
  });
  if (items.length === 0)
    parts.push(`<text x="0" y="16" font-size="10" ${FONT} fill-opacity="0.7">No data for the quarter</text>`);
  return svg(width, height, title, parts.join(''));
}

export function stagesChart(report: QuarterlyReport, width = 330): string {
  return barList(
    'Startups by stage at quarter end',
    report.charts.startupsByStage.map((s) => ({ label: stageName(s.stage), value: s.count, colour: COLOURS.stage[s.stage] })),
    'count',
    width,
  );
}

export function sectorChart(report: QuarterlyReport, key: KpiKey, width = 330): string {
  const def = kpiByKey.get(key)!;
  const items = report.bySector
    .map((row) => ({ label: sectorName(row.sector), value: row.values[key] ?? 0 }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  return barList(`${def.label} by sector`, items, def.unit, width, 96);
}

const FUNNEL: Array<{ key: KpiKey; women: KpiKey; men: KpiKey; label: string }> = [
  { key: 'trainees.enrolled', women: 'trainees.enrolledWomen', men: 'trainees.enrolledMen', label: 'Enrolled' },
  { key: 'trainees.completed', women: 'trainees.completedWomen', men: 'trainees.completedMen', label: 'Completed' },
  { key: 'trainees.certified', women: 'trainees.certifiedWomen', men: 'trainees.certifiedMen', label: 'Certified' },
  { key: 'trainees.placed', women: 'trainees.placedWomen', men: 'trainees.placedMen', label: 'Placed' },
];

/**
 * The trainee funnel: a bar per step (enrolled → completed → certified → placed), split into
 * women, men and not recorded, with the step's total and its share of the enrolled.
 */
export function funnelChart(report: QuarterlyReport, width = 680): string {
  const v = (key: KpiKey) => report.values[key] ?? 0;
  const labelWidth = 74;
  const valueWidth = 150;
  const plotW = width - labelWidth - valueWidth;
  const row = 30;
  const top = 6;
  const legendY = top + row * FUNNEL.length + 14;
  const height = legendY + 10;
  const max = Math.max(1, ...FUNNEL.map((step) => v(step.key)));
  const enrolled = v('trainees.enrolled');
  const parts: string[] = [];
  FUNNEL.forEach((step, i) => {
    const total = v(step.key);
    const women = Math.min(v(step.women), total);
    const men = Math.min(v(step.men), total - women);
    const other = Math.max(0, total - women - men);
    const y = top + row * i;
    const fullW = (plotW * total) / max;
    const x0 = labelWidth + (plotW - fullW) / 2; // centred: a funnel
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + 16}" font-size="10.5" font-weight="600" text-anchor="end" ${FONT}>${step.label}</text>`,
    );
    let x = x0;
    for (const [count, colour] of [
      [women, COLOURS.women],
      [men, COLOURS.men],
      [other, COLOURS.other],
    ] as const) {
      const w = total > 0 ? (fullW * count) / total : 0;
      if (w > 0) parts.push(`<rect x="${round(x)}" y="${y + 3}" width="${round(w)}" height="19" fill="${colour}"/>`);
      if (w > 34) {
        parts.push(
          `<text x="${round(x + w / 2)}" y="${y + 16}" font-size="9" text-anchor="middle" fill="#fff" font-family="inherit">${formatValue('count', count)}</text>`,
        );
      }
      x += w;
    }
    const share = enrolled > 0 && i > 0 ? ` · ${formatValue('share', total / enrolled)} of enrolled` : '';
    parts.push(
      `<text x="${labelWidth + plotW + 8}" y="${y + 16}" font-size="10.5" ${FONT}><tspan font-weight="600">${formatValue('count', total)}</tspan><tspan font-size="9" fill-opacity="0.7">${share}</tspan></text>`,
    );
  });
  const legend = [
    ['Women', COLOURS.women],
    ['Men', COLOURS.men],
    ['Not recorded', COLOURS.other],
  ] as const;
  let lx = labelWidth;
  for (const [label, colour] of legend) {
    parts.push(`<rect x="${lx}" y="${legendY - 8}" width="10" height="10" fill="${colour}"/>`);
    parts.push(`<text x="${lx + 14}" y="${legendY + 1}" font-size="9.5" ${FONT}>${label}</text>`);
    lx += 14 + label.length * 6 + 18;
  }
  return svg(width, height, 'Trainee funnel: enrolled, completed, certified, placed, by gender', parts.join(''));
}
