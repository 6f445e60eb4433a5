import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CoreSupervisor, type CoreChild, type PortLike } from './core-supervisor.js';

class FakeChild extends EventEmitter implements CoreChild {
  posted: { message: unknown; transfer?: PortLike[] }[] = [];
  killed = false;
  postMessage(message: unknown, transfer?: PortLike[]): void {
    this.posted.push({ message, transfer });
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
}

class FakePort implements PortLike {
  closed = false;
  close(): void {
    this.closed = true;
  }
}

function setup(maxRestarts?: number) {
  const children: FakeChild[] = [];
  const events: string[] = [];
  const supervisor = new CoreSupervisor({
    fork: () => {
      const child = new FakeChild();
      children.push(child);
      return child;
    },
    maxRestarts,
    onRestarting: (reason) => events.push(`restarting: ${reason}`),
    onRestarted: () => events.push('restarted'),
    onStopped: (reason) => events.push(`stopped: ${reason}`),
  });
  return { supervisor, children, events, latest: () => children[children.length - 1]! };
}

describe('CoreSupervisor', () => {
  it('holds ports until core has spawned, then hands them over', () => {
    const { supervisor, latest } = setup();
    supervisor.start();
    const port = new FakePort();
    expect(supervisor.connect(port)).toBe(true);
    expect(latest().posted).toEqual([]);
    latest().emit('spawn');
    expect(latest().posted).toEqual([{ message: { type: 'connect' }, transfer: [port] }]);
  });

  it('posts ports straight away once core runs', () => {
    const { supervisor, latest } = setup();
    supervisor.start();
    latest().emit('spawn');
    const port = new FakePort();
    supervisor.connect(port);
    expect(latest().posted[0]?.transfer).toEqual([port]);
  });

  it('refuses ports before start', () => {
    const { supervisor } = setup();
    const port = new FakePort();
    expect(supervisor.connect(port)).toBe(false);
    expect(port.closed).toBe(true);
  });

  it('restarts core once after a crash, then stays down', () => {
    const { supervisor, children, events, latest } = setup();
    supervisor.start();
    latest().emit('spawn');
    latest().emit('exit', 134);
    expect(children).toHaveLength(2);
    expect(events).toEqual(['restarting: core exited with code 134', 'restarted']);

    latest().emit('spawn');
    latest().emit('exit', 1);
    expect(children).toHaveLength(2);
    expect(events).toEqual(['restarting: core exited with code 134', 'restarted', 'stopped: core exited with code 1']);
    expect(supervisor.isStopped).toBe(true);

    const port = new FakePort();
    expect(supervisor.connect(port)).toBe(false);
    expect(port.closed).toBe(true);
  });

  it('closes ports that were waiting for a core that died before spawning', () => {
    const { supervisor, latest } = setup();
    supervisor.start();
    const port = new FakePort();
    supervisor.connect(port);
    latest().emit('exit', 1);
    expect(port.closed).toBe(true);
  });

  it('does not restart a core stopped on purpose', () => {
    const { supervisor, children, events, latest } = setup();
    supervisor.start();
    latest().emit('spawn');
    supervisor.stop();
    expect(latest().killed).toBe(true);
    latest().emit('exit', 0);
    expect(children).toHaveLength(1);
    expect(events).toEqual([]);
    expect(supervisor.isStopped).toBe(true);
  });

  it('ignores events from a core it already replaced', () => {
    const { supervisor, children, events } = setup();
    supervisor.start();
    const first = children[0]!;
    first.emit('exit', 9);
    first.emit('exit', 9);
    first.emit('spawn');
    expect(children).toHaveLength(2);
    expect(events).toEqual(['restarting: core exited with code 9', 'restarted']);
  });

  it('can be allowed more restarts', () => {
    const { supervisor, children, latest } = setup(3);
    supervisor.start();
    for (let i = 0; i < 3; i++) latest().emit('exit', 1);
    expect(children).toHaveLength(4);
    latest().emit('exit', 1);
    expect(children).toHaveLength(4);
    expect(supervisor.isStopped).toBe(true);
  });
});
