/**
 * For the CLI's tests: runs a command line in-process and captures what it prints. The
 * harness import lowers the scrypt cost, so `init` is quick in tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../testing/harness.js';
import { runCli } from './main.js';

export const PASSWORD = 'correct horse battery';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (for --json runs). */
  json<T = unknown>(): T;
  /** The `{"error": …}` line of stderr (for failed --json runs). */
  error(): { code: string; message: string; issues?: { path: (string | number)[]; message: string; flag?: string }[] };
}

export async function cli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return {
    code,
    stdout,
    stderr,
    json: <T>() => JSON.parse(stdout) as T,
    error: () => {
      const line = stderr
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => 'error' in l);
      if (!line) throw new Error(`No error on stderr: ${stderr}`);
      return line.error as ReturnType<CliRun['error']>;
    },
  };
}

/** A data folder set up with a centre in Karachi; returns the folder and a runner bound to it. */
export async function initialised(): Promise<{ dir: string; run: (...argv: string[]) => Promise<CliRun>; cleanup(): void }> {
  const root = tempDir('incubator-cli-');
  const dir = path.join(root, 'data');
  const setup = await cli(
    '--data',
    dir,
    'init',
    '--centre',
    'NIC Karachi',
    '--city',
    'Karachi',
    '--manager-email',
    'amna.siddiqui@nic.pk',
    '--manager-password',
    PASSWORD,
  );
  if (setup.code !== 0) throw new Error(`init failed: ${setup.stderr}`);
  return {
    dir,
    run: (...argv: string[]) => cli('--data', dir, ...argv),
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
