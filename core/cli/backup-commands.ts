/** `backup [--out FILE]` (the backup.create job) and `restore FILE` (core/backup/restore.ts). */
import path from 'node:path';
import type { Command } from 'commander';
import { restoreDatabase } from '../backup/restore.js';
import type { FlagOf } from './output.js';
import type { Runtime } from './runtime.js';

const outFlag: FlagOf = (p) => (p[0] === 'path' ? '--out' : null);
const fileArg: FlagOf = (p) => (p[0] === 'file' ? 'FILE' : null);

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function addBackupCommands(program: Command, rt: Runtime): void {
  program
    .command('backup')
    .description('Write a consistent copy of the database (checked with integrity_check)')
    .option('--out <file>', "where to write it (default: the data folder's backups/)")
    .action(async (opts: { out?: string }) => {
      rt.flagOf = outFlag;
      const { client } = rt.signedIn();
      let last = { message: '', at: 0 };
      const result = await client.runJob('backup.create', opts.out ? { path: path.resolve(opts.out) } : {}, {
        onProgress: (p) => {
          // A line when the step changes, then at most one a second.
          const message = p.message ?? 'Backing up';
          const now = Date.now();
          if (message === last.message && now - last.at < 1000) return;
          last = { message, at: now };
          const percent = p.total ? ` ${Math.floor((100 * p.done) / p.total)}%` : '';
          rt.out.progress(`${message}${percent}`, { ...p });
        },
      });
      rt.out.result(result, () => `Backed up to ${result.path} (${megabytes(result.bytes)}, integrity ${result.integrity})`);
    });

  program
    .command('restore')
    .description(
      'Replace the database with a backup. The current database is first copied to backups/before-restore-<time>.sqlite; ' +
        'an older backup is migrated to this version of the app. Close the app first.',
    )
    .argument('<file>', 'the backup to restore')
    .action((file: string) => {
      rt.flagOf = fileArg;
      // Core must not have this database open: restore works on the closed files.
      rt.close();
      const result = restoreDatabase({ dataDir: rt.dataDir(), file: path.resolve(file) });
      rt.out.result(result, () =>
        [
          `Restored ${result.restoredFrom}`,
          result.previousCopy
            ? `The database it replaced is kept at ${result.previousCopy}`
            : 'There was no database here before.',
          result.migratedFrom !== result.schemaVersion
            ? `Upgraded from schema ${result.migratedFrom} to ${result.schemaVersion}.`
            : `Schema version ${result.schemaVersion}.`,
        ].join('\n'),
      );
    });
}
