/**
 * Web mode: the same UI in a browser, against the real core, over a WebSocket on
 * 127.0.0.1. A random token (in the printed URL) guards the socket, and the Origin must
 * be this server, so another web page in the same browser cannot drive core.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from './core.js';
import { CONTENT_SECURITY_POLICY, mimeType, resolveStaticPath } from './static-files.js';

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export function tokensEqual(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

export async function startWebHost(core: Core, opts: { port?: number; rendererDir: string }): Promise<WebHost> {
  const token = crypto.randomBytes(24).toString('base64url');
  if (!fs.existsSync(`${opts.rendererDir}/index.html`)) {
    throw new Error(`The UI is not built (${opts.rendererDir}/index.html is missing). Run \`npx vite build\` first.`);
  }
  const server = http.createServer((req, res) => {
    const file = req.method === 'GET' || req.method === 'HEAD' ? resolveStaticPath(opts.rendererDir, req.url ?? '/') : null;
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': mimeType(file),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const origin = req.headers.origin;
    const host = req.headers.host;
    const originOk = origin === undefined || origin === `http://${host}`;
    if (url.pathname !== '/api' || !originOk || !tokensEqual(url.searchParams.get('token') ?? '', token)) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(core, ws));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function attach(core: Core, ws: WebSocket): void {
  const connection = core.connect((message) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  });
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    let message: unknown;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return; // Not JSON: ignore, as any malformed message is.
    }
    void connection.receive(message);
  });
  ws.on('close', () => connection.close());
}
