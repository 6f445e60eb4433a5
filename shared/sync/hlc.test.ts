import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClockDriftError, formatHlc, HybridLogicalClock, parseHlc } from './hlc.js';
import { incomingWins } from './merge.js';

const NODE_A = 'aaaaaaaaaaaaaaaa';
const NODE_B = 'bbbbbbbbbbbbbbbb';

describe('HLC', () => {
  it('formats as a sortable string and parses back', () => {
    const stamp = formatHlc({ millis: 1_780_000_000_000, counter: 10, node: NODE_A });
    expect(stamp).toBe(`1780000000000-000a-${NODE_A}`);
    expect(parseHlc(stamp)).toEqual({ millis: 1_780_000_000_000, counter: 10, node: NODE_A });
  });

  it('stays monotonic when the wall clock stands still or goes back', () => {
    let wall = 1000;
    const clock = new HybridLogicalClock(NODE_A, () => wall);
    const a = clock.now();
    const b = clock.now();
    wall = 500;
    const c = clock.now();
    expect(a < b && b < c).toBe(true);
  });

  it('orders local stamps after a received one, and refuses a clock far ahead', () => {
    const clock = new HybridLogicalClock(NODE_A, () => 1000);
    clock.receive(formatHlc({ millis: 5000, counter: 3, node: NODE_B }));
    expect(clock.now() > formatHlc({ millis: 5000, counter: 3, node: NODE_B })).toBe(true);
    expect(() => clock.receive(formatHlc({ millis: 1000 + 2 * 86_400_000, counter: 0, node: NODE_B }))).toThrow(ClockDriftError);
  });

  it('generates strictly increasing stamps for any sequence of wall-clock readings', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 200 }), (walls) => {
        let i = 0;
        const clock = new HybridLogicalClock(NODE_A, () => walls[Math.min(i++, walls.length - 1)]!);
        let last = '';
        for (let k = 0; k < walls.length; k++) {
          const s = clock.now();
          if (!(s > last)) return false;
          last = s;
        }
        return true;
      }),
    );
  });

  it('merge rule: a greater stamp wins; equal stamps are the same op', () => {
    const older = formatHlc({ millis: 1, counter: 0, node: NODE_B });
    const newer = formatHlc({ millis: 2, counter: 0, node: NODE_A });
    expect(incomingWins(newer, older)).toBe(true);
    expect(incomingWins(older, newer)).toBe(false);
    expect(incomingWins(older, older)).toBe(false);
    expect(incomingWins(older, null)).toBe(true);
  });
});
