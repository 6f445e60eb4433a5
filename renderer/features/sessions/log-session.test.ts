import { describe, expect, it } from 'vitest';
import { fail } from '../../../shared/api/errors.js';
import {
  initialLogSessionValues,
  localInputToUtc,
  mapRecordFailure,
  newActionItemRow,
  recordSessionInput,
  type LogSessionValues,
} from './log-session.js';

describe('localInputToUtc', () => {
  it('reads the value as the viewer’s wall-clock time and writes UTC', () => {
    const local = new Date(2026, 6, 31, 9, 30);
    expect(localInputToUtc('2026-07-31T09:30')).toBe(local.toISOString());
  });
  it('leaves blank out and passes unreadable text on for core to refuse', () => {
    expect(localInputToUtc('  ')).toBeUndefined();
    expect(localInputToUtc('tomorrow')).toBe('tomorrow');
  });
});

describe('recordSessionInput', () => {
  const base: LogSessionValues = {
    ...initialLogSessionValues({ mentorId: 'm1', startupId: 's1' }, new Date(2026, 6, 31, 10, 40)),
    minutes: 90,
  };

  it('starts on the last half hour and sends minutes', () => {
    expect(base.startsAt).toBe('2026-07-31T10:30');
    const { input } = recordSessionInput(base);
    expect(input).toMatchObject({ mentorId: 'm1', startupId: 's1', minutes: 90, mode: 'in-person', notes: null });
    expect(input).not.toHaveProperty('endsAt');
    expect(input).not.toHaveProperty('actionItems');
  });

  it('sends an end time instead when the length is given by the end', () => {
    const { input } = recordSessionInput({ ...base, lengthBy: 'end', endsAt: '2026-07-31T12:00' });
    expect(input).not.toHaveProperty('minutes');
    expect(input.endsAt).toBe(new Date(2026, 6, 31, 12, 0).toISOString());
  });

  it('leaves wholly blank action item rows out and remembers which row is which', () => {
    const a = { ...newActionItemRow(), text: 'Send the pitch deck', dueOn: '2026-08-07' };
    const blank = newActionItemRow();
    const b = { ...newActionItemRow(), owner: 'Ali' };
    const { input, sentRows } = recordSessionInput({ ...base, actionItems: [a, blank, b] });
    expect(input.actionItems).toEqual([
      { text: 'Send the pitch deck', owner: null, dueOn: '2026-08-07', done: false },
      { text: '', owner: 'Ali', dueOn: null, done: false },
    ]);
    expect(sentRows).toEqual([a.key, b.key]);
  });
});

describe('mapRecordFailure', () => {
  it('puts nested action item issues on their row and the rest beside the fields', () => {
    const error = fail.invalid([
      { path: ['endsAt'], message: 'A session cannot end before it starts' },
      { path: ['actionItems', 1, 'text'], message: 'Required' },
      { path: ['actionItems'], message: 'Too many' },
    ]);
    const mapped = mapRecordFailure(error, ['row-a', 'row-b']);
    expect(mapped.fields).toEqual({ endsAt: 'A session cannot end before it starts' });
    expect(mapped.items).toEqual({ 'row-b': { text: 'Required' } });
    expect(mapped.form).toBe('Too many');
  });

  it('shows other failures at the top of the form', () => {
    const mapped = mapRecordFailure(fail.forbidden('sessions.write', 'A mentor may only log their own sessions'), []);
    expect(mapped.form).toBe('A mentor may only log their own sessions');
  });
});
