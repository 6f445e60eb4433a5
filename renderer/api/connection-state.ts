/**
 * The state of the channel to core, as the UI shows it. The Electron port is always open
 * (core is a child of the app); the WebSocket of web mode can drop and reconnect.
 */
export type ConnectionState =
  /** First attempt, nothing shown yet. */
  | { kind: 'connecting' }
  | { kind: 'open' }
  /**
   * The channel dropped (or never opened). `retryAt` is when the next attempt starts
   * (epoch ms), null while an attempt is under way. `everOpened` tells a lost connection
   * from one that never worked.
   */
  | { kind: 'lost'; attempt: number; retryAt: number | null; everOpened: boolean }
  /**
   * Cannot connect, and retrying will not help: web mode opened without its token, or the
   * desktop app's core stopped for good (`detail` says why).
   */
  | { kind: 'unusable'; reason: 'missing-token' | 'core-stopped'; detail?: string };

/** A transport that can tell the UI how its connection is doing. */
export interface ConnectionStatus {
  getState(): ConnectionState;
  /** Called on every state change; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Skips the wait before the next reconnect attempt. */
  retryNow(): void;
}

/** A small observable value, for stores read with React's useSyncExternalStore. */
export class Observable<T> {
  private readonly listeners = new Set<() => void>();
  constructor(private value: T) {}
  get(): T {
    return this.value;
  }
  set(value: T): void {
    this.value = value;
    for (const listener of [...this.listeners]) listener();
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
