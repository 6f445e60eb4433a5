/**
 * Numbers, money and dates through Intl, in the viewer's language. Calendar dates
 * (YYYY-MM-DD) are shown as written, whatever the zone; instants (UTC timestamps) in the
 * viewer's zone, or in another zone when asked (a mentor abroad).
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

/** A calendar date, YYYY-MM-DD, as the viewer writes dates ("31 Jul 2026"). */
export function formatCalendarDate(locale: string, isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** An instant in the viewer's zone, or in `timeZone` (an IANA zone). */
export function formatDateTime(locale: string, timestamp: string | Date, timeZone?: string): string {
  const date = typeof timestamp === 'string' ? new Date(timestamp) : timestamp;
  if (Number.isNaN(date.getTime())) return String(timestamp);
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(date);
}

/** The time of day now (or at `at`) in a zone, with the zone's short name: "14:05 GMT+1". */
export function formatTimeInZone(locale: string, timeZone: string, at: Date = new Date()): string {
  try {
    return dateFormat(locale, { timeStyle: 'short', timeZone }).format(at) + ` (${timeZone})`;
  } catch {
    return timeZone;
  }
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
      dateTime: (timestamp: string | Date, timeZone?: string) => formatDateTime(locale, timestamp, timeZone),
      timeInZone: (timeZone: string, at?: Date) => formatTimeInZone(locale, timeZone, at),
    }),
    [locale],
  );
}
