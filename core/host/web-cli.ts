/**
 * `npm run web -- --data DIR [--port N]`: starts core on DIR and serves the UI on
 * 127.0.0.1. Prints the URL to open (token included) on a line of its own.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Core } from './core.js';
import { startWebHost } from './web.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, port: { type: 'string' } },
    allowPositionals: false,
  });
  if (!values.data) {
    console.error('Usage: npm run web -- --data DIR [--port N]');
    process.exit(2);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number (0–65535), not "${values.port}"`);
    process.exit(2);
  }
  const core = Core.open({ dataDir: path.resolve(values.data), backgroundSync: true });
  const host = await startWebHost(core, { port, rendererDir: path.join(root, 'dist', 'renderer') });
  console.log('Incubator Desk is running. Open this address in a browser on this computer:');
  console.log(host.url);
  const stop = async () => {
    await host.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
