/** `npm run server -- admin <command> [--data-dir DIR] [--json]`. */
import { Command } from 'commander';
import { errorMessage } from '../error-message.js';
import type { AdminCommandName } from './commands.js';
import { formatAdminResult } from './format.js';
import { executeAdminCommand } from './run-command.js';

interface StoreOptions {
  dataDir: string;
  json?: boolean;
}

async function run(name: AdminCommandName, input: object, options: StoreOptions): Promise<void> {
  try {
    const result = await executeAdminCommand(name, input, { databaseUrl: process.env.DATABASE_URL, dataDir: options.dataDir });
    console.log(options.json ? JSON.stringify(result, null, 2) : formatAdminResult(name, result));
  } catch (error) {
    const message = errorMessage(error);
    if (options.json) console.log(JSON.stringify({ error: message }));
    console.error(`error: ${message}`);
    process.exitCode = 1;
  }
}

/** Each command takes the store options itself, so they may follow the command name. */
function withStoreOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'embedded database folder (ignored when DATABASE_URL is set)', './server-data')
    .option('--json', 'print machine-readable JSON');
}

export function adminCommand(): Command {
  const admin = new Command('admin').description('administer the server database (the data folder, or DATABASE_URL)');

  withStoreOptions(
    admin.command('create-centre').description('create a centre').requiredOption('--name <name>', 'the centre name'),
  ).action((o: StoreOptions & { name: string }) => run('create-centre', { name: o.name }, o));

  withStoreOptions(admin.command('centres').description('list centres')).action((o: StoreOptions) => run('centres', {}, o));

  withStoreOptions(
    admin
      .command('create-admin')
      .description('create an administrator')
      .requiredOption('--email <email>', 'their email')
      .requiredOption('--password <password>', 'at least 12 characters'),
  ).action((o: StoreOptions & { email: string; password: string }) =>
    run('create-admin', { email: o.email, password: o.password }, o),
  );

  withStoreOptions(
    admin
      .command('enrolment-code')
      .description('issue a one-time enrolment code for a device')
      .requiredOption('--role <role>', 'workstation, readonly or national')
      .option('--centre <id>', "the centre's id (not for national codes)")
      .option('--upload', "let the centre's first workstation upload its existing local data")
      .option('--expires <duration>', 'how long the code is valid: 90m, 24h, 7d (at most 30d)', '24h'),
  ).action((o: StoreOptions & { role: string; centre?: string; upload?: boolean; expires: string }) =>
    run('enrolment-code', { role: o.role, centre: o.centre, upload: o.upload ?? false, expires: o.expires }, o),
  );

  withStoreOptions(admin.command('devices').description('list enrolled devices')).action((o: StoreOptions) =>
    run('devices', {}, o),
  );

  withStoreOptions(
    admin.command('revoke').description('revoke a device: its token stops working at once').argument('<DEVICE_ID>'),
  ).action((deviceId: string, o: StoreOptions) => run('revoke', { device: deviceId }, o));

  return admin;
}
