/**
 * The workstation's HTTP client for the sync protocol (shared/sync/protocol.ts). Every
 * answer is validated with the protocol's zod schemas; every failure becomes a SyncFailure
 * whose message a centre manager understands.
 */
import { type z } from 'zod';
import { QuarterlyReport, reportsApi } from '../../shared/api/reports.js';
import {
  CLIENT_HEADERS,
  EnrolResponse,
  PullResponse,
  PushResponse,
  ServerTime,
  SnapshotPage,
  SyncError,
  type ClientInfo,
  type EnrolRequest,
  type WireOp,
} from '../../shared/sync/protocol.js';
import { MESSAGES, SyncFailure } from './sync-errors.js';

export interface TransportOptions {
  serverUrl: string;
  client: ClientInfo;
  /** The device token (null before enrolment). */
  token?: string | null;
  fetch?: typeof fetch;
  /** Per request; a slow answer counts as unreachable. */
  timeoutMs?: number;
  /** Stops requests in flight (the app is closing, or the job was cancelled). */
  signal?: AbortSignal;
  /** Wall clock, for measuring the offset from server time (tests inject one). */
  now?: () => number;
}

export interface TimeCheck {
  serverEpochMs: number;
  /** Server time minus ours, corrected for half the round trip. */
  offsetMs: number;
  roundTripMs: number;
}

export class HttpSyncTransport {
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(private readonly opts: TransportOptions) {
    this.fetchFn = opts.fetch ?? fetch;
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.now = opts.now ?? Date.now;
  }

  get serverUrl(): string {
    return this.opts.serverUrl;
  }

  async time(): Promise<TimeCheck> {
    const sent = this.now();
    const answer = await this.request('GET', '/v1/time', ServerTime, { auth: false });
    const received = this.now();
    const roundTripMs = Math.max(0, received - sent);
    return { serverEpochMs: answer.epochMs, offsetMs: answer.epochMs - (sent + roundTripMs / 2), roundTripMs };
  }

  enrol(body: Omit<EnrolRequest, 'client'>): Promise<EnrolResponse> {
    return this.request('POST', '/v1/enrol', EnrolResponse, { auth: false, body: { client: this.opts.client, ...body } });
  }

  push(ops: WireOp[]): Promise<PushResponse> {
    return this.request('POST', '/v1/sync/push', PushResponse, { body: { client: this.opts.client, ops } });
  }

  pull(cursor: string | null, limit?: number): Promise<PullResponse> {
    const query = new URLSearchParams();
    if (cursor !== null) query.set('cursor', cursor);
    if (limit !== undefined) query.set('limit', String(limit));
    return this.request('GET', `/v1/sync/pull${query.size ? `?${query}` : ''}`, PullResponse);
  }

  /** The first page of a new snapshot, or a following page of one. */
  snapshot(from?: { snapshot: string; after: string }, limit?: number): Promise<SnapshotPage> {
    const query = new URLSearchParams();
    if (from) {
      query.set('snapshot', from.snapshot);
      query.set('after', from.after);
    }
    if (limit !== undefined) query.set('limit', String(limit));
    return this.request('GET', `/v1/sync/snapshot${query.size ? `?${query}` : ''}`, SnapshotPage);
  }

  /** The server's quarterly report over every centre or one (national devices only). */
  quarterlyReport(query: { quarter: string; centre?: string }): Promise<QuarterlyReport> {
    return this.request('GET', `/v1/reports/quarterly?${reportQuery(query)}`, QuarterlyReport);
  }

  /** A page of the rows behind one of the server's figures (national devices only). */
  reportRows(query: ReportRowsQuery): Promise<z.output<typeof ReportRowsAnswer>> {
    return this.request('GET', `/v1/reports/rows?${reportQuery(query)}`, ReportRowsAnswer);
  }

  private async request<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    opts: { auth?: boolean; body?: unknown } = {},
  ): Promise<z.output<S>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method === 'GET') {
      headers[CLIENT_HEADERS.protocol] = String(this.opts.client.protocol);
      headers[CLIENT_HEADERS.schemaVersion] = String(this.opts.client.schemaVersion);
      headers[CLIENT_HEADERS.appVersion] = this.opts.client.appVersion;
    }
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.auth !== false) {
      if (!this.opts.token) throw new SyncFailure('not-configured', MESSAGES.notConfigured);
      headers.authorization = `Bearer ${this.opts.token}`;
    }
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = this.opts.signal ? AbortSignal.any([this.opts.signal, timeout]) : timeout;

    let response: Response;
    let text: string;
    try {
      response = await this.fetchFn(`${this.opts.serverUrl}${path}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal,
        redirect: 'error',
      });
      text = await response.text();
    } catch (error) {
      if (this.opts.signal?.aborted) throw new SyncFailure('cancelled', 'Sync was stopped');
      throw new SyncFailure('unreachable', MESSAGES.unreachable, undefined, undefined, { cause: error });
    }

    let json: unknown;
    try {
      json = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) throw failureOf(response.status, json, path);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new SyncFailure(
        'server',
        json === undefined
          ? `No Incubator Desk sync server answers at ${this.opts.serverUrl}; check the address.`
          : MESSAGES.badAnswer,
      );
    }
    return parsed.data;
  }
}

const ReportRowsAnswer = reportsApi['reports.rows'].output;

export type ReportRowsQuery = {
  quarter: string;
  centre?: string;
  key: string;
  sector?: string;
  cohortId?: string;
  centreId?: string;
  offset?: number;
  limit?: number;
};

/** The defined fields as a query string, in a fixed order. */
function reportQuery(query: { [name: string]: string | number | undefined }): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  return params;
}

/** An HTTP error answer as a SyncFailure with a message for people. */
export function failureOf(status: number, body: unknown, path: string): SyncFailure {
  const parsed = SyncError.safeParse(body);
  const code = parsed.success ? parsed.data.error : undefined;
  const serverMessage = parsed.success ? parsed.data.message : undefined;
  if (status === 426 || code === 'upgrade-required')
    return new SyncFailure('upgrade-required', MESSAGES.upgradeRequired, code, status);
  if (status === 401 || code === 'unauthorized') return new SyncFailure('revoked', MESSAGES.revoked, code, status);
  if (path === '/v1/enrol') return new SyncFailure('enrolment', enrolmentMessage(status, code, serverMessage), code, status);
  if (status >= 500 || !parsed.success) {
    return new SyncFailure(
      'server',
      status === 404 ? 'No Incubator Desk sync server answers at this address; check it.' : MESSAGES.serverFault,
      code,
      status,
    );
  }
  return new SyncFailure('server', serverMessage ?? MESSAGES.serverFault, code, status);
}

function enrolmentMessage(status: number, code: string | undefined, serverMessage: string | undefined): string {
  switch (code) {
    case 'code-invalid':
      return 'This enrolment code is not known. Check it with your administrator (letters may be typed in either case; dashes and spaces do not matter).';
    case 'code-used':
      return 'This enrolment code has already been used. Ask your administrator for a new one.';
    case 'code-expired':
      return 'This enrolment code has expired. Ask your administrator for a new one.';
    case 'centre-not-empty':
      return (
        'The centre on the server already has data, so this workstation cannot upload its own. ' +
        'Join with a normal enrolment code on a new, empty workstation instead.'
      );
    case 'rate-limited':
      return 'Too many attempts. Wait a minute, then try again.';
    case 'invalid':
      if (serverMessage?.startsWith('localCentre: required')) {
        return 'This code is for uploading a centre’s existing data, but this workstation has none. Ask your administrator for a normal enrolment code.';
      }
      if (serverMessage?.startsWith('localCentre:')) {
        return (
          'This workstation already holds its own centre’s data, so it can only join with an upload code. ' +
          'Ask your administrator for an upload code for this centre.'
        );
      }
      return serverMessage ? `The server refused the enrolment: ${serverMessage}` : MESSAGES.badAnswer;
    default:
      if (status === 404) return 'No Incubator Desk sync server answers at this address; check it.';
      if (status >= 500 || !code) return MESSAGES.serverFault;
      return serverMessage ?? MESSAGES.serverFault;
  }
}
