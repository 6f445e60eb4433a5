import { describe, expect, it } from 'vitest';
import { SyncScheduler, type Timers } from './scheduler.js';
import { SyncFailure } from './sync-errors.js';
import type { SyncEngine } from './sync-engine.js';

/** Timers under the test's control: time moves only when the test says so. */
class ManualTimers implements Timers {
  now = 0;
  private next = 1;
  private readonly pending = new Map<number, { at: number; fn: () => void }>();
  constructor(private readonly randomValue = 0.5) {}
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  random(): number {
    return this.randomValue;
  }
  /** When the one pending timer fires, relative to now (null: none). */
  get dueIn(): number | null {
    const times = [...this.pending.values()].map((t) => t.at);
    return times.length ? Math.min(...times) - this.now : null;
  }
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
      await flush();
    }
    this.now = until;
  }
}

/** Lets every pending promise chain run (the scheduler's timers are manual; this is not one of them). */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An engine whose syncs succeed or fail as the test scripts them. */
function scriptedEngine(outcomes: (Error | null)[]) {
  const engine = {
    calls: 0,
    state: () => ({}),
    async sync() {
      engine.calls++;
      await Promise.resolve();
      const outcome = outcomes.shift() ?? null;
      if (outcome) throw outcome;
      return {};
    },
  };
  return engine;
}

const offline = () => new SyncFailure('unreachable', 'The server could not be reached');
const opts = (timers: Timers) => ({
  timers,
  startDelayMs: 1000,
  debounceMs: 3000,
  intervalMs: 60_000,
  baseBackoffMs: 5000,
  maxBackoffMs: 300_000,
});

describe('SyncScheduler', () => {
  it('syncs shortly after start, then every interval while all is well', async () => {
    const timers = new ManualTimers();
    const engine = scriptedEngine([]);
    const scheduler = new SyncScheduler(engine as unknown as SyncEngine, opts(timers));
    scheduler.start();
    await timers.advance(999);
    expect(engine.calls).toBe(0);
    await timers.advance(1);
    expect(engine.calls).toBe(1);
    expect(timers.dueIn).toBe(60_000);
    await timers.advance(120_000);
    expect(engine.calls).toBe(3);
    scheduler.stop();
    expect(timers.dueIn).toBeNull();
  });

  it('debounces local changes: a burst of writes gives one sync, a few seconds after the last', async () => {
    const timers = new ManualTimers();
    const engine = scriptedEngine([]);
    const scheduler = new SyncScheduler(engine as unknown as SyncEngine, opts(timers));
    scheduler.start();
    await timers.advance(1000); // the start sync
    for (let i = 0; i < 5; i++) {
      scheduler.localChange();
      await timers.advance(1000);
    }
    expect(engine.calls).toBe(1);
    await timers.advance(2000);
    expect(engine.calls).toBe(2);
  });

  it('a steady stream of local changes is synced at least every interval, not held back by the debounce', async () => {
    // Found by the crash test (e2e/crash/): a change every second, each restarting the 3 s
    // debounce, kept the workstation from syncing for as long as the changes went on.
    const timers = new ManualTimers();
    const engine = scriptedEngine([]);
    const scheduler = new SyncScheduler(engine as unknown as SyncEngine, opts(timers));
    scheduler.start();
    await timers.advance(1000); // the start sync
    const syncedAt: number[] = [];
    for (let second = 1; second <= 150; second++) {
      scheduler.localChange();
      const before = engine.calls;
      await timers.advance(1000);
      if (engine.calls > before) syncedAt.push(timers.now);
    }
    // The first change after each sync waits at most the interval (60 s here).
    expect(syncedAt).toEqual([61_000, 121_000]);
    // Once the changes stop, the debounce syncs the rest as before.
    await timers.advance(3000);
    expect(engine.calls).toBe(4);
    scheduler.stop();
    expect(timers.dueIn).toBeNull();
  });

  it('backs off exponentially with jitter while offline, and resets when the server is back', async () => {
    const timers = new ManualTimers(0.5);
    const engine = scriptedEngine([offline(), offline(), offline(), offline(), null]);
    const scheduler = new SyncScheduler(engine as unknown as SyncEngine, opts(timers));
    scheduler.start();
    const pauses: (number | null)[] = [];
    await timers.advance(1000);
    for (let i = 0; i < 4; i++) {
      pauses.push(timers.dueIn);
      await timers.advance(timers.dueIn!);
    }
    // Ceilings 5 s, 10 s, 20 s, then the 30 s cap of an unreachable server; with equal jitter
    // at random 0.5 each pause is 3/4 of its ceiling.
    expect(pauses).toEqual([3750, 7500, 15_000, 22_500]);
    expect(scheduler.consecutiveFailures).toBe(0); // the fifth try succeeded: reconnected
    expect(timers.dueIn).toBe(60_000);
    // Local changes while failing do not hammer the server: the backoff decides.
  });

  it('keeps the pause between half and all of the ceiling, never above the maximum', () => {
    const low = new SyncScheduler(scriptedEngine([]) as unknown as SyncEngine, opts(new ManualTimers(0)));
    const high = new SyncScheduler(scriptedEngine([]) as unknown as SyncEngine, opts(new ManualTimers(0.999999)));
    expect(low.backoffMs(1)).toBe(2500);
    expect(high.backoffMs(1)).toBe(5000);
    expect(high.backoffMs(30)).toBe(300_000);
    expect(low.backoffMs(30)).toBe(150_000);
    // An unreachable server is probed at least every 30 s (that is how reconnecting is
    // noticed); a server that answers with faults is left alone for longer.
    expect(high.backoffMs(30, 'unreachable')).toBe(30_000);
    expect(high.backoffMs(30, 'server')).toBe(300_000);
    // A revoked device or a wrong clock will not cure itself: the longest pause at once.
    expect(low.backoffMs(1, 'revoked')).toBe(300_000);
    expect(low.backoffMs(1, 'clock')).toBe(300_000);
  });

  it('ignores local changes while failing, and "Sync now" is followed like a background sync', async () => {
    const timers = new ManualTimers(0.5);
    const engine = scriptedEngine([offline()]);
    const scheduler = new SyncScheduler(engine as unknown as SyncEngine, opts(timers));
    scheduler.start();
    await timers.advance(1000);
    expect(timers.dueIn).toBe(3750);
    scheduler.localChange();
    expect(timers.dueIn).toBe(3750);
    await scheduler.track(engine.sync() as Promise<unknown>);
    expect(scheduler.consecutiveFailures).toBe(0);
    expect(timers.dueIn).toBe(60_000);
  });

  it('never runs two background syncs at once, and syncs again soon for changes made during one', async () => {
    const timers = new ManualTimers();
    let release: () => void = () => {};
    let calls = 0;
    let running = 0;
    let maxRunning = 0;
    const engine = {
      state: () => ({}),
      async sync() {
        calls++;
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise<void>((resolve) => (release = resolve));
        running--;
        return {};
      },
    };
    const scheduler = new SyncScheduler(engine as unknown as SyncEngine, opts(timers));
    scheduler.start();
    await timers.advance(1000);
    expect(calls).toBe(1);
    // A change while the sync runs: no second sync now…
    scheduler.localChange();
    await timers.advance(10_000);
    expect(calls).toBe(1);
    // …but soon after the running one ends, not a whole interval later.
    release();
    await flush();
    expect(timers.dueIn).toBe(3000);
    await timers.advance(3000);
    expect(calls).toBe(2);
    release();
    await flush();
    expect(maxRunning).toBe(1);
    expect(timers.dueIn).toBe(60_000);
    scheduler.stop();
  });
});
