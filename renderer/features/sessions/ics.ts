/**
 * iCalendar (RFC 5545) files for mentoring sessions: one VEVENT per session, times in UTC
 * ("Z" form), CRLF line endings, lines folded at 75 octets and text values escaped. Pure:
 * the caller supplies the words (already in the viewer's language) and the clock.
 */
import { offerDownload } from '../../components/download.js';

export interface CalendarEvent {
  /** The session's id: stable, so that importing the file again updates the same events. */
  uid: string;
  start: Date | string;
  end: Date | string;
  summary: string;
  description?: string | null;
  location?: string | null;
  categories?: readonly string[];
}

export interface CalendarOptions {
  /** DTSTAMP of every event: when the file was made. */
  now: Date;
  /** The calendar's name, shown by some clients (X-WR-CALNAME). */
  name?: string;
  productId?: string;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** 2026-07-31T09:30:00.000Z → 20260731T093000Z */
export function icsUtc(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date: ${String(value)}`);
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();
const octets = (s: string) => encoder.encode(s).length;

/**
 * Folds a content line so that no line is longer than 75 octets (the CRLF not counted);
 * each continuation starts with one space. A character is never split across lines.
 */
export function foldLine(line: string): string {
  if (octets(line) <= MAX_OCTETS) return line;
  const out: string[] = [];
  let current = '';
  let size = 0;
  // The first line may hold 75 octets; continuations 74 after their leading space.
  let limit = MAX_OCTETS;
  for (const char of line) {
    const n = octets(char);
    if (size + n > limit) {
      out.push(current);
      current = '';
      size = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    size += n;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

/** The whole .ics file. */
export function buildCalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const stamp = icsUtc(options.now);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    property('PRODID', options.productId ?? '-//Incubator Desk//Mentoring sessions//EN'),
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (options.name) lines.push(property('X-WR-CALNAME', escapeText(options.name)));
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      property('UID', escapeText(event.uid)),
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsUtc(event.start)}`,
      `DTEND:${icsUtc(event.end)}`,
      property('SUMMARY', escapeText(event.summary)),
    );
    if (event.description) lines.push(property('DESCRIPTION', escapeText(event.description)));
    if (event.location) lines.push(property('LOCATION', escapeText(event.location)));
    if (event.categories && event.categories.length > 0) {
      lines.push(property('CATEGORIES', event.categories.map(escapeText).join(',')));
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.join(CRLF) + CRLF;
}

/** The end of a session that starts at `startsAt` and lasts `minutes`. */
export function sessionEnd(startsAt: string, minutes: number): Date {
  return new Date(Date.parse(startsAt) + minutes * 60_000);
}

/** Offers the calendar as a file download. */
export function downloadCalendar(content: string, fileName: string): void {
  offerDownload([content], 'text/calendar;charset=utf-8', fileName);
}
