/**
 * The wire messages between a client (renderer, CLI, test) and core. The same messages
 * travel over every transport: Electron MessagePort, WebSocket on loopback, or in-process.
 */
import type { ApiError } from './errors.js';

export interface CallMessage {
  type: 'call';
  id: number;
  method: string;
  input: unknown;
}
export type ResultMessage =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: ApiError };
export interface EventMessage {
  type: 'event';
  name: string;
  payload: unknown;
}
export type ServerMessage = ResultMessage | EventMessage;

/** A bidirectional message channel as seen from the client side. */
export interface ClientTransport {
  send(message: CallMessage): void;
  onMessage(listener: (message: ServerMessage) => void): () => void;
  /** Called when the channel is gone for good (core exited, socket closed). */
  onClose?(listener: (reason: string) => void): () => void;
}

export function isCallMessage(value: unknown): value is CallMessage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.type === 'call' && typeof v.id === 'number' && Number.isSafeInteger(v.id) && typeof v.method === 'string';
}
