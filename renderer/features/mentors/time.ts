/**
 * Time zones and calendar quarters for the mentoring screens. Times are stored in UTC and
 * shown in the viewer's zone; a mentor abroad (any zone but Pakistan's) also gets their own.
 */
import { useEffect, useState } from 'react';
import { dateInZone, formatDateTime, formatTime } from '../../format/index.js';

export const PAKISTAN_ZONE = 'Asia/Karachi';

/** The zone of the computer the app runs on. */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A mentor abroad works in another zone than Pakistan's. */
export function isAbroad(timeZone: string | null | undefined): boolean {
  return !!timeZone && timeZone !== PAKISTAN_ZONE;
}

let zones: string[] | null = null;
/** Every IANA zone this runtime knows, Pakistan's first. */
export function timeZoneOptions(): string[] {
  if (!zones) {
    let all: string[] = [];
    try {
      all = Intl.supportedValuesOf('timeZone');
    } catch {
      all = [];
    }
    zones = [PAKISTAN_ZONE, ...all.filter((z) => z !== PAKISTAN_ZONE)];
    if (!zones.includes('UTC')) zones.push('UTC');
  }
  return zones;
}

export interface Quarter {
  year: number;
  /** 1–4 */
  q: number;
  /** [from, to) as UTC timestamps of local midnights, as sessions.hours takes them. */
  from: string;
  to: string;
}

/** The calendar quarter containing `now`, boundaries at midnight in the viewer's zone. */
export function quarterOf(now: Date): Quarter {
  const year = now.getFullYear();
  const q = Math.floor(now.getMonth() / 3) + 1;
  return {
    year,
    q,
    from: new Date(year, (q - 1) * 3, 1).toISOString(),
    to: new Date(year, q * 3, 1).toISOString(),
  };
}

/** The current time, refreshed on every minute boundary (for "local time now"). */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let interval: ReturnType<typeof setInterval> | undefined;
    const timeout = setTimeout(
      () => {
        setNow(new Date());
        interval = setInterval(() => setNow(new Date()), 60_000);
      },
      60_000 - (Date.now() % 60_000) + 50,
    );
    return () => {
      clearTimeout(timeout);
      if (interval) clearInterval(interval);
    };
  }, []);
  return now;
}

/**
 * An instant on a mentor's clock, when it reads differently from the viewer's: the time
 * only on the same day, date and time when it falls on another. Null when the clocks agree.
 */
export function mentorClock(
  at: Date,
  zone: string,
  locale: string,
  viewer: string = viewerZone(),
): { time: string; place: string } | null {
  try {
    const theirs = formatDateTime(locale, at, zone);
    if (theirs === formatDateTime(locale, at, viewer)) return null;
    const time = dateInZone(at, zone) === dateInZone(at, viewer) ? formatTime(locale, at, zone) : theirs;
    return { time, place: zone.split('/').pop()?.replace(/_/g, ' ') ?? zone };
  } catch {
    return null;
  }
}
