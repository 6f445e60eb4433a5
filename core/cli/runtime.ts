/**
 * What every command's action shares for one run of the CLI: the output, the data folder
 * from `--data`, the workstation (opened on first use, closed when the run ends) and how
 * to name the flag behind an input path in error messages.
 */
import { ApiFailure, type FieldIssue } from '../../shared/api/errors.js';
import { Output, type CliIo, type FlagOf } from './output.js';
import { openSignedIn, openWorkstation, resolveDataDir, type Workstation } from './workstation.js';
import type { SessionUser } from '../context.js';

export class Runtime {
  readonly out: Output;
  /** Maps input paths to flags for the current command's error messages. */
  flagOf: FlagOf = () => null;
  /** A command that printed its result but did not do what was asked (e.g. an import stopped by rejected rows). */
  exitCode: number | null = null;
  private dataOption: string | undefined;
  private opened: Workstation | null = null;

  constructor(
    io: CliIo,
    readonly json: boolean,
  ) {
    this.out = new Output(io, json);
  }

  /** Called before each action with the global options. */
  configure(globals: { data?: string }): void {
    this.dataOption = globals.data;
  }

  /** The absolute data folder, created if missing. */
  dataDir(): string {
    if (!this.dataOption) {
      const message = 'Say which data folder to use with --data DIR';
      throw new ApiFailure({ code: 'invalid', message, issues: [{ path: ['data'], message, flag: '--data' } as FieldIssue] });
    }
    return resolveDataDir(this.dataOption);
  }

  /** Core on the data folder, not signed in (for `init`). */
  open(): Workstation {
    this.opened ??= openWorkstation(this.dataDir());
    return this.opened;
  }

  /** Core on an initialised data folder, acting as its first active manager. */
  signedIn(): Workstation & { user: SessionUser } {
    if (this.opened && this.opened.connection.user) return this.opened as Workstation & { user: SessionUser };
    this.close();
    const ws = openSignedIn(this.dataDir());
    this.opened = ws;
    return ws;
  }

  close(): void {
    this.opened?.close();
    this.opened = null;
  }
}
