/**
 * The preload's side of the renderer ↔ core channel, kept free of Electron so it can be
 * tested directly. The preload feeds it the MessagePort and the shell's events from IPC;
 * the page reaches it only through the three members of `window.incubatorBridge`.
 *
 * Everything the page sends is checked here, before it reaches core: only well-formed calls
 * to methods of the API pass. Core validates every input again; this check keeps the port
 * from being a general-purpose pipe into the core process.
 */
import { SHELL_EVENTS, type CoreStatusPayload, type MenuEventPayload } from '../shared/api/bridge.js';
import { isMethod } from '../shared/api/index.js';
import { isCallMessage, type CallMessage, type ServerMessage } from '../shared/api/protocol.js';

/** The part of a DOM MessagePort used here. */
export interface BridgePort {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  start(): void;
  close(): void;
}

type Listener = (message: ServerMessage) => void;

/** Calls held while there is no port (before the first one arrives, or while core restarts). */
export const MAX_QUEUED_CALLS = 1000;

function isServerMessage(value: unknown): value is ServerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.type === 'result') return typeof v.id === 'number' && typeof v.ok === 'boolean';
  if (v.type === 'event') return typeof v.name === 'string';
  return false;
}

function unavailable(id: number, message: string): ServerMessage {
  return { type: 'result', id, ok: false, error: { code: 'unavailable', message } };
}

export class CoreBridge {
  private port: BridgePort | null = null;
  private readonly queue: CallMessage[] = [];
  /** Ids posted to the current port and not answered yet. */
  private readonly inFlight = new Set<number>();
  private readonly listeners = new Set<Listener>();
  private stoppedReason: string | null = null;
  private restarting = false;

  constructor(private readonly log: (message: string, error?: unknown) => void = () => {}) {}

  send(message: unknown): void {
    if (!isCallMessage(message)) throw new TypeError('incubatorBridge.send: expected {type: "call", id, method, input}');
    if (!isMethod(message.method))
      throw new TypeError(`incubatorBridge.send: unknown method ${JSON.stringify(message.method.slice(0, 80))}`);
    if (this.inFlight.has(message.id) || this.queue.some((queued) => queued.id === message.id)) {
      throw new TypeError(`incubatorBridge.send: call id ${message.id} is already waiting for its answer`);
    }
    // A fresh object: nothing but these four fields travels to core.
    const call: CallMessage = { type: 'call', id: message.id, method: message.method, input: message.input };

    if (this.stoppedReason !== null) {
      this.answerLater(unavailable(call.id, this.stoppedReason));
      return;
    }
    if (!this.port) {
      if (this.queue.length >= MAX_QUEUED_CALLS) throw new Error('Core is not connected yet and too many calls are waiting');
      this.queue.push(call);
      return;
    }
    this.post(this.port, call);
  }

  subscribe(listener: unknown): () => void {
    if (typeof listener !== 'function') throw new TypeError('incubatorBridge.subscribe: expected a function');
    const fn = listener as Listener;
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  }

  /** A port to core arrived from the main process (first start, or after a restart). */
  attachPort(port: BridgePort): void {
    if (this.stoppedReason !== null) {
      port.close();
      return;
    }
    this.detachPort();
    this.port = port;
    port.onmessage = (event) => this.receive(event.data);
    port.start();
    for (const call of this.queue.splice(0)) this.post(port, call);
    if (this.restarting) {
      this.restarting = false;
      this.emitEvent(SHELL_EVENTS.core, { state: 'restarted' } satisfies CoreStatusPayload);
    }
  }

  /** The main process reports that core died (and is restarting) or is gone for good. */
  coreStatus(payload: unknown): void {
    if (typeof payload !== 'object' || payload === null) return;
    const { state, reason } = payload as { state?: unknown; reason?: unknown };
    const why = typeof reason === 'string' ? reason : 'core stopped';
    if (state === 'restarting') {
      this.detachPort();
      this.failInFlight(`Core stopped unexpectedly and is restarting (${why}); try again.`);
      this.restarting = true;
      this.emitEvent(SHELL_EVENTS.core, { state: 'restarting', reason: why } satisfies CoreStatusPayload);
    } else if (state === 'stopped') {
      this.detachPort();
      this.stoppedReason = `Core is not running (${why}). Restart Incubator Desk.`;
      this.failInFlight(this.stoppedReason);
      for (const call of this.queue.splice(0)) this.answerLater(unavailable(call.id, this.stoppedReason));
      this.emitEvent(SHELL_EVENTS.core, { state: 'stopped', reason: why } satisfies CoreStatusPayload);
    }
  }

  /** The user picked a menu item the UI acts on. */
  menuEvent(payload: unknown): void {
    if (typeof payload !== 'object' || payload === null || typeof (payload as { action?: unknown }).action !== 'string') return;
    this.emitEvent(SHELL_EVENTS.menu, payload as MenuEventPayload);
  }

  private post(port: BridgePort, call: CallMessage): void {
    // postMessage throws (DataCloneError) for inputs that cannot be cloned; the caller sees it.
    port.postMessage(call);
    this.inFlight.add(call.id);
  }

  private receive(data: unknown): void {
    if (!isServerMessage(data)) {
      this.log('Dropped a malformed message from core');
      return;
    }
    if (data.type === 'result') this.inFlight.delete(data.id);
    this.emit(data);
  }

  private detachPort(): void {
    if (!this.port) return;
    this.port.onmessage = null;
    this.port.close();
    this.port = null;
  }

  private failInFlight(message: string): void {
    const ids = [...this.inFlight];
    this.inFlight.clear();
    for (const id of ids) this.emit(unavailable(id, message));
  }

  /** Answers asynchronously, as core would: the caller has not registered its promise yet. */
  private answerLater(message: ServerMessage): void {
    void Promise.resolve().then(() => this.emit(message));
  }

  private emitEvent(name: string, payload: unknown): void {
    this.emit({ type: 'event', name, payload });
  }

  private emit(message: ServerMessage): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(message);
      } catch (error) {
        this.log('An incubatorBridge listener threw', error);
      }
    }
  }
}
