/**
 * Core inside Electron's utilityProcess. The main process forks this with
 * `--data DIR --native-binding FILE` and then hands over one MessagePort per window; each
 * port becomes a connection. This file is bundled to dist-electron/core.cjs.
 */
import { parseArgs } from 'node:util';
import { PortPdfPrinter, setPdfPrinter } from '../reports/render/pdf.js';
import { PortTokenVault } from '../sync/token-vault.js';
import { Core } from './core.js';

interface PortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
  postMessage(message: unknown): void;
  start(): void;
}
interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown; ports: PortLike[] }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('utility-entry must run inside an Electron utilityProcess');

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    data: { type: 'string' },
    'native-binding': { type: 'string' },
    'token-vault': { type: 'string' },
    'pdf-printer': { type: 'string' },
  },
  strict: false,
});
if (typeof values.data !== 'string') throw new Error('--data DIR is required');

// `--token-vault parent`: the main process keeps the sync device token (safeStorage) and
// answers the vault's messages (core/sync/token-vault.ts); otherwise a 0600 file in --data.
const vault = values['token-vault'] === 'parent' ? new PortTokenVault((request) => parentPort.postMessage(request)) : undefined;

// `--pdf-printer parent`: report PDFs are printed by the main process (webContents.printToPDF,
// electron/pdf-printer.ts); a utilityProcess has no browser of its own.
const printer = values['pdf-printer'] === 'parent' ? new PortPdfPrinter((request) => parentPort.postMessage(request)) : undefined;
if (printer) setPdfPrinter(printer);

const core = Core.open({
  dataDir: values.data,
  nativeBinding: typeof values['native-binding'] === 'string' ? values['native-binding'] : undefined,
  tokenVault: vault,
  backgroundSync: true,
});

parentPort.on('message', (event) => {
  const port = event.ports[0];
  if (!port) {
    if (printer?.receive(event.data)) return;
    vault?.receive(event.data);
    return;
  }
  const connection = core.connect((message) => port.postMessage(message));
  port.on('message', (e) => void connection.receive(e.data));
  port.on('close', () => connection.close());
  port.start();
});

// The main process stops core with SIGTERM on quit: exit normally so the database is
// checkpointed and closed.
process.on('SIGTERM', () => process.exit(0));
process.on('exit', () => core.close());
