import { describe, expect, it } from 'vitest';
import { tableNames } from '../../shared/schema/tables.js';
import { isStale, prefixesByTable, stalePrefixes } from './invalidation.js';
import { methods } from '../../shared/api/index.js';

describe('data.changed → stale queries', () => {
  it('a startup change refreshes startup calls and search, not mentors', () => {
    const prefixes = stalePrefixes(['startups']);
    expect(isStale(['startups.list', {}], prefixes)).toBe(true);
    expect(isStale(['startups.get', { id: 'x' }], prefixes)).toBe(true);
    expect(isStale(['search.global', { text: 'a' }], prefixes)).toBe(true);
    expect(isStale(['history.list', {}], prefixes)).toBe(true);
    expect(isStale(['mentors.list', {}], prefixes)).toBe(false);
  });

  it('a centre change refreshes the signed-in status (the header shows the centre)', () => {
    expect(isStale(['auth.status', {}], stalePrefixes(['centres']))).toBe(true);
  });

  it('a table this build does not know falls back to calls named after it', () => {
    expect(stalePrefixes(['exit_surveys'])).toContain('exitSurveys.');
  });

  it('every table maps to prefixes of calls that exist', () => {
    expect(Object.keys(prefixesByTable).sort()).toEqual([...tableNames].sort());
    for (const prefixes of Object.values(prefixesByTable)) {
      for (const prefix of prefixes)
        expect(
          methods.some((m) => m.startsWith(prefix)),
          prefix,
        ).toBe(true);
    }
  });
});
