/**
 * Sync as the UI and the CLI see it: the status (with pending and rejected changes), "Sync
 * now", joining a server with an enrolment code, and — for a workstation that joined a
 * centre which has no manager account yet — creating its first manager.
 *
 * Joining is allowed before first run (no user exists yet: the first-run screen offers "join
 * a central server"); once the workstation is set up only managers may join (core checks).
 */
import { z } from 'zod';
import { DeviceRole, RejectReason } from '../sync/protocol.js';
import { Email, Name, pageOf } from '../records/base.js';
import { User } from '../records/centres.js';
import { Password } from './auth.js';
import { call, job } from './define.js';

/** "sync.example.pk" → "https://sync.example.pk"; trailing slashes go. Throws on anything else. */
export function normaliseServerUrl(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new Error('Enter the server address, for example https://sync.example.pk');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error('Enter the server address, for example https://sync.example.pk');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('The address must start with https:// (or http://)');
  if (url.search || url.hash) throw new Error('The address must not have a ? or # part');
  if (url.username || url.password) throw new Error('The address must not contain a user name or password');
  return url.toString().replace(/\/+$/, '');
}

export const ServerUrl = z
  .string()
  .max(2000, 'At most 2,000 characters')
  .transform((text, ctx) => {
    try {
      return normaliseServerUrl(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

/** Why a change did not reach the server: the server's reason, or one decided here. */
export const RejectionReason = z.enum([
  ...RejectReason.options,
  /** The op fails the protocol's own checks: it could never be sent. */
  'invalid-op',
  /** Too large for the server even on its own. */
  'too-large',
]);
export type RejectionReason = z.infer<typeof RejectionReason>;

/**
 * What went wrong with a sync: `unreachable` (no answer: offline), `revoked` (401),
 * `upgrade-required` (426: the outbox is kept), `clock` (this computer's clock is more than a
 * day off the server's), `enrolment` (a join refused), `not-configured` (not joined),
 * `server` (a 5xx or an answer this app does not understand), `cancelled`.
 */
export const SyncFailureKind = z.enum([
  'unreachable',
  'revoked',
  'upgrade-required',
  'clock',
  'enrolment',
  'not-configured',
  'server',
  'cancelled',
]);
export type SyncFailureKind = z.infer<typeof SyncFailureKind>;

/** One rejected field change. Its value is not shown (it may be personal data). */
export const RejectedChange = z.object({
  opId: z.string(),
  table: z.string(),
  rowId: z.string(),
  column: z.string(),
  /** The record's name or title, when it has one and still exists here. */
  label: z.string().nullable(),
  reason: z.string(),
  message: z.string(),
  at: z.string(),
});
export type RejectedChange = z.infer<typeof RejectedChange>;

export const SyncError = z.object({ kind: SyncFailureKind, message: z.string() });

export const SyncStatus = z.object({
  configured: z.boolean(),
  serverUrl: z.string().nullable(),
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
  role: DeviceRole.nullable(),
  centreId: z.string().nullable(),
  centreName: z.string().nullable(),
  /** 'bootstrapping' while the centre's data is still being received. */
  phase: z.enum(['bootstrapping', 'ready']).nullable(),
  bootstrap: z.object({ rowsDone: z.number().int(), rowsTotal: z.number().int().nullable() }).nullable(),
  /** What the last request found; null before the first try since the app started. */
  online: z.boolean().nullable(),
  syncing: z.boolean(),
  lastSyncedAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  /** Field changes waiting in the outbox, and how many records they touch (null: too many to count at once). */
  pendingChanges: z.number().int(),
  pendingRecords: z.number().int().nullable(),
  rejectedCount: z.number().int(),
  /** The latest rejected changes (all of them: sync.rejected.list). */
  rejected: z.array(RejectedChange),
  /** Changes from the server this version cannot store yet (kept for after an update). */
  unappliedCount: z.number().int(),
  lastError: SyncError.nullable(),
  /** Server time minus this computer's, at the last sync. */
  clockOffsetMs: z.number().nullable(),
  /** Where the device token is kept, in words. */
  tokenNote: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** The `sync.status` event: the few figures the shell's indicator shows. */
export const SyncStatusEvent = SyncStatus.pick({
  configured: true,
  online: true,
  syncing: true,
  lastSyncedAt: true,
  pendingChanges: true,
  pendingRecords: true,
  rejectedCount: true,
  lastError: true,
  phase: true,
});
export type SyncStatusEvent = z.infer<typeof SyncStatusEvent>;

export const SyncReport = z.object({
  pushed: z.number().int(),
  rejected: z.array(z.object({ opId: z.string(), reason: z.string(), message: z.string() })),
  pulled: z.number().int(),
  applied: z.number().int(),
  snapshotRows: z.number().int(),
  unapplied: z.number().int(),
  tables: z.array(z.string()),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type SyncReport = z.infer<typeof SyncReport>;

export const EnrolInput = z
  .object({
    serverUrl: ServerUrl,
    code: z.string().trim().min(6, 'Enter the enrolment code your administrator gave you').max(64, 'At most 64 characters'),
    /** How the server's device list names this computer; defaults to its host name. */
    deviceName: z.string().trim().min(1, 'Required').max(120, 'At most 120 characters').optional(),
  })
  .strict();

export const EnrolResult = z.object({
  deviceId: z.string(),
  role: DeviceRole,
  centreId: z.string().nullable(),
  centreName: z.string().nullable(),
  mode: z.enum(['bootstrap', 'upload']),
  needsFirstManager: z.boolean(),
  tokenNote: z.string(),
  firstSync: SyncReport.nullable(),
  firstSyncError: z.string().nullable(),
});
export type EnrolResult = z.infer<typeof EnrolResult>;

/** Before sign-in: whether this workstation joined a server, and what it still needs. */
export const JoinState = z.object({
  joined: z.boolean(),
  serverUrl: z.string().nullable(),
  centreName: z.string().nullable(),
  phase: z.enum(['bootstrapping', 'ready']).nullable(),
  /** Joined and set up, but the centre has no manager who can sign in. */
  needsFirstManager: z.boolean(),
  syncing: z.boolean(),
  lastError: SyncError.nullable(),
});
export type JoinState = z.infer<typeof JoinState>;

export const syncApi = {
  'sync.status': call({ input: z.object({}).strict(), output: SyncStatus, permission: 'sync.read' }),
  /** Runs a sync now (or right after the one running); progress while bootstrapping or sending. */
  'sync.now': job({ input: z.object({}).strict(), output: SyncReport, permission: 'sync.run' }),
  /**
   * Joins a server with a one-time enrolment code and runs the first sync (the bootstrap of
   * the centre's data, with progress, or the upload of this workstation's data). Public so
   * that the first-run screen can use it; once set up, core allows managers only.
   */
  'sync.enrol': job({ input: EnrolInput, output: EnrolResult, permission: 'public' }),
  /** Before sign-in: the join's state (first run, and a bootstrap that was interrupted). */
  'sync.join.state': call({ input: z.object({}).strict(), output: JoinState, permission: 'public' }),
  /** Before sign-in: continues an interrupted bootstrap, or syncs a centre that has no manager yet (only then). */
  'sync.join.resume': job({ input: z.object({}).strict(), output: SyncReport, permission: 'public' }),
  /**
   * Creates the first manager of a centre that came from the server without one, and signs
   * them in. Refused once the centre has an active manager.
   */
  'sync.firstManager': call({
    input: z.object({ name: Name, email: Email, password: Password }).strict(),
    output: z.object({ user: User, sessionToken: z.string() }),
    permission: 'public',
  }),
  'sync.rejected.list': call({
    input: z
      .object({ limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) })
      .strict(),
    output: pageOf(RejectedChange),
    permission: 'sync.read',
  }),
  /** Forgets rejected changes once someone has looked at them (the local values stay as they are). */
  'sync.rejected.dismiss': call({
    input: z.union([
      z.object({ opIds: z.array(z.string().max(100)).min(1).max(1000) }).strict(),
      z.object({ all: z.literal(true) }).strict(),
    ]),
    output: z.object({ dismissed: z.number().int() }),
    permission: 'sync.manage',
  }),
};
