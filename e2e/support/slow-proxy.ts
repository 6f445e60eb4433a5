/**
 * An HTTP forwarder put between a workstation and the sync server, which can hold the
 * server's answers back for a while: a join on a fast machine is over before a person (or a
 * screenshot) could see its progress. `slow(ms, paths)` delays the answers to requests whose
 * path matches; `slow(0)` lets everything through at once again.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowProxy {
  /** The address to give the workstation instead of the server's. */
  url: string;
  slow(ms: number, paths?: RegExp): void;
  close(): Promise<void>;
}

export async function startSlowProxy(target: string): Promise<SlowProxy> {
  const upstream = new URL(target);
  let delayMs = 0;
  let matching = /./;

  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    const held = delayMs > 0 && matching.test(path) ? delayMs : 0;
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path,
        headers: { ...request.headers, host: upstream.host },
      },
      (answer) => {
        setTimeout(() => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        }, held);
      },
    );
    // The server is gone: so is the connection, as the workstation would find without us.
    forward.on('error', () => response.socket?.destroy());
    request.pipe(forward);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    slow(ms, paths = /./) {
      delayMs = ms;
      matching = paths;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
