/**
 * Web mode's transport: one WebSocket to core on 127.0.0.1, guarded by the token from the
 * address `npm run web` printed. When the socket drops, calls in flight fail at once
 * ('unavailable') and the transport redials with growing pauses; the UI shows
 * "Lost connection to core" meanwhile, and resumes the session once it is back.
 */
import type { CallMessage, ClientTransport, ServerMessage } from '../../shared/api/protocol.js';
import { Observable, type ConnectionState, type ConnectionStatus } from './connection-state.js';

/** WebSocket.OPEN, spelled out so the module also loads where WebSocket is not global (tests). */
const OPEN = 1;

/** Pauses before each reconnect attempt, in ms; the last one repeats. */
export const RECONNECT_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15000] as const;

export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)]!;
  // ±20% jitter, so that many tabs do not redial in step.
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface WebSocketTransportOptions {
  /** Creates the socket; injectable for tests. */
  createSocket?: (url: string) => WebSocket;
  delay?: (attempt: number) => number;
}

export class WebSocketTransport implements ClientTransport, ConnectionStatus {
  private socket: WebSocket | null = null;
  private readonly state = new Observable<ConnectionState>({ kind: 'connecting' });
  private readonly messageListeners = new Set<(message: ServerMessage) => void>();
  private readonly closeListeners = new Set<(reason: string) => void>();
  private everOpened = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly createSocket: (url: string) => WebSocket;
  private readonly delay: (attempt: number) => number;

  constructor(
    private readonly url: string,
    opts: WebSocketTransportOptions = {},
  ) {
    this.createSocket = opts.createSocket ?? ((u) => new WebSocket(u));
    this.delay = opts.delay ?? ((attempt) => reconnectDelay(attempt));
    this.dial();
  }

  send(message: CallMessage): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) throw new Error('not connected');
    socket.send(JSON.stringify(message));
  }

  onMessage(listener: (message: ServerMessage) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  onClose(listener: (reason: string) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  getState(): ConnectionState {
    return this.state.get();
  }

  subscribe(listener: () => void): () => void {
    return this.state.subscribe(listener);
  }

  retryNow(): void {
    if (this.state.get().kind !== 'lost' || !this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.dial();
  }

  /** Stops for good (page unload, tests). */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close();
  }

  private dial(): void {
    const current = this.state.get();
    if (current.kind === 'lost') this.state.set({ ...current, retryAt: null });
    const socket = this.createSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      this.everOpened = true;
      this.attempt = 0;
      this.state.set({ kind: 'open' });
    });
    socket.addEventListener('message', (event: MessageEvent) => {
      if (this.socket !== socket || typeof event.data !== 'string') return;
      let message: ServerMessage;
      try {
        message = JSON.parse(event.data) as ServerMessage;
      } catch {
        return;
      }
      for (const listener of [...this.messageListeners]) listener(message);
    });
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      for (const listener of [...this.closeListeners]) listener('the connection to core was lost');
      this.scheduleRetry();
    });
  }

  private scheduleRetry(): void {
    const wait = this.delay(this.attempt);
    this.attempt += 1;
    this.state.set({ kind: 'lost', attempt: this.attempt, retryAt: Date.now() + wait, everOpened: this.everOpened });
    this.timer = setTimeout(() => {
      this.timer = null;
      this.dial();
    }, wait);
  }
}

/** A transport for web mode opened without its token: it never connects. */
export class MissingTokenTransport implements ClientTransport, ConnectionStatus {
  send(): void {
    throw new Error('no access token');
  }
  onMessage(): () => void {
    return () => undefined;
  }
  getState(): ConnectionState {
    return { kind: 'unusable', reason: 'missing-token' };
  }
  subscribe(): () => void {
    return () => undefined;
  }
  retryNow(): void {}
}
