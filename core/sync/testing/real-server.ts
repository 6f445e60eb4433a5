/**
 * The real central server (server/main.ts) for integration tests, run as its own process on
 * 127.0.0.1 and a free port, with embedded PostgreSQL (PGlite) in a temp folder. core/ may not
 * import server/ (DESIGN.md), so tests talk to it as a workstation does: over HTTP, and
 * administer it with its own admin CLI (which reaches the running server over its socket).
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { tempDir } from '../../testing/harness.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN = path.join(ROOT, 'server', 'main.ts');
const run = promisify(execFile);

export interface RealServer {
  url: string;
  dataDir: string;
  /** Runs `server admin <args> --json` against this server and returns its JSON answer. */
  admin<T = Record<string, unknown>>(...args: string[]): Promise<T>;
  /** A new centre and a one-time code for it. */
  centreWithCode(name: string, opts?: { role?: string; upload?: boolean }): Promise<{ centreId: string; code: string }>;
  code(centreId: string | null, opts?: { role?: string; upload?: boolean }): Promise<string>;
  stop(): Promise<void>;
}

function startProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', MAIN, '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve({ child, url: match[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before it listened:\n${output}`));
    });
  });
}

export async function startRealServer(): Promise<RealServer> {
  const root = tempDir('incubator-server-');
  const dataDir = path.join(root, 'server-data');
  const { child, url } = await startProcess(dataDir);

  const admin = async <T>(...args: string[]): Promise<T> => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', MAIN, 'admin', ...args, '--data-dir', dataDir, '--json'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '' },
    });
    return JSON.parse(stdout) as T;
  };
  const code = async (centreId: string | null, opts: { role?: string; upload?: boolean } = {}) => {
    const args = ['enrolment-code', '--role', opts.role ?? 'workstation'];
    if (centreId) args.push('--centre', centreId);
    if (opts.upload) args.push('--upload');
    return (await admin<{ code: string }>(...args)).code;
  };
  return {
    url,
    dataDir,
    admin,
    code,
    async centreWithCode(name, opts = {}) {
      const centre = await admin<{ id: string }>('create-centre', '--name', name);
      return { centreId: centre.id, code: await code(centre.id, opts) };
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
