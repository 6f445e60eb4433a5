/**
 * The in-process transport: the same messages as the port and WebSocket transports, passed
 * by function call. Used by unit tests, the CLI and the bench, so they exercise the exact
 * path the UI uses (validation, permissions, transactions).
 */
import { ApiClient } from '../../shared/api/client.js';
import type { ClientTransport, ServerMessage } from '../../shared/api/protocol.js';
import type { Connection, Core } from './core.js';

export function connectInProcess(core: Core): { client: ApiClient; connection: Connection } {
  const listeners = new Set<(m: ServerMessage) => void>();
  // Round-trip through JSON like a real transport, so nothing non-serialisable leaks.
  const connection = core.connect((message) => {
    const copy = JSON.parse(JSON.stringify(message)) as ServerMessage;
    for (const l of listeners) l(copy);
  });
  const transport: ClientTransport = {
    send(message) {
      void connection.receive(JSON.parse(JSON.stringify(message)));
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { client: new ApiClient(transport), connection };
}
