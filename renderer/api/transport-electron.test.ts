import { describe, expect, it } from 'vitest';
import type { IncubatorBridge } from '../../shared/api/bridge.js';
import { ApiClient } from '../../shared/api/client.js';
import type { CallMessage, ServerMessage } from '../../shared/api/protocol.js';
import { ElectronTransport } from './transport-electron.js';

function fakeBridge() {
  const listeners = new Set<(m: ServerMessage) => void>();
  const sent: CallMessage[] = [];
  const bridge: IncubatorBridge = {
    send: (m) => void sent.push(m),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    platform: { kind: 'electron', os: 'linux' },
  };
  const emit = (m: ServerMessage) => listeners.forEach((l) => l(m));
  return { bridge, sent, emit };
}

describe('ElectronTransport', () => {
  it('carries calls and results over the bridge', async () => {
    const { bridge, sent, emit } = fakeBridge();
    const client = new ApiClient(new ElectronTransport(bridge));
    const result = client.call('auth.status', {});
    emit({ type: 'result', id: sent[0]!.id, ok: true, value: { initialised: true, centre: null, user: null } });
    await expect(result).resolves.toMatchObject({ initialised: true });
  });

  it('follows core restarts and stops from the shell', async () => {
    const { bridge, sent, emit } = fakeBridge();
    const transport = new ElectronTransport(bridge);
    const client = new ApiClient(transport);
    const pending = client.call('auth.status', {});
    emit({ type: 'event', name: 'app.core', payload: { state: 'restarting', reason: 'crashed' } });
    await expect(pending).rejects.toMatchObject({ error: { code: 'unavailable' } });
    expect(transport.getState()).toMatchObject({ kind: 'lost', everOpened: true });
    await expect(client.call('auth.status', {})).rejects.toMatchObject({ error: { code: 'unavailable' } });
    expect(sent).toHaveLength(1);
    emit({ type: 'event', name: 'app.core', payload: { state: 'restarted' } });
    expect(transport.getState()).toEqual({ kind: 'open' });
    emit({ type: 'event', name: 'app.core', payload: { state: 'stopped', reason: 'gave up' } });
    expect(transport.getState()).toEqual({ kind: 'unusable', reason: 'core-stopped', detail: 'gave up' });
  });

  it('hands menu events to the UI, not to the API client', () => {
    const { bridge, emit } = fakeBridge();
    const transport = new ElectronTransport(bridge);
    const seen: unknown[] = [];
    const apiEvents: unknown[] = [];
    transport.onMenu((p) => seen.push(p));
    transport.onMessage((m) => apiEvents.push(m));
    emit({ type: 'event', name: 'app.menu', payload: { action: 'theme', theme: 'dark' } });
    expect(seen).toEqual([{ action: 'theme', theme: 'dark' }]);
    expect(apiEvents).toEqual([]);
  });
});
