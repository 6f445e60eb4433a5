/**
 * The whole API: every call the renderer (or the CLI, or a test) can make to core, and
 * every event core sends. Typed once here; router, preload and client derive from it.
 */
import { z } from 'zod';
import type { CallDef } from './define.js';
import { authApi, centreApi, usersApi } from './auth.js';
import { programmesApi } from './programmes.js';
import { startupsApi } from './startups.js';
import { mentorsApi, sessionsApi } from './mentors.js';
import { traineesApi } from './trainees.js';
import { commonApi } from './common.js';
import { dashboardApi } from './dashboard.js';
import { syncApi, SyncStatusEvent } from './sync.js';
import { importApi } from './import.js';
import { exportApi } from './export.js';
import { filesApi } from './files.js';
import { reportsApi } from './reports.js';
import { ApiError } from './errors.js';

export const api = {
  ...authApi,
  ...usersApi,
  ...centreApi,
  ...programmesApi,
  ...startupsApi,
  ...mentorsApi,
  ...sessionsApi,
  ...traineesApi,
  ...commonApi,
  ...dashboardApi,
  ...syncApi,
  ...importApi,
  ...exportApi,
  ...filesApi,
  ...reportsApi,
} as const;

export type Api = typeof api;
export type Method = keyof Api;
export type InputOf<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInputOf<M extends Method> = z.output<Api[M]['input']>;
export type OutputOf<M extends Method> = z.output<Api[M]['output']>;

export const methods = Object.keys(api) as Method[];
export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}
export function callDef(method: Method): CallDef {
  return api[method] as CallDef;
}

/** Events core pushes to every connection (or to the one that started a job). */
export const events = {
  'job.progress': z.object({
    jobId: z.string(),
    done: z.number(),
    total: z.number().nullable(),
    message: z.string().optional(),
    /** What the job is doing, as a word the UI translates (import: reading, checking, writing). */
    phase: z.string().optional(),
    /** Rows (or other items) done per second so far, when the job counts rows. */
    rowsPerSecond: z.number().optional(),
  }),
  'job.done': z.object({ jobId: z.string(), result: z.unknown() }),
  'job.failed': z.object({ jobId: z.string(), error: ApiError }),
  /** Data changed (by this or another connection, or by sync): the UI refetches these tables. */
  'data.changed': z.object({ tables: z.array(z.string()) }),
  /** The sync status changed (a sync started or ended, changes are waiting, …): to everyone. */
  'sync.status': SyncStatusEvent,
};
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];
