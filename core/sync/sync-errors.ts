/**
 * What can go wrong when syncing, as typed errors whose messages a centre manager
 * understands. The kind decides what happens next: the scheduler backs off, the status
 * says "offline" for `unreachable`, and `revoked` or `upgrade-required` wait for a person.
 */
import type { SyncFailureKind } from '../../shared/api/sync.js';
import type { SyncErrorCode } from '../../shared/sync/protocol.js';

export type { SyncFailureKind };

export class SyncFailure extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    message: string,
    /** The server's error code, when it sent one. */
    readonly code?: SyncErrorCode | 'internal',
    /** HTTP status, when there was an answer. */
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'SyncFailure';
  }
}

export const MESSAGES = {
  unreachable: 'The server could not be reached. Changes are kept on this computer and sent when the connection is back.',
  revoked: "This workstation's access was revoked — ask your administrator for a new enrolment code.",
  upgradeRequired: 'Update Incubator Desk: the server needs a newer version. Your changes are kept and sent after the update.',
  notConfigured: 'This workstation has not joined a sync server yet.',
  badAnswer: 'The server sent an answer this version of Incubator Desk does not understand. Try again later, or update the app.',
  serverFault: 'The server had a problem answering. It will be tried again shortly.',
} as const;

export function isSyncFailure(error: unknown): error is SyncFailure {
  return error instanceof SyncFailure;
}
