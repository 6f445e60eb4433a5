/**
 * Picks the transport for where the page runs — the desktop app's bridge, or web mode's
 * WebSocket — and makes the one ApiClient the UI uses.
 */
import { ApiClient } from '../../shared/api/client.js';
import type { ClientTransport } from '../../shared/api/protocol.js';
import type { ConnectionStatus } from './connection-state.js';
import { ElectronTransport, findElectronBridge, type ShellEvents } from './transport-electron.js';
import { MissingTokenTransport, WebSocketTransport } from './transport-websocket.js';
import { takeWebToken, webSocketUrl } from './web-token.js';

export interface CoreConnection {
  client: ApiClient;
  status: ConnectionStatus;
  platform: 'electron' | 'web';
  /** The desktop shell's events (application menu); null in web mode. */
  shell: ShellEvents | null;
}

export function connectToCore(): CoreConnection {
  const bridge = findElectronBridge();
  let transport: ClientTransport & ConnectionStatus;
  let shell: ShellEvents | null = null;
  if (bridge) {
    const electron = new ElectronTransport(bridge);
    transport = electron;
    shell = electron;
  } else {
    const token = takeWebToken();
    transport = token ? new WebSocketTransport(webSocketUrl(token)) : new MissingTokenTransport();
  }
  return { client: new ApiClient(transport), status: transport, platform: bridge ? 'electron' : 'web', shell };
}
