/**
 * `incubator --data DIR [--json] <command>`: core without a window. Every command opens
 * core on the data folder and talks to it through the in-process client (the same calls,
 * validation, permissions and transactions as the app), acting as the centre's first
 * active manager. `runCli` runs one command line and returns the exit code; tests call it
 * directly, bin/incubator.mjs calls `main`.
 */
import { Command, CommanderError } from 'commander';
import { ApiFailure, type ApiError } from '../../shared/api/errors.js';
import { DatabaseCorruptError } from '../db/open.js';
import { DatabaseTooNewError } from '../db/migrate.js';
import { addBackupCommands } from './backup-commands.js';
import { entities } from './entities.js';
import { addImportCommand } from './import-command.js';
import { addInitCommand } from './init-command.js';
import { EXIT, type CliIo } from './output.js';
import { addRecordCommands } from './record-commands.js';
import { addReportCommand } from './report-command.js';
import { Runtime } from './runtime.js';
import { addSeedCommand } from './seed-command.js';
import { addSyncCommands } from './sync-commands.js';

const HELP_FOOTER = `
Every command needs --data DIR (the folder is created if missing). Start with:
  incubator --data DIR init --centre "NIC Karachi" --manager-email you@example.pk --manager-password "…"
or join a centre that is already on a sync server:
  incubator --data DIR enroll --server https://sync.example.pk --code CODE

Output: text for people; --json prints the result as JSON on stdout, and errors as
{"error": {...}} (progress as {"progress": {...}}) lines on stderr.
Exit codes: 0 done, 1 failed (not found, conflict, …), 2 bad input or usage.`;

/** --json anywhere before a bare `--` turns on JSON output, even for usage errors. */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

export function buildProgram(rt: Runtime, io: CliIo): Command {
  const program = new Command('incubator')
    .description('Incubator Desk on the command line: set up a centre, manage records, import and export, write quarterly reports, seed demo data, back up and restore.')
    .option('--data <dir>', 'the data folder (holds incubator.sqlite)')
    .option('--json', 'machine-readable output')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // With --json, usage errors are reported as JSON by runCli instead.
      outputError: (text, write) => {
        if (!rt.json) write(text);
      },
    })
    .showSuggestionAfterError(true)
    .addHelpText('after', HELP_FOOTER);
  program.hook('preAction', (_command, action) => rt.configure(action.optsWithGlobals()));

  addInitCommand(program, rt);
  for (const entity of entities) addRecordCommands(program, rt, entity);
  addSeedCommand(program, rt);
  addBackupCommands(program, rt);
  addSyncCommands(program, rt);
  addImportCommand(program, rt);
  addReportCommand(program, rt);
  return program;
}

/** Any error as the typed API error the output knows how to report. */
function asApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return error.error;
  if (error instanceof DatabaseTooNewError || error instanceof DatabaseCorruptError) {
    return { code: 'unavailable', message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Unexpected error: ${message}` };
}

/** A commander usage error as an `invalid` error; the flag it names (if any) goes with the issue. */
function usageError(error: CommanderError): ApiError {
  const message = error.message.replace(/^error: /, '');
  const flag = /'(--?[\w-]+)/.exec(message)?.[1];
  const issue = flag ? { path: [], message, flag } : { path: [], message };
  return { code: 'invalid', message, issues: [issue] };
}

/** Runs one command line (without the node and script arguments) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const rt = new Runtime(io, wantsJson(argv));
  const program = buildProgram(rt, io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return rt.exitCode ?? EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error.code === 'commander.help' || error.code === 'commander.executeSubCommandAsync') return EXIT.badInput;
      if (rt.json) rt.out.error(usageError(error));
      return EXIT.badInput;
    }
    const apiError = asApiError(error);
    const code = rt.out.error(apiError, rt.flagOf);
    if (apiError.code === 'internal' && process.env.INCUBATOR_DEBUG && error instanceof Error && error.stack) {
      io.stderr.write(`${error.stack}\n`);
    }
    return code;
  } finally {
    rt.close();
  }
}

/** Entry point for bin/incubator.mjs: `argv` is process.argv. */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  // `incubator … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
  return runCli(argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
}
