import { describe, expect, it } from 'vitest';
import { WriteGate } from './write-gate.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('WriteGate', () => {
  it('runs one exclusive writer at a time, even when two wake together', async () => {
    const gate = new WriteGate();
    const log: string[] = [];
    const writer = (name: string) =>
      gate.exclusive(async () => {
        log.push(`${name} start`);
        await tick();
        log.push(`${name} end`);
      });
    await Promise.all([writer('a'), writer('b'), writer('c')]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('lets an exclusive writer wait for running syncs, and holds new ones and calls until it ends', async () => {
    const gate = new WriteGate();
    const log: string[] = [];
    let finishSync!: () => void;
    const sync = gate.shared(async () => {
      log.push('sync start');
      await new Promise<void>((resolve) => (finishSync = resolve));
      log.push('sync end');
    });
    const write = gate.exclusive(async () => {
      log.push('write start');
      await tick();
      log.push('write end');
    });
    await tick();
    expect(gate.busy).toBe(true);
    const call = gate.whenOpen().then(() => log.push('call'));
    const laterSync = gate.shared(async () => void log.push('later sync'));
    await tick();
    expect(log).toEqual(['sync start']);
    finishSync();
    await Promise.all([sync, write, call, laterSync]);
    expect(log.slice(0, 4)).toEqual(['sync start', 'sync end', 'write start', 'write end']);
    expect(log.slice(4).sort()).toEqual(['call', 'later sync']);
    expect(gate.busy).toBe(false);
  });

  it('opens again when the writer fails', async () => {
    const gate = new WriteGate();
    await expect(gate.exclusive(async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(gate.busy).toBe(false);
    await expect(gate.shared(async () => 'ran')).resolves.toBe('ran');
  });
});
