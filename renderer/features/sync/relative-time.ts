/** "2 minutes ago", "yesterday": how long ago something happened, in the viewer's language. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../format/index.js';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** null for less than a minute ago (the caller says "just now"). */
export function formatRelative(locale: string, then: Date, now: Date): string | null {
  const ago = now.getTime() - then.getTime();
  if (ago < 60_000) return null;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  for (const [unit, ms] of UNITS) {
    if (ago >= ms) return format.format(-Math.floor(ago / ms), unit);
  }
  return null;
}

/** The current time, updated every `everyMs` so that "2 min ago" keeps counting. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function useRelativeTime(): (iso: string) => string {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const locale = intlLocale(i18n.language);
  return (iso: string) => formatRelative(locale, new Date(iso), now) ?? t('sync.indicator.justNow');
}
