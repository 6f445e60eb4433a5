/**
 * A running server that holds an embedded data folder (PGlite: one process only) takes
 * admin commands on a unix socket inside that folder, so `npm run server -- admin …` works
 * while the server runs. The socket is mode 0600 in the data folder: whoever may use it could
 * read the database files anyway. With PostgreSQL the CLI opens the database itself.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Db } from '../store/db.js';
import { AdminInputError, adminCommands, isAdminCommand } from './commands.js';

/** Unix socket paths are limited to about 107 bytes; a longer data folder gets no socket. */
export function adminSocketPath(dataDir: string): string | null {
  const socket = path.resolve(dataDir, 'admin.sock');
  return Buffer.byteLength(socket) <= 100 ? socket : null;
}

const MAX_REQUEST_BYTES = 64 * 1024;

export async function serveAdminSocket(
  db: Db,
  socketPath: string,
  now: () => Date = () => new Date(),
): Promise<{ close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const name = (request.url ?? '').slice(1);
    if (request.method !== 'POST' || !isAdminCommand(name)) return answer(404, { error: `No admin command ${name}` });
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_REQUEST_BYTES) request.destroy();
    });
    request.on('end', () => {
      let input: unknown;
      try {
        input = JSON.parse(body || '{}');
      } catch {
        return answer(400, { error: 'The admin request is not JSON' });
      }
      adminCommands[name](db, input, now()).then(
        (result) => answer(200, { result }),
        (error: unknown) =>
          error instanceof AdminInputError
            ? answer(400, { error: error.message })
            : answer(500, { error: error instanceof Error ? error.message : String(error) }),
      );
    });
  });
  fs.rmSync(socketPath, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  fs.chmodSync(socketPath, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(socketPath, { force: true });
      }),
  };
}

/** Runs a command in the server that listens on `socketPath`. */
export function sendAdminCommand(socketPath: string, name: string, input: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { socketPath, path: `/${name}`, method: 'POST', headers: { 'content-type': 'application/json' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          try {
            const body = JSON.parse(text) as { result?: unknown; error?: string };
            if (response.statusCode === 200) resolve(body.result);
            else if (response.statusCode === 400) reject(new AdminInputError(body.error ?? 'Bad input'));
            else reject(new Error(body.error ?? `The server answered ${response.statusCode}`));
          } catch {
            reject(new Error('The server answered the admin command with something unreadable'));
          }
        });
      },
    );
    request.on('error', (error) => reject(new Error(`Could not reach the running server's admin socket: ${error.message}`)));
    request.end(JSON.stringify(input));
  });
}
