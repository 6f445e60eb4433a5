import type { HandlerGroup } from '../host/handler-types.js';
import { createBackup, listBackups } from './backup.service.js';
import { auditPage, rowHistory } from './history.service.js';
import { revealPersonal } from './pii.service.js';
import { globalSearch } from './search.service.js';

type CommonMethods =
  'search.global' | 'pii.reveal' | 'history.list' | 'audit.list' | 'backup.create' | 'backup.list' | 'jobs.cancel';

export const commonHandlers: HandlerGroup<CommonMethods> = {
  'search.global': (ctx, input) => globalSearch(ctx, input),
  'pii.reveal': (ctx, input) => revealPersonal(ctx, input),
  'history.list': (ctx, input) => rowHistory(ctx, input),
  'audit.list': (ctx, input) => auditPage(ctx, input),
  'backup.create': (ctx, input) => createBackup(ctx, input),
  'backup.list': (ctx) => listBackups(ctx),
  // Only a job this connection started can be cancelled (the job manager checks).
  'jobs.cancel': (_ctx, input, scope) => ({ cancelled: scope.cancelJob(input.jobId) }),
};
