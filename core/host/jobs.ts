/**
 * Long jobs (backup, import, report, bootstrap sync): the call answers with a job id at
 * once; progress, the result or the error come later as events to the calling connection.
 * Progress events are throttled so a fast loop does not flood the channel.
 */
import crypto from 'node:crypto';
import { ApiFailure, type ApiError } from '../../shared/api/errors.js';
import type { EventName, EventPayload } from '../../shared/api/index.js';
import type { JobRunner, ProgressReport } from './handler-types.js';

type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

interface RunningJob {
  owner: number;
  controller: AbortController;
}

export class JobManager {
  private readonly running = new Map<string, RunningJob>();

  start(owner: number, runner: JobRunner<unknown>, emit: Emit, afterFinish: () => void): string {
    const jobId = crypto.randomUUID();
    const controller = new AbortController();
    this.running.set(jobId, { owner, controller });
    let lastSent = 0;
    const report: ProgressReport = (done, total, message, detail) => {
      const now = Date.now();
      if (now - lastSent < 100 && done !== total) return;
      lastSent = now;
      emit('job.progress', { jobId, done, total, message, ...detail });
    };
    // Start on the next tick so the caller gets the job id before any event.
    setImmediate(() => {
      runner.run(report, controller.signal).then(
        (result) => {
          this.running.delete(jobId);
          afterFinish();
          emit('job.done', { jobId, result });
        },
        (error: unknown) => {
          this.running.delete(jobId);
          afterFinish();
          emit('job.failed', { jobId, error: jobError(error, controller.signal.aborted) });
        },
      );
    });
    return jobId;
  }

  cancel(jobId: string, owner: number): boolean {
    const job = this.running.get(jobId);
    if (!job || job.owner !== owner) return false;
    job.controller.abort();
    return true;
  }

  cancelOwnedBy(owner: number): void {
    for (const job of this.running.values()) if (job.owner === owner) job.controller.abort();
  }

  cancelAll(): void {
    for (const job of this.running.values()) job.controller.abort();
  }
}

function jobError(error: unknown, aborted: boolean): ApiError {
  if (error instanceof ApiFailure) return error.error;
  if (aborted) return { code: 'cancelled', message: 'Cancelled' };
  console.error('Job failed', error);
  return { code: 'internal', message: 'The job failed. Nothing was saved. The details are in the log.' };
}
