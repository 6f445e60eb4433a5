/**
 * Who may write while a long write is under way. An import's write is one SQLite transaction
 * that yields to the event loop every few hundred rows, so its progress reaches the screen
 * and a cancel can roll it back. On the one shared connection, anything else written while
 * that transaction is open would become part of it (and vanish with a cancel), and a sync
 * would push its uncommitted ops. So:
 *
 * - `exclusive(fn)`: the long write. Waits for running syncs to finish, then holds the gate;
 *   one at a time.
 * - `shared(fn)`: a sync run (it awaits the network between its own short transactions).
 *   Many at once; waits while an exclusive writer holds the gate.
 * - `whenOpen()`: a call's synchronous transaction waits for the exclusive writer to finish
 *   (cancelling a job does not wait: that is how the writer is stopped).
 */
export class WriteGate {
  private held: Promise<void> | null = null;
  private sharedRunning = 0;
  private drained: (() => void) | null = null;

  /** True while an exclusive writer holds the gate. */
  get busy(): boolean {
    return this.held !== null;
  }

  async whenOpen(): Promise<void> {
    while (this.held) await this.held;
  }

  // The check and the taking of the gate stay in one synchronous step (no await between),
  // so two waiters woken together cannot both take it.
  async shared<T>(fn: () => Promise<T>): Promise<T> {
    while (this.held) await this.held;
    this.sharedRunning++;
    try {
      return await fn();
    } finally {
      this.sharedRunning--;
      if (this.sharedRunning === 0) this.drained?.();
    }
  }

  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (this.held) await this.held;
    let release!: () => void;
    this.held = new Promise<void>((resolve) => (release = resolve));
    try {
      if (this.sharedRunning > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      return await fn();
    } finally {
      this.drained = null;
      this.held = null;
      release();
    }
  }
}
