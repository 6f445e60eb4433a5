/** `init`: sets up a data folder for a centre and its first manager (auth.setup). */
import type { Command } from 'commander';
import type { FlagOf } from './output.js';
import type { Runtime } from './runtime.js';

const INIT_FLAGS: Record<string, string> = {
  centreName: '--centre',
  centreCity: '--city',
  managerName: '--manager-name',
  managerEmail: '--manager-email',
  managerPassword: '--manager-password',
};

const initFlagOf: FlagOf = (path) => (typeof path[0] === 'string' ? (INIT_FLAGS[path[0]] ?? null) : null);

/** "amna.siddiqui@nic.pk" → "Amna Siddiqui": a name until the manager sets theirs. */
export function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? '';
  const words = local
    .split(/[._+-]+/)
    .filter((w) => /[a-z]/i.test(w))
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
  return words.length ? words.join(' ') : 'Centre Manager';
}

export function addInitCommand(program: Command, rt: Runtime): void {
  program
    .command('init')
    .description('Set up this data folder for a centre and its first manager')
    .requiredOption('--centre <name>', 'the centre\'s name, e.g. "NIC Karachi"')
    .requiredOption('--manager-email <email>', "the first manager's email (their sign-in)")
    .requiredOption('--manager-password <password>', 'their password: at least 12 characters')
    .option('--manager-name <name>', "the manager's name (default: from the email)")
    .option('--city <city>', 'the city the centre is in')
    .action(
      async (opts: { centre: string; managerEmail: string; managerPassword: string; managerName?: string; city?: string }) => {
        rt.flagOf = initFlagOf;
        const { client, dataDir } = rt.open();
        const { user } = await client.call('auth.setup', {
          centreName: opts.centre,
          centreCity: opts.city,
          managerName: opts.managerName ?? nameFromEmail(opts.managerEmail),
          managerEmail: opts.managerEmail,
          managerPassword: opts.managerPassword,
        });
        const centre = await client.call('centre.get', {});
        rt.out.result({ dataDir, centre, manager: user }, () =>
          [
            `Set up ${centre.name}${centre.city ? ` (${centre.city})` : ''} in ${dataDir}`,
            `Manager: ${user.name} <${user.email}>; the command line acts as this manager.`,
          ].join('\n'),
        );
      },
    );
}
