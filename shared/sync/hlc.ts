/**
 * Hybrid logical clock. A stamp is `<13-digit ms>-<4-hex counter>-<16-hex node id>`, so
 * stamps compare correctly as plain strings and the node id breaks ties between devices.
 */
export const HLC_PATTERN = /^\d{13}-[0-9a-f]{4}-[0-9a-f]{16}$/;
const MAX_COUNTER = 0xffff;

export interface HlcParts {
  millis: number;
  counter: number;
  node: string;
}

export function formatHlc({ millis, counter, node }: HlcParts): string {
  return `${String(millis).padStart(13, '0')}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function parseHlc(stamp: string): HlcParts {
  if (!HLC_PATTERN.test(stamp)) throw new Error(`Not an HLC stamp: ${stamp}`);
  return { millis: Number(stamp.slice(0, 13)), counter: parseInt(stamp.slice(14, 18), 16), node: stamp.slice(19) };
}

export class ClockDriftError extends Error {}

/**
 * A clock for one node. `now()` stamps a local event; `receive()` folds in a remote stamp
 * so that later local stamps sort after it. `maxDriftMs` refuses to follow a remote clock
 * that is far ahead of ours (a wedged clock would otherwise win every future conflict).
 */
export class HybridLogicalClock {
  private last: HlcParts;

  constructor(
    readonly node: string,
    private readonly wallClock: () => number = Date.now,
    lastStamp?: string,
    private readonly maxDriftMs = 24 * 60 * 60 * 1000,
  ) {
    if (!/^[0-9a-f]{16}$/.test(node)) throw new Error(`HLC node id must be 16 hex digits: ${node}`);
    this.last = lastStamp ? { ...parseHlc(lastStamp), node } : { millis: 0, counter: 0, node };
  }

  now(): string {
    const wall = this.wallClock();
    if (wall > this.last.millis) this.last = { millis: wall, counter: 0, node: this.node };
    else this.bump();
    return formatHlc(this.last);
  }

  receive(stamp: string): void {
    const remote = parseHlc(stamp);
    const wall = this.wallClock();
    if (remote.millis - wall > this.maxDriftMs) {
      throw new ClockDriftError(`Remote clock is ${Math.round((remote.millis - wall) / 1000)} s ahead of ours`);
    }
    if (remote.millis > this.last.millis) this.last = { millis: remote.millis, counter: remote.counter, node: this.node };
    else if (remote.millis === this.last.millis && remote.counter > this.last.counter) this.last.counter = remote.counter;
  }

  lastStamp(): string {
    return formatHlc(this.last);
  }

  private bump(): void {
    if (this.last.counter >= MAX_COUNTER) {
      // Counter exhausted within one millisecond: borrow the next millisecond.
      this.last = { millis: this.last.millis + 1, counter: 0, node: this.node };
    } else {
      this.last = { ...this.last, counter: this.last.counter + 1 };
    }
  }
}
