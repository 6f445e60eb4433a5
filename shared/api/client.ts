/**
 * The typed client: `client.call('startups.create', {...})` returns the call's output type,
 * or rejects with an ApiFailure carrying the typed error. Jobs: `client.runJob(...)` waits
 * for the job's result and reports progress.
 */
import { ApiFailure } from './errors.js';
import type { EventName, EventPayload, InputOf, Method, OutputOf } from './index.js';
import type { ClientTransport, ServerMessage } from './protocol.js';

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Listener = (payload: unknown) => void;

export interface JobProgress {
  done: number;
  total: number | null;
  message?: string;
  /** What the job is doing now (import: reading, checking, writing). */
  phase?: string;
  rowsPerSecond?: number;
}

export class ApiClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(private readonly transport: ClientTransport) {
    transport.onMessage((message) => this.receive(message));
    transport.onClose?.((reason) => {
      for (const p of this.pending.values()) {
        p.reject(new ApiFailure({ code: 'unavailable', message: `The connection to core closed: ${reason}` }));
      }
      this.pending.clear();
    });
  }

  call<M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
    const id = this.nextId++;
    return new Promise<OutputOf<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      try {
        this.transport.send({ type: 'call', id, method, input });
      } catch (error) {
        this.pending.delete(id);
        reject(new ApiFailure({ code: 'unavailable', message: `Could not reach core: ${String(error)}` }));
      }
    });
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  }

  /** Starts a job call and resolves with its result; `onProgress` sees each progress event. */
  async runJob<M extends Method>(
    method: M,
    input: InputOf<M>,
    opts: { onProgress?: (p: JobProgress) => void; onStarted?: (jobId: string) => void } = {},
  ): Promise<OutputOf<M>> {
    // Listen before starting, so that a fast job's events are not missed.
    const early: ServerMessage[] = [];
    let jobId: string | null = null;
    let settle: { resolve: (v: OutputOf<M>) => void; reject: (e: unknown) => void } | null = null;
    const handle = (name: string, payload: { jobId: string } & Record<string, unknown>) => {
      if (payload.jobId !== jobId) return;
      if (name === 'job.progress') opts.onProgress?.(payload as unknown as JobProgress);
      else if (name === 'job.done') settle?.resolve(payload.result as OutputOf<M>);
      else if (name === 'job.failed') settle?.reject(new ApiFailure(payload.error as never));
    };
    const offs = (['job.progress', 'job.done', 'job.failed'] as const).map((name) =>
      this.on(name, (payload) => {
        if (jobId === null) early.push({ type: 'event', name, payload });
        else handle(name, payload as never);
      }),
    );
    try {
      return await new Promise<OutputOf<M>>((resolve, reject) => {
        settle = { resolve, reject };
        this.call(method, input).then((started) => {
          jobId = (started as unknown as { jobId: string }).jobId;
          opts.onStarted?.(jobId);
          for (const m of early.splice(0)) if (m.type === 'event') handle(m.name, m.payload as never);
        }, reject);
      });
    } finally {
      offs.forEach((off) => off());
    }
  }

  private receive(message: ServerMessage): void {
    if (message.type === 'result') {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.ok) p.resolve(message.value);
      else p.reject(new ApiFailure(message.error));
    } else if (message.type === 'event') {
      for (const listener of this.listeners.get(message.name) ?? []) listener(message.payload);
    }
  }
}
