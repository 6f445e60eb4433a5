import { describe, expect, it } from 'vitest';
import { formatRelative } from './relative-time.js';

const now = new Date('2026-05-01T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('formatRelative', () => {
  it('says minutes, hours and days ago, and nothing under a minute', () => {
    expect(formatRelative('en-GB', ago(20_000), now)).toBeNull();
    expect(formatRelative('en-GB', ago(2 * 60_000 + 5000), now)).toBe('2 min ago');
    expect(formatRelative('en-GB', ago(3 * 3600_000), now)).toBe('3 hr ago');
    expect(formatRelative('en-GB', ago(24 * 3600_000), now)).toBe('yesterday');
    expect(formatRelative('en-GB', ago(5 * 24 * 3600_000), now)).toBe('5 days ago');
  });
});
