/**
 * A network between workstations and the sync server that misbehaves on purpose, driven by
 * a seeded PRNG so a run can be replayed. Each workstation gets a `DeviceLink` whose `fetch`
 * it uses instead of the real one (Core's `syncFetch`). What a request can meet:
 *
 * - offline: the link is down; every request throws like fetch does (TypeError).
 * - drop: thrown before anything is sent.
 * - lost-response: sent, the server answers (and commits), then the answer is lost (throws).
 * - duplicate: sent twice at once; the caller sees one of the answers.
 * - delay: not sent now (the caller sees a failure); a copy arrives at the server later,
 *   just before some later request of any device. Only pushes (their bodies are strings,
 *   so they can be sent again); the late answer is ignored.
 * - late-copy: sent normally, and a copy is also delivered later, as above.
 * - synthetic-503: a proxy's 503 without reaching the server.
 * - forward-500: reaches the server (which commits), but the caller gets a 500.
 * - cut-body: reaches the server, but the answer's body breaks off part-way.
 *
 * Real answers of status ≥ 500 from the server itself are recorded in `serverErrors`: the
 * protocol promises never a 5xx for anything a client sends, so a test asserts there are none.
 * Enrolment (`/v1/enrol`) is never faulted: its one-time code is consumed by the first try.
 */

export type Fault =
  'offline' | 'drop' | 'lost-response' | 'duplicate' | 'delay' | 'late-copy' | 'synthetic-503' | 'forward-500' | 'cut-body';

/** Per-request probabilities of each fault (while faults are on). */
export type FaultRates = Partial<Record<Exclude<Fault, 'offline'>, number>>;

export const DEFAULT_RATES: Required<FaultRates> = {
  drop: 0.04,
  'lost-response': 0.05,
  duplicate: 0.05,
  delay: 0.04,
  'late-copy': 0.04,
  'synthetic-503': 0.03,
  'forward-500': 0.03,
  'cut-body': 0.04,
};

/** Only pushes are held back for late delivery. */
const REPLAYABLE = '/v1/sync/push';
const NEVER_FAULTED = '/v1/enrol';

/** sfc32, seeded through splitmix32: small, fast and good enough for test choices. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  const next32 = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = next32();
  let b = next32();
  let c = next32();
  let d = next32();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

interface HeldRequest {
  from: string;
  url: string;
  init: RequestInit;
}

function unreachable(what: string): TypeError {
  // What undici's fetch throws when the connection fails.
  return new TypeError(`fetch failed (${what})`, { cause: new Error(what) });
}

const pathOf = (url: string) => new URL(url).pathname;

export class FaultyNetwork {
  /** Faults happen only while this is on; `heal()` turns it off and brings every link up. */
  faultsOn = true;
  /** Scales every fault rate: 0 is a calm network, 1 the given rates, 2 a storm. */
  intensity = 1;
  readonly links: DeviceLink[] = [];
  /** Every fault that happened, by kind. */
  readonly counts: Record<Fault | 'ok' | 'replayed', number> = {
    ok: 0,
    offline: 0,
    drop: 0,
    'lost-response': 0,
    duplicate: 0,
    delay: 0,
    'late-copy': 0,
    'synthetic-503': 0,
    'forward-500': 0,
    'cut-body': 0,
    replayed: 0,
  };
  /** Answers ≥ 500 that the server itself gave (never expected). */
  readonly serverErrors: string[] = [];
  /** Requests that failed below HTTP although no fault was injected (never expected). */
  readonly transportErrors: string[] = [];
  private held: HeldRequest[] = [];

  constructor(
    private readonly seed: number,
    readonly rates: Required<FaultRates> = DEFAULT_RATES,
    readonly log: (line: string) => void = () => {},
  ) {}

  link(name: string): DeviceLink {
    const link = new DeviceLink(this, name, prng(this.seed * 7919 + this.links.length * 104_729 + 1));
    this.links.push(link);
    return link;
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** No more faults, every link up, and every held request delivered. */
  async heal(): Promise<void> {
    this.faultsOn = false;
    for (const link of this.links) link.offline = false;
    await this.flushHeld();
  }

  async flushHeld(): Promise<void> {
    while (this.held.length > 0) await this.deliverHeld(0);
  }

  /** Delivers one held request (ignoring its answer, as a late packet's would be). */
  async deliverHeld(index: number): Promise<void> {
    const [request] = this.held.splice(index, 1);
    if (!request) return;
    this.counts.replayed++;
    this.log(`  net: late delivery of ${request.from}'s ${pathOf(request.url)}`);
    try {
      const response = await this.forward(request.url, request.init);
      await response.arrayBuffer();
    } catch (error) {
      this.transportErrors.push(`late ${request.from} ${pathOf(request.url)}: ${String(error)}`);
    }
  }

  hold(from: string, url: string, init: RequestInit): void {
    // No AbortSignal: the original caller's timeout must not cancel the late copy.
    const { signal: _signal, ...rest } = init;
    this.held.push({ from, url, init: rest });
  }

  /** The real request; records answers ≥ 500 that came from the server itself. */
  async forward(url: string, init: RequestInit | undefined): Promise<Response> {
    const response = await fetch(url, init);
    if (response.status >= 500) {
      const body = await response.clone().text();
      this.serverErrors.push(`${init?.method ?? 'GET'} ${pathOf(url)} → ${response.status} ${body.slice(0, 300)}`);
    }
    return response;
  }
}

export class DeviceLink {
  /** The device is offline: every request fails like a dead connection. */
  offline = false;
  readonly fetch: typeof fetch;

  constructor(
    private readonly network: FaultyNetwork,
    readonly name: string,
    private readonly random: () => number,
  ) {
    this.fetch = (input, init) => this.request(String(input instanceof Request ? input.url : input), init);
  }

  private pick(path: string): Fault | null {
    if (this.offline) return 'offline';
    if (!this.network.faultsOn || path === NEVER_FAULTED) return null;
    let r = this.random();
    for (const [fault, rate] of Object.entries(this.network.rates) as [Exclude<Fault, 'offline'>, number][]) {
      if ((fault === 'delay' || fault === 'late-copy') && path !== REPLAYABLE) continue;
      const scaled = rate * this.network.intensity;
      if (r < scaled) return fault;
      r -= scaled;
    }
    return null;
  }

  private async request(url: string, init: RequestInit | undefined): Promise<Response> {
    const net = this.network;
    const path = pathOf(url);
    const fault = this.pick(path);
    const method = init?.method ?? 'GET';
    if (fault === 'offline') {
      net.counts.offline++;
      throw unreachable('offline');
    }
    // A request held back earlier arrives now, before this one: reordering across devices.
    if (net.faultsOn && net.heldCount > 0 && this.random() < 0.5) {
      await net.deliverHeld(Math.floor(this.random() * net.heldCount));
    }
    net.counts[fault ?? 'ok']++;
    if (fault) this.note(`${fault} on ${method} ${path}`);
    switch (fault) {
      case 'drop':
        throw unreachable('dropped');
      case 'synthetic-503':
        return this.random() < 0.5
          ? new Response('<html><body>503 Service Temporarily Unavailable</body></html>', {
              status: 503,
              headers: { 'content-type': 'text/html' },
            })
          : new Response(JSON.stringify({ error: 'unavailable', message: 'upstream is down' }), {
              status: 503,
              headers: { 'content-type': 'application/json' },
            });
      case 'delay':
        net.hold(this.name, url, init ?? {});
        throw unreachable('timed out (the request is still on its way)');
      case 'late-copy':
        net.hold(this.name, url, init ?? {});
        return net.forward(url, init);
      case 'lost-response': {
        const response = await net.forward(url, init);
        await response.arrayBuffer();
        throw unreachable('connection reset after the server answered');
      }
      case 'duplicate': {
        const [first, second] = await Promise.all([net.forward(url, init), net.forward(url, stripSignal(init))]);
        const [keep, drop] = this.random() < 0.5 ? [first, second] : [second, first];
        await drop.arrayBuffer();
        return keep;
      }
      case 'forward-500': {
        const response = await net.forward(url, init);
        await response.arrayBuffer();
        return new Response(JSON.stringify({ error: 'internal', message: 'The server could not answer; try again later' }), {
          status: 500,
          headers: { 'content-type': 'application/json' },
        });
      }
      case 'cut-body': {
        const response = await net.forward(url, init);
        const bytes = new Uint8Array(await response.arrayBuffer());
        const cut = bytes.length > 1 ? 1 + Math.floor(this.random() * (bytes.length - 1)) : 0;
        let sent = false;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (!sent && cut > 0) {
              sent = true;
              controller.enqueue(bytes.slice(0, cut));
            } else {
              controller.error(new TypeError('terminated: other side closed'));
            }
          },
        });
        const headers = new Headers(response.headers);
        headers.delete('content-length');
        return new Response(body, { status: response.status, headers });
      }
      default:
        try {
          return await net.forward(url, init);
        } catch (error) {
          if (!init?.signal?.aborted) net.transportErrors.push(`${this.name} ${method} ${path}: ${String(error)}`);
          throw error;
        }
    }
  }

  private note(line: string): void {
    this.network.log(`  net ${this.name}: ${line}`);
  }
}

function stripSignal(init: RequestInit | undefined): RequestInit | undefined {
  if (!init) return init;
  const { signal: _signal, ...rest } = init;
  return rest;
}
