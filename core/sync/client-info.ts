/** What this workstation tells the server about itself on every request. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYNC_PROTOCOL, type ClientInfo } from '../../shared/sync/protocol.js';
import { findAppVersion } from '../dashboard/system.service.js';
import { latestVersion } from '../db/migrations/index.js';

let cached: ClientInfo | undefined;

export function clientInfo(): ClientInfo {
  if (!cached) {
    let here = process.cwd();
    try {
      here = path.dirname(fileURLToPath(import.meta.url));
    } catch {
      // Bundled without import.meta.url: look from the working folder.
    }
    const version = findAppVersion(here);
    cached = {
      protocol: SYNC_PROTOCOL,
      schemaVersion: latestVersion,
      appVersion: version === 'unknown' ? '0.0.0-unknown' : version.slice(0, 40),
    };
  }
  return cached;
}
