import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../../shared/api/client.js';
import { ApiFailure } from '../../shared/api/errors.js';
import { reconnectDelay, WebSocketTransport } from './transport-websocket.js';

/** Enough of a browser WebSocket for the transport. */
class FakeSocket extends EventTarget {
  readyState = 0;
  sent: string[] = [];
  constructor(readonly url: string) {
    super();
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
    this.dispatchEvent(new Event('close'));
  }
  open() {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  receive(message: unknown) {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(message) }));
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const transport = new WebSocketTransport('ws://127.0.0.1:1/api?token=t', {
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    delay: (attempt) => 100 * (attempt + 1),
  });
  return { transport, sockets, client: new ApiClient(transport) };
}

describe('WebSocketTransport', () => {
  it('connects, carries calls and results, and reports its state', async () => {
    const { transport, sockets, client } = setup();
    expect(transport.getState()).toEqual({ kind: 'connecting' });
    sockets[0]!.open();
    expect(transport.getState()).toEqual({ kind: 'open' });
    const result = client.call('auth.status', {});
    const sent = JSON.parse(sockets[0]!.sent[0]!) as { id: number; method: string };
    expect(sent.method).toBe('auth.status');
    sockets[0]!.receive({ type: 'result', id: sent.id, ok: true, value: { initialised: false, centre: null, user: null } });
    await expect(result).resolves.toEqual({ initialised: false, centre: null, user: null });
  });

  it('fails calls in flight when the socket drops, then redials with growing pauses', async () => {
    vi.useFakeTimers();
    try {
      const { transport, sockets, client } = setup();
      sockets[0]!.open();
      const pending = client.call('auth.status', {});
      sockets[0]!.close();
      await expect(pending).rejects.toBeInstanceOf(ApiFailure);
      await expect(pending).rejects.toMatchObject({ error: { code: 'unavailable' } });
      expect(transport.getState()).toMatchObject({ kind: 'lost', attempt: 1, everOpened: true });
      // While lost, a call fails at once instead of waiting.
      await expect(client.call('auth.status', {})).rejects.toMatchObject({ error: { code: 'unavailable' } });

      vi.advanceTimersByTime(100);
      expect(sockets).toHaveLength(2);
      sockets[1]!.close();
      expect(transport.getState()).toMatchObject({ kind: 'lost', attempt: 2 });
      vi.advanceTimersByTime(199);
      expect(sockets).toHaveLength(2);
      vi.advanceTimersByTime(1);
      expect(sockets).toHaveLength(3);
      sockets[2]!.open();
      expect(transport.getState()).toEqual({ kind: 'open' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('retryNow skips the wait', () => {
    vi.useFakeTimers();
    try {
      const { transport, sockets } = setup();
      sockets[0]!.close();
      expect(transport.getState()).toMatchObject({ kind: 'lost', everOpened: false });
      transport.retryNow();
      expect(sockets).toHaveLength(2);
      expect(transport.getState()).toMatchObject({ kind: 'lost', retryAt: null });
    } finally {
      vi.useRealTimers();
    }
  });

  it('backs off up to 15 s with jitter', () => {
    expect(reconnectDelay(0, () => 0.5)).toBe(500);
    expect(reconnectDelay(50, () => 0.5)).toBe(15000);
    expect(reconnectDelay(0, () => 0)).toBe(400);
    expect(reconnectDelay(0, () => 1)).toBe(600);
  });
});
