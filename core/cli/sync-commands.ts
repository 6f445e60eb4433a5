/**
 * `enroll --server URL --code CODE [--name NAME]`: joins a sync server (sync.enrol), and
 * `sync`: one sync now (sync.now), printing what was sent and received and every rejected
 * change with its reason. `first-manager`: the first manager of a centre that came from the
 * server without one.
 */
import type { Command } from 'commander';
import type { EnrolResult, RejectedChange, SyncReport } from '../../shared/api/sync.js';
import { ApiFailure } from '../../shared/api/errors.js';
import { nameFromEmail } from './init-command.js';
import type { FlagOf } from './output.js';
import type { Runtime } from './runtime.js';
import { actingUser } from './workstation.js';

const ENROL_FLAGS: Record<string, string> = { serverUrl: '--server', code: '--code', deviceName: '--name' };
const enrolFlagOf: FlagOf = (p) => (typeof p[0] === 'string' ? (ENROL_FLAGS[p[0]] ?? null) : null);
const MANAGER_FLAGS: Record<string, string> = { name: '--name', email: '--email', password: '--password' };
const managerFlagOf: FlagOf = (p) => (typeof p[0] === 'string' ? (MANAGER_FLAGS[p[0]] ?? null) : null);

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** A progress reporter: a line when the step changes, then at most one a second. */
function progressLines(rt: Runtime): (p: { done: number; total: number | null; message?: string }) => void {
  let last = { message: '', at: 0 };
  return (p) => {
    const message = p.message ?? 'Syncing';
    const now = Date.now();
    if (message === last.message && now - last.at < 1000 && p.done !== p.total) return;
    last = { message, at: now };
    const figure = p.total
      ? ` ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')}`
      : p.done
        ? ` ${p.done.toLocaleString('en')}`
        : '';
    rt.out.progress(`${message}${figure}`, { ...p });
  };
}

function describeRejection(r: { reason: string; message: string }, detail: RejectedChange | undefined): string {
  const where = detail ? `${detail.table}${detail.label ? ` "${detail.label}"` : ''} ${detail.column}` : 'a change';
  return `  - ${where}: ${r.reason} — ${r.message}`;
}

function describeReport(report: SyncReport, details: RejectedChange[]): string[] {
  const byId = new Map(details.map((d) => [d.opId, d]));
  const lines = [
    `Sent: ${count(report.pushed, 'change')} accepted by the server`,
    `Received: ${count(report.pulled, 'change')}${report.snapshotRows ? ` and ${count(report.snapshotRows, 'record')} from the server's copy` : ''} (${count(report.applied, 'field')} updated here)`,
  ];
  if (report.unapplied > 0) lines.push(`Kept for a newer version of the app: ${count(report.unapplied, 'change')}`);
  if (report.rejected.length > 0) {
    lines.push(`Rejected by the server: ${count(report.rejected.length, 'change')}`);
    for (const r of report.rejected.slice(0, 50)) lines.push(describeRejection(r, byId.get(r.opId)));
    if (report.rejected.length > 50) lines.push(`  … and ${report.rejected.length - 50} more (see Settings → Sync in the app)`);
  }
  return lines;
}

function firstManagerHint(dataDir: string): string {
  return (
    `The centre has no manager account yet. Create one with:\n` +
    `  incubator --data ${dataDir} first-manager --email you@example.pk --password "…"`
  );
}

export function addSyncCommands(program: Command, rt: Runtime): void {
  program
    .command('enroll')
    .alias('enrol')
    .description('Join a central sync server with a one-time enrolment code from its administrator')
    .requiredOption('--server <url>', 'the server address, e.g. https://sync.example.pk')
    .requiredOption('--code <code>', 'the enrolment code')
    .option('--name <name>', "how the server's device list names this computer (default: its host name)")
    .action(async (opts: { server: string; code: string; name?: string }) => {
      rt.flagOf = enrolFlagOf;
      // A new data folder joins (and receives its centre); a set-up one joins as its manager.
      const opened = rt.open();
      const ws = opened.core.context(null).centreId ? rt.signedIn() : opened;
      const result: EnrolResult = await ws.client.runJob(
        'sync.enrol',
        { serverUrl: opts.server, code: opts.code, deviceName: opts.name },
        { onProgress: progressLines(rt) },
      );
      const status = await ws.client.call('sync.join.state', {});
      const details =
        result.firstSync?.rejected.length && ws.connection.user
          ? (await ws.client.call('sync.rejected.list', { limit: 500 })).items
          : [];
      rt.out.result({ ...result, serverUrl: status.serverUrl }, () =>
        [
          `Joined ${status.serverUrl} as a ${result.role} device${result.centreName ? ` of ${result.centreName}` : ''} (device ${result.deviceId}).`,
          result.mode === 'bootstrap'
            ? "Mode: this workstation receives the centre's data from the server."
            : "Mode: this workstation's own data is uploaded to the server.",
          ...(result.firstSync
            ? describeReport(result.firstSync, details)
            : [`The first sync did not finish: ${result.firstSyncError}`, 'Run `incubator --data DIR sync` to continue.']),
          `The device token is ${result.tokenNote}.`,
          ...(result.needsFirstManager ? [firstManagerHint(ws.dataDir)] : []),
        ].join('\n'),
      );
      if (!result.firstSync)
        throw new ApiFailure({
          code: 'unavailable',
          message: `Joined, but the first sync did not finish: ${result.firstSyncError}`,
        });
    });

  program
    .command('sync')
    .description('Sync with the server now: send the changes made here, receive the others')
    .action(async () => {
      const opened = rt.open();
      // Before the centre is here (a bootstrap was interrupted), or while it has no manager,
      // nobody can sign in: sync.join.resume is for exactly that.
      const canSignIn = opened.core.context(null).centreId !== null && actingUser(opened.core) !== null;
      const ws = canSignIn ? rt.signedIn() : opened;
      const state = await ws.client.call('sync.join.state', {});
      if (!state.joined) {
        throw new ApiFailure({
          code: 'unavailable',
          message: `This workstation has not joined a sync server yet. Run \`incubator --data ${ws.dataDir} enroll --server URL --code CODE\` first`,
        });
      }
      const report = await ws.client.runJob(canSignIn ? 'sync.now' : 'sync.join.resume', {}, { onProgress: progressLines(rt) });
      const after = await ws.client.call('sync.join.state', {});
      const status = ws.connection.user ? await ws.client.call('sync.status', {}) : null;
      const details =
        report.rejected.length && ws.connection.user ? (await ws.client.call('sync.rejected.list', { limit: 500 })).items : [];
      rt.out.result(
        { ...report, pendingChanges: status?.pendingChanges ?? null, rejectedTotal: status?.rejectedCount ?? null },
        () =>
          [
            `Synced with ${after.serverUrl}.`,
            ...describeReport(report, details),
            ...(status && status.pendingChanges > 0
              ? [`Still waiting to be sent: ${count(status.pendingChanges, 'change')}`]
              : []),
            ...(after.needsFirstManager ? [firstManagerHint(ws.dataDir)] : []),
          ].join('\n'),
      );
    });

  program
    .command('first-manager')
    .description('Create the first manager of a centre that joined from the server without one')
    .requiredOption('--email <email>', 'their email (their sign-in)')
    .requiredOption('--password <password>', 'at least 12 characters')
    .option('--name <name>', 'their name (default: from the email)')
    .action(async (opts: { email: string; password: string; name?: string }) => {
      rt.flagOf = managerFlagOf;
      const { client } = rt.open();
      const { user } = await client.call('sync.firstManager', {
        name: opts.name ?? nameFromEmail(opts.email),
        email: opts.email,
        password: opts.password,
      });
      rt.out.result({ manager: user }, () => `Manager: ${user.name} <${user.email}>; the command line acts as this manager.`);
    });
}
