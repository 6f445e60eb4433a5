import type { ServerTime } from '../../shared/sync/protocol.js';

/** The server's clock as every sync answer reports it (workstations measure their offset). */
export function serverTime(at: Date): ServerTime {
  return { now: at.toISOString(), epochMs: at.getTime() };
}
