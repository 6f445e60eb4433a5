/**
 * Background sync: soon after local changes (debounced), every `intervalMs` while all is
 * well, and after a failure again with exponential backoff and jitter. "Online" is what the
 * last request found, so the first success after being offline is the reconnect (and the
 * backoff resets). Failures a person must fix (a revoked device, an app too old, a wrong
 * clock) wait the longest pause; "Sync now" still tries at once. The engine runs one sync at
 * a time. Timers are injected (tests) and unref'd (a CLI run is never held open by them).
 */
import { SyncFailure } from './sync-errors.js';
import type { SyncEngine } from './sync-engine.js';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  random(): number;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: Math.random,
};

export interface SchedulerOptions {
  /** Pause after local changes before syncing them (more changes restart it). */
  debounceMs?: number;
  /** Between syncs while all is well. */
  intervalMs?: number;
  /** First pause after a failure; doubles with each further failure, up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /**
   * Longest pause while the server cannot be reached at all (network down, server stopped):
   * trying again is one small request, and it is how the workstation notices it is back
   * online, so it stays short. Server faults (5xx) still back off up to maxBackoffMs.
   */
  maxUnreachableBackoffMs?: number;
  /** Delay of the first sync after start. */
  startDelayMs?: number;
  timers?: Timers;
  log?: (message: string, error?: unknown) => void;
}

/** Failures that retrying will not cure: a person has to act. */
const NEEDS_A_PERSON = new Set<SyncFailure['kind']>(['revoked', 'upgrade-required', 'clock', 'not-configured']);

export class SyncScheduler {
  private readonly debounceMs: number;
  private readonly intervalMs: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxUnreachableBackoffMs: number;
  private readonly startDelayMs: number;
  private readonly timers: Timers;
  private timer: unknown = null;
  /**
   * Local changes wait for the debounce, which each further change restarts; this second
   * timer, set by the first change after a sync, makes them wait at most `intervalMs` in all,
   * so a steady stream of changes (a change every second, say) cannot hold sync back forever.
   */
  private deadline: unknown = null;
  private failures = 0;
  private running = false;
  /** Local changes arrived while a sync ran: sync again soon after it. */
  private again = false;
  private stopped = true;
  /** Stops a background sync in flight when the scheduler stops (the app is closing). */
  private abort = new AbortController();
  private readonly log: (message: string, error?: unknown) => void;

  constructor(
    private readonly engine: SyncEngine,
    opts: SchedulerOptions = {},
  ) {
    // A change made on one desk should show on the others within seconds: they learn of it
    // only by asking, so an idle workstation asks every 10 s (one small indexed query on the
    // server; 1,000 devices make 100 a second).
    this.debounceMs = opts.debounceMs ?? 2_000;
    this.intervalMs = opts.intervalMs ?? 10_000;
    this.baseBackoffMs = opts.baseBackoffMs ?? 5_000;
    this.maxBackoffMs = opts.maxBackoffMs ?? 15 * 60_000;
    this.maxUnreachableBackoffMs = Math.min(this.maxBackoffMs, opts.maxUnreachableBackoffMs ?? 30_000);
    this.startDelayMs = opts.startDelayMs ?? 1_000;
    this.timers = opts.timers ?? realTimers;
    this.log = opts.log ?? (() => {});
  }

  /** Consecutive failed syncs (0 after a success). */
  get consecutiveFailures(): number {
    return this.failures;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.abort = new AbortController();
    this.schedule(this.startDelayMs);
  }

  stop(): void {
    this.stopped = true;
    this.clear();
    this.abort.abort();
  }

  /** Local data changed: sync soon (a later change pushes the moment back). */
  localChange(): void {
    if (this.stopped || this.failures > 0) return; // while failing, the backoff decides
    if (this.running) this.again = true;
    else {
      this.schedule(this.debounceMs);
      this.deadline ??= this.timers.setTimeout(() => {
        this.deadline = null;
        void this.run();
      }, this.intervalMs);
    }
  }

  /**
   * Follows a sync started elsewhere ("Sync now"): its outcome sets the next try like a
   * background one's. Resolves as the sync does.
   */
  async track<T>(sync: Promise<T>): Promise<T> {
    this.clear();
    try {
      const result = await sync;
      this.settled(null);
      return result;
    } catch (error) {
      this.settled(error);
      throw error;
    }
  }

  /** The pause before the next try after `failures` failures in a row: 2^n growth, jittered. */
  backoffMs(failures: number, kind?: SyncFailure['kind']): number {
    if (kind && NEEDS_A_PERSON.has(kind)) return this.maxBackoffMs;
    const cap = kind === 'unreachable' ? this.maxUnreachableBackoffMs : this.maxBackoffMs;
    const ceiling = Math.min(cap, this.baseBackoffMs * 2 ** Math.max(0, failures - 1));
    // "Equal jitter": between half and all of the ceiling, so devices that failed together
    // do not come back together.
    return Math.round(ceiling / 2 + (this.timers.random() * ceiling) / 2);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.clearTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Both timers: a sync starts (or the scheduler stops), so nothing is left waiting. */
  private clear(): void {
    this.clearTimer();
    if (this.deadline !== null) this.timers.clearTimeout(this.deadline);
    this.deadline = null;
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (!this.engine.state()) return; // not joined: nothing to do until enrolment
    this.running = true;
    this.clear();
    try {
      await this.engine.sync({ signal: this.abort.signal });
      this.settled(null);
    } catch (error) {
      this.settled(error);
    } finally {
      this.running = false;
    }
  }

  private settled(error: unknown): void {
    const again = this.again;
    this.again = false;
    if (error === null) {
      this.failures = 0;
      this.schedule(again ? this.debounceMs : this.intervalMs);
      return;
    }
    this.failures += 1;
    const kind = error instanceof SyncFailure ? error.kind : undefined;
    if (!(error instanceof SyncFailure)) this.log('Background sync failed', error);
    if (kind !== 'cancelled') this.schedule(this.backoffMs(this.failures, kind));
  }
}
