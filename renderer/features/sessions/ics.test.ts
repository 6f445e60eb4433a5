import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, icsUtc, sessionEnd } from './ics.js';

const now = new Date('2026-07-01T08:00:00Z');

function unfold(text: string): string {
  return text.replace(/\r\n /g, '');
}

describe('icsUtc', () => {
  it('writes UTC instants in the basic Z form', () => {
    expect(icsUtc('2026-07-31T09:30:00Z')).toBe('20260731T093000Z');
    expect(icsUtc('2026-07-31T14:30:00+05:00')).toBe('20260731T093000Z');
    expect(icsUtc(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
  });
});

describe('escapeText', () => {
  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});

describe('foldLine', () => {
  it('leaves short lines alone', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const exactly75 = 'X'.repeat(75);
    expect(foldLine(exactly75)).toBe(exactly75);
  });

  it('folds at 75 octets with a leading space on continuations', () => {
    const line = `DESCRIPTION:${'a'.repeat(200)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it('never splits a multi-byte character', () => {
    const line = `SUMMARY:${'مشاورت '.repeat(20)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) {
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
      expect(part).not.toContain('\uFFFD');
    }
    expect(unfold(folded)).toBe(line);
  });
});

describe('buildCalendar', () => {
  const calendar = buildCalendar(
    [
      {
        uid: 'a1b2c3',
        start: '2026-07-31T09:30:00Z',
        end: sessionEnd('2026-07-31T09:30:00Z', 90),
        summary: 'Mentoring: Sehat Kahani Labs with Sara Ahmed',
        description: 'Topics: pricing, go-to-market\nBring the sales figures; all of them.',
      },
    ],
    { now, name: 'Upcoming mentoring sessions' },
  );

  it('is a VCALENDAR with one VEVENT, CRLF line endings throughout', () => {
    expect(calendar.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(calendar.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(calendar.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('has the required properties, times in UTC', () => {
    const text = unfold(calendar);
    expect(text).toContain('\r\nPRODID:');
    expect(text).toContain('\r\nUID:a1b2c3\r\n');
    expect(text).toContain('\r\nDTSTAMP:20260701T080000Z\r\n');
    expect(text).toContain('\r\nDTSTART:20260731T093000Z\r\n');
    expect(text).toContain('\r\nDTEND:20260731T110000Z\r\n');
    expect(text).toContain('\r\nSUMMARY:Mentoring: Sehat Kahani Labs with Sara Ahmed\r\n');
    expect(text).toContain('DESCRIPTION:Topics: pricing\\, go-to-market\\nBring the sales figures\\; all of them.');
  });

  it('keeps every line within 75 octets', () => {
    for (const line of calendar.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('is a valid calendar with no events', () => {
    expect(buildCalendar([], { now })).not.toContain('VEVENT');
  });
});
