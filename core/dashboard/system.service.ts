/**
 * What Settings → Data shows about this workstation: the app's version, where its data
 * lives, how big the database is, its schema version and when it was last backed up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OutputOf } from '../../shared/api/index.js';
import type { Ctx } from '../context.js';
import { listBackups } from '../common/backup.service.js';

const PACKAGE_NAME = 'incubator-desk';
let cachedVersion: string | undefined;

/**
 * The version in the app's package.json, found by walking up from `from` (this module's
 * folder): the repo root under tsx and the tests, the folder above dist-electron/ (or the
 * app's resources) in the bundled app. 'unknown' when none is found: this is information,
 * never a reason to fail.
 */
export function findAppVersion(from: string): string {
  for (let dir = from, i = 0; i < 8; i += 1) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // No readable package.json here: keep walking up.
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return process.env.npm_package_name === PACKAGE_NAME ? (process.env.npm_package_version ?? 'unknown') : 'unknown';
}

function appVersion(): string {
  if (cachedVersion === undefined) {
    let here: string;
    try {
      here = path.dirname(fileURLToPath(import.meta.url));
    } catch {
      here = process.cwd();
    }
    cachedVersion = findAppVersion(here);
  }
  return cachedVersion;
}

export function systemInfo(ctx: Ctx): OutputOf<'system.info'> {
  const pageCount = ctx.db.pragma('page_count', { simple: true }) as number;
  const pageSize = ctx.db.pragma('page_size', { simple: true }) as number;
  const schemaVersion = ctx.db.pragma('user_version', { simple: true }) as number;
  return {
    appVersion: appVersion(),
    dataDir: ctx.dataDir,
    databaseBytes: pageCount * pageSize,
    schemaVersion,
    lastBackupAt: listBackups(ctx)[0]?.createdAt ?? null,
    integrity: ctx.integrity(),
  };
}
