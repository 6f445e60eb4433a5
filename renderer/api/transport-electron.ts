/**
 * The desktop app's transport: the preload script exposes `window.incubatorBridge`
 * (shared/api/bridge.ts), which carries messages over the MessagePort the main process
 * brokered to core. Besides core's messages the bridge delivers the shell's own events:
 * `app.core` (core crashed and restarts, or stopped) drives the connection state, and
 * `app.menu` reaches the UI through `onMenu`.
 */
import { SHELL_EVENTS, type CoreStatusPayload, type IncubatorBridge, type MenuEventPayload } from '../../shared/api/bridge.js';
import type { CallMessage, ClientTransport, ServerMessage } from '../../shared/api/protocol.js';
import { Observable, type ConnectionState, type ConnectionStatus } from './connection-state.js';

/** The bridge, when the page runs inside the desktop app. */
export function findElectronBridge(): IncubatorBridge | null {
  const bridge = (window as unknown as { incubatorBridge?: IncubatorBridge }).incubatorBridge;
  return bridge && typeof bridge.send === 'function' && typeof bridge.subscribe === 'function' ? bridge : null;
}

export interface ShellEvents {
  onMenu(listener: (payload: MenuEventPayload) => void): () => void;
}

export class ElectronTransport implements ClientTransport, ConnectionStatus, ShellEvents {
  private readonly state = new Observable<ConnectionState>({ kind: 'open' });
  private readonly messageListeners = new Set<(message: ServerMessage) => void>();
  private readonly closeListeners = new Set<(reason: string) => void>();
  private readonly menuListeners = new Set<(payload: MenuEventPayload) => void>();

  constructor(private readonly bridge: IncubatorBridge) {
    bridge.subscribe((message) => this.receive(message));
  }

  send(message: CallMessage): void {
    if (this.state.get().kind !== 'open') throw new Error('core is not running');
    this.bridge.send(message);
  }

  onMessage(listener: (message: ServerMessage) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  onClose(listener: (reason: string) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  onMenu(listener: (payload: MenuEventPayload) => void): () => void {
    this.menuListeners.add(listener);
    return () => this.menuListeners.delete(listener);
  }

  getState(): ConnectionState {
    return this.state.get();
  }

  subscribe(listener: () => void): () => void {
    return this.state.subscribe(listener);
  }

  retryNow(): void {
    // The main process restarts core by itself; there is nothing to redial from here.
  }

  private receive(message: ServerMessage): void {
    if (message.type === 'event' && message.name === SHELL_EVENTS.core) {
      this.coreStatus(message.payload as CoreStatusPayload);
    } else if (message.type === 'event' && message.name === SHELL_EVENTS.menu) {
      for (const listener of [...this.menuListeners]) listener(message.payload as MenuEventPayload);
    } else {
      for (const listener of [...this.messageListeners]) listener(message);
    }
  }

  private coreStatus(status: CoreStatusPayload): void {
    if (status.state === 'restarting') {
      for (const listener of [...this.closeListeners]) listener(status.reason);
      this.state.set({ kind: 'lost', attempt: 1, retryAt: null, everOpened: true });
    } else if (status.state === 'restarted') {
      this.state.set({ kind: 'open' });
    } else {
      for (const listener of [...this.closeListeners]) listener(status.reason);
      this.state.set({ kind: 'unusable', reason: 'core-stopped', detail: status.reason });
    }
  }
}
