/**
 * Numbers, money and dates through Intl, in the viewer's language. Calendar dates
 * (YYYY-MM-DD) are shown as staff in Pakistan read them, whatever the zone: "28 Nov 2026"
 * where a readable date fits, "28/11/2026" in date fields (which also read what is typed
 * that way). Instants (UTC timestamps) are shown in the viewer's zone, or in another zone
 * when asked (a mentor abroad), with a 24-hour clock: "28 Nov 2026, 14:30".
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** The Intl locale for an app language: Pakistani conventions. */
export function intlLocale(language: string): string {
  if (language.startsWith('ur')) return 'ur-PK';
  return 'en-PK';
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

export function formatNumber(locale: string, value: number, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(value);
}

/** Rupees, whole: "Rs 1,250,000". */
export function formatPkr(locale: string, value: number): string {
  return numberFormat(locale, { style: 'currency', currency: 'PKR', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(
    value,
  );
}

/** US dollars with cents only when there are any: "$12,500" / "$12,500.50". */
export function formatUsd(locale: string, value: number): string {
  const whole = Number.isInteger(value);
  return numberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** A calendar date, YYYY-MM-DD, as staff read it: "28 Nov 2026". */
export function formatCalendarDate(locale: string, isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (!isIsoDate(isoDate) || Number.isNaN(date.getTime())) return isoDate;
  return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A calendar date as date fields show and take it: "28/11/2026" (dd/mm/yyyy). */
export function formatNumericDate(isoDate: string): string {
  if (!isIsoDate(isoDate)) return isoDate;
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/** How date fields write dates, in dayjs notation (Mantine's date inputs use it). */
export const DATE_FIELD_FORMAT = 'DD/MM/YYYY';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a calendar date that exists, written YYYY-MM-DD (as the API takes it). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  return match !== null && calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) === value;
}

function calendarDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date as typed into a date field: day first, then month and a four-digit year
 * ("28/11/2026", "8/1/2026", "28-11-2026", "28.11.2026"), or the API's "2026-11-28" (pasted).
 * YYYY-MM-DD, or null when the text is not (yet) a date that exists.
 */
export function parseTypedDate(text: string): string | null {
  const trimmed = text.trim();
  const dayFirst = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(trimmed);
  if (dayFirst) return calendarDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  const iso = ISO_DATE.exec(trimmed);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/** A time of day as typed, on a 24-hour clock: "9:30", "09:30", "0930" or "9.30". HH:mm, or null. */
export function parseTypedTime(text: string): string | null {
  const match = /^(\d{1,2})\s*[:.]?\s*(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** Today's calendar date in the viewer's zone, YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}

/** 24-hour clock times, as date-and-time fields take them. */
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

function asDate(timestamp: string | Date): Date {
  return typeof timestamp === 'string' ? new Date(timestamp) : timestamp;
}

/** An instant in the viewer's zone, or in `timeZone` (an IANA zone): "28 Nov 2026, 14:30". */
export function formatDateTime(locale: string, timestamp: string | Date, timeZone?: string): string {
  const date = asDate(timestamp);
  if (Number.isNaN(date.getTime())) return String(timestamp);
  try {
    return dateFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...CLOCK,
      ...(timeZone ? { timeZone } : {}),
    }).format(date);
  } catch {
    // A zone this runtime does not know.
    return '—';
  }
}

/** The time of day of an instant in the viewer's zone, or in `timeZone`: "14:30". */
export function formatTime(locale: string, timestamp: string | Date, timeZone?: string): string {
  const date = asDate(timestamp);
  if (Number.isNaN(date.getTime())) return String(timestamp);
  try {
    return dateFormat(locale, { ...CLOCK, ...(timeZone ? { timeZone } : {}) }).format(date);
  } catch {
    return '—';
  }
}

/** The time of day now (or at `at`) in a zone, with the zone: "14:05 (Europe/London)". */
export function formatTimeInZone(locale: string, timeZone: string, at: Date = new Date()): string {
  try {
    return dateFormat(locale, { ...CLOCK, timeZone }).format(at) + ` (${timeZone})`;
  } catch {
    return timeZone;
  }
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone, for comparing days across zones. */
export function dateInZone(at: Date, timeZone?: string): string {
  return dateFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(at);
}

/** The formatters bound to the current language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return useMemo(
    () => ({
      locale,
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(locale, value, options),
      pkr: (value: number) => formatPkr(locale, value),
      usd: (value: number) => formatUsd(locale, value),
      date: (isoDate: string) => formatCalendarDate(locale, isoDate),
      numericDate: (isoDate: string) => formatNumericDate(isoDate),
      dateTime: (timestamp: string | Date, timeZone?: string) => formatDateTime(locale, timestamp, timeZone),
      time: (timestamp: string | Date, timeZone?: string) => formatTime(locale, timestamp, timeZone),
      timeInZone: (timeZone: string, at?: Date) => formatTimeInZone(locale, timeZone, at),
    }),
    [locale],
  );
}
