/**
 * How the report's documents write numbers and dates: Intl with Pakistani conventions
 * (en-PK: 1,234,567), the same rules as the app (renderer/format). Rupees are whole
 * ("Rs 1,250,000"), dollars always with cents ("$12,500.00", the XLSX format
 * $#,##0.00), hours to one decimal, shares as a percentage to one decimal. A figure with
 * no value (a share without a denominator, a check-in field left empty) is "—".
 */
import type { KpiUnit } from '../../../shared/reports/kpis.js';

export const LOCALE = 'en-PK';
export const NONE = '—';

const count = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const pkr = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'PKR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const usd = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'USD',
  currencyDisplay: 'narrowSymbol',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const hours = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const share = new Intl.NumberFormat(LOCALE, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

const FORMATS: Record<KpiUnit, Intl.NumberFormat> = { count, pkr, usd, hours, share };

/** A figure as the PDF shows it: "1,234", "Rs 1,250,000", "$12,500.00", "12.5", "45.7%", or "—". */
export function formatValue(unit: KpiUnit, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  return FORMATS[unit].format(value);
}

/** Number formats for the same units in a spreadsheet (exceljs numFmt). */
export const EXCEL_FORMATS: Record<KpiUnit, string> = {
  count: '#,##0',
  pkr: '#,##0',
  usd: '$#,##0.00',
  hours: '0.0',
  share: '0.0%',
};

const calendarDate = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A calendar date, yyyy-mm-dd, as staff in Pakistan read it: "28 Nov 2026". */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return NONE;
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : calendarDate.format(date);
}

const longDate = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A calendar date with the month in full, for titles: "30 September 2026". */
export function formatLongDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : longDate.format(date);
}

/** An instant in a time zone (the machine's unless given), 24-hour clock: "28 Nov 2026, 14:30 GMT+5". */
export function formatInstant(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** The day before an exclusive end date: the quarter's last day. */
export function lastDay(endExclusive: string): string {
  const date = new Date(`${endExclusive}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

const monthYear = new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** yyyy-mm → "July 2026". */
export function formatMonth(month: string): string {
  const date = new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : monthYear.format(date);
}

const SECTOR_NAMES: Record<string, string> = {
  agritech: 'Agritech',
  ai: 'AI',
  cleantech: 'Cleantech',
  'e-commerce': 'E-commerce',
  edtech: 'Edtech',
  fintech: 'Fintech',
  healthtech: 'Healthtech',
  logistics: 'Logistics',
  media: 'Media',
  saas: 'SaaS',
  'social-impact': 'Social impact',
  tourism: 'Tourism',
  manufacturing: 'Manufacturing',
  other: 'Other',
};

export function sectorName(sector: string | null | undefined): string {
  if (!sector) return NONE;
  return SECTOR_NAMES[sector] ?? sector;
}

const STAGE_NAMES: Record<string, string> = {
  applied: 'Applied',
  incubated: 'Incubated',
  graduated: 'Graduated',
  dropped: 'Dropped',
};

export function stageName(stage: string | null | undefined): string {
  if (!stage) return NONE;
  return STAGE_NAMES[stage] ?? stage;
}

/** HTML text: every character that could open markup or end an attribute is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
