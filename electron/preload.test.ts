/**
 * Loads the real preload script with a mocked `electron`, then drives it the way the main
 * process and the page would.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IncubatorBridge } from '../shared/api/bridge.js';
import type { ServerMessage } from '../shared/api/protocol.js';
import { MAX_QUEUED_CALLS } from './core-bridge.js';

type IpcListener = (event: { ports: unknown[] }, ...args: unknown[]) => void;

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  ipcListeners: new Map<string, (event: { ports: unknown[] }, ...args: unknown[]) => void>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api),
  },
  ipcRenderer: {
    on: (channel: string, listener: IpcListener) => electron.ipcListeners.set(channel, listener),
  },
}));

class FakePort {
  posted: unknown[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  started = false;
  closed = false;
  postMessage(message: unknown): void {
    if (this.closed) throw new Error('port closed');
    this.posted.push(structuredClone(message));
  }
  start(): void {
    this.started = true;
  }
  close(): void {
    this.closed = true;
  }
  /** Core answering. */
  reply(message: unknown): void {
    this.onmessage?.({ data: message });
  }
}

async function loadPreload(): Promise<IncubatorBridge> {
  vi.resetModules();
  electron.exposed.clear();
  electron.ipcListeners.clear();
  await import('./preload.js');
  return electron.exposed.get('incubatorBridge') as IncubatorBridge;
}

function ipc(channel: string, ...args: unknown[]): void {
  const listener = electron.ipcListeners.get(channel);
  if (!listener) throw new Error(`no listener on ${channel}`);
  listener({ ports: [] }, ...args);
}

function deliverPort(port: FakePort): void {
  const listener = electron.ipcListeners.get('core-port');
  if (!listener) throw new Error('no core-port listener');
  listener({ ports: [port] });
}

const call = (id: number, method = 'auth.status', input: unknown = {}) => ({ type: 'call' as const, id, method, input });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

let bridge: IncubatorBridge;
let received: ServerMessage[];

beforeEach(async () => {
  bridge = await loadPreload();
  received = [];
  bridge.subscribe((message) => received.push(message));
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('what the preload exposes', () => {
  it('exposes exactly one key, incubatorBridge, with exactly send, subscribe and platform', () => {
    expect([...electron.exposed.keys()]).toEqual(['incubatorBridge']);
    expect(Object.keys(bridge).sort()).toEqual(['platform', 'send', 'subscribe']);
    expect(typeof bridge.send).toBe('function');
    expect(typeof bridge.subscribe).toBe('function');
    expect(bridge.platform).toEqual({ kind: 'electron', os: process.platform });
  });

  it('exposes nothing of Electron or Node and cannot be changed by the page', () => {
    const values = Object.values(bridge as unknown as Record<string, unknown>);
    expect(
      values.every(
        (v) =>
          typeof v === 'function' || (typeof v === 'object' && Object.keys(v as object).every((k) => ['kind', 'os'].includes(k))),
      ),
    ).toBe(true);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.platform)).toBe(true);
  });

  it('listens only on its three IPC channels', () => {
    expect([...electron.ipcListeners.keys()].sort()).toEqual(['core-port', 'core-status', 'menu']);
  });
});

describe('send', () => {
  it('refuses calls to methods the API does not have', () => {
    deliverPort(new FakePort());
    expect(() => bridge.send(call(1, 'db.exec'))).toThrow(TypeError);
    expect(() => bridge.send(call(2, '__proto__'))).toThrow(TypeError);
    expect(() => bridge.send(call(3, 'toString'))).toThrow(TypeError);
  });

  it.each([
    ['null', null],
    ['a string', 'auth.status'],
    ['a result message', { type: 'result', id: 1, ok: true, value: 1 }],
    ['no id', { type: 'call', method: 'auth.status', input: {} }],
    ['a fractional id', { type: 'call', id: 1.5, method: 'auth.status', input: {} }],
    ['a string id', { type: 'call', id: '1', method: 'auth.status', input: {} }],
    ['a non-string method', { type: 'call', id: 1, method: 42, input: {} }],
  ])('refuses a malformed message: %s', (_label, message) => {
    const port = new FakePort();
    deliverPort(port);
    expect(() => bridge.send(message as never)).toThrow(TypeError);
    expect(port.posted).toEqual([]);
  });

  it('posts known calls to core, carrying only the call fields', () => {
    const port = new FakePort();
    deliverPort(port);
    bridge.send({ ...call(7, 'auth.status', { a: 1 }), extra: 'dropped' } as never);
    expect(port.posted).toEqual([{ type: 'call', id: 7, method: 'auth.status', input: { a: 1 } }]);
    expect(port.started).toBe(true);
  });

  it('queues calls sent before the port arrives and flushes them in order when it does', () => {
    bridge.send(call(1));
    bridge.send(call(2, 'auth.signIn', { email: 'a@b.pk', password: 'x' }));
    const port = new FakePort();
    deliverPort(port);
    expect(port.posted.map((m) => (m as { id: number }).id)).toEqual([1, 2]);
    bridge.send(call(3));
    expect(port.posted).toHaveLength(3);
  });

  it('refuses a second call with the id of one still waiting', () => {
    bridge.send(call(1));
    expect(() => bridge.send(call(1))).toThrow(/already waiting/);
  });

  it('bounds the queue while core is not connected', () => {
    for (let id = 1; id <= MAX_QUEUED_CALLS; id++) bridge.send(call(id));
    expect(() => bridge.send(call(MAX_QUEUED_CALLS + 1))).toThrow(/too many/);
  });
});

describe('subscribe', () => {
  it("delivers core's results and events, and stops after unsubscribe", () => {
    const port = new FakePort();
    deliverPort(port);
    const mine: ServerMessage[] = [];
    const off = bridge.subscribe((m) => mine.push(m));
    port.reply({ type: 'result', id: 1, ok: true, value: 42 });
    port.reply({ type: 'event', name: 'data.changed', payload: { tables: ['startups'] } });
    off();
    port.reply({ type: 'event', name: 'data.changed', payload: { tables: ['mentors'] } });
    expect(mine).toEqual([
      { type: 'result', id: 1, ok: true, value: 42 },
      { type: 'event', name: 'data.changed', payload: { tables: ['startups'] } },
    ]);
  });

  it('drops malformed messages from the port', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const port = new FakePort();
    deliverPort(port);
    port.reply('garbage');
    port.reply({ type: 'result', id: 'x' });
    expect(received).toEqual([]);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => bridge.subscribe('nope' as never)).toThrow(TypeError);
  });

  it('keeps delivering when one listener throws', () => {
    const port = new FakePort();
    deliverPort(port);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    bridge.subscribe(() => {
      throw new Error('boom');
    });
    port.reply({ type: 'result', id: 1, ok: true, value: 1 });
    expect(received).toHaveLength(1);
  });
});

describe('shell events', () => {
  it('delivers menu picks as app.menu events', () => {
    ipc('menu', { action: 'show-shortcuts' });
    ipc('menu', { action: 'backup' });
    ipc('menu', 'junk');
    expect(received).toEqual([
      { type: 'event', name: 'app.menu', payload: { action: 'show-shortcuts' } },
      { type: 'event', name: 'app.menu', payload: { action: 'backup' } },
    ]);
  });

  it('when core restarts: fails waiting calls, holds new ones, and resumes on the new port', async () => {
    const first = new FakePort();
    deliverPort(first);
    bridge.send(call(1));
    bridge.send(call(2));
    first.reply({ type: 'result', id: 2, ok: true, value: null });

    ipc('core-status', { state: 'restarting', reason: 'core exited with code 9' });
    expect(first.closed).toBe(true);
    expect(received).toContainEqual(
      expect.objectContaining({ type: 'result', id: 1, ok: false, error: expect.objectContaining({ code: 'unavailable' }) }),
    );
    expect(received.filter((m) => m.type === 'result' && m.id === 2)).toHaveLength(1);
    expect(received).toContainEqual({
      type: 'event',
      name: 'app.core',
      payload: { state: 'restarting', reason: 'core exited with code 9' },
    });

    bridge.send(call(3));
    const second = new FakePort();
    deliverPort(second);
    expect(second.posted).toEqual([call(3)]);
    expect(received).toContainEqual({ type: 'event', name: 'app.core', payload: { state: 'restarted' } });
    await flush();
  });

  it('when core is gone for good: fails waiting and queued calls and answers new ones with unavailable', async () => {
    bridge.send(call(1));
    ipc('core-status', { state: 'stopped', reason: 'core exited with code 1' });
    bridge.send(call(2));
    await flush();
    const failed = received.filter((m) => m.type === 'result' && !m.ok).map((m) => (m as { id: number }).id);
    expect(failed.sort()).toEqual([1, 2]);
    expect(received).toContainEqual({
      type: 'event',
      name: 'app.core',
      payload: { state: 'stopped', reason: 'core exited with code 1' },
    });
    const late = new FakePort();
    deliverPort(late);
    expect(late.closed).toBe(true);
  });
});
