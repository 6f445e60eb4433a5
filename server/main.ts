/**
 * `npm run server -- [--port N] [--host H] [--data-dir DIR]` starts the central server;
 * `npm run server -- admin <command> …` administers its database (admin/cli.ts). The store
 * is PostgreSQL when DATABASE_URL is set, else embedded PostgreSQL in the data folder.
 */
import { Command } from 'commander';
import { errorMessage } from './error-message.js';
import { adminSocketPath, serveAdminSocket } from './admin/admin-socket.js';
import { adminCommand } from './admin/cli.js';
import { buildServer } from './app.js';
import { DataDirBusyError, lockDataDir } from './store/data-dir-lock.js';
import { describeStore, openStore, type StoreConfig } from './store/open.js';

interface ServeOptions {
  port: string;
  host: string;
  dataDir: string;
  trustProxy?: string;
}

const SHUTDOWN_GRACE_MS = 10_000;

async function serve(options: ServeOptions): Promise<void> {
  const port = Number(options.port);
  if (!/^\d+$/.test(options.port) || port > 65535) throw new Error(`--port must be 0–65535, not ${options.port}`);
  const config: StoreConfig = { databaseUrl: process.env.DATABASE_URL, dataDir: options.dataDir };
  const embedded = !config.databaseUrl;
  const socketPath = embedded ? adminSocketPath(config.dataDir) : null;

  let lock: { release(): void } | null = null;
  if (embedded) {
    try {
      lock = lockDataDir(config.dataDir, socketPath ? { adminSocket: socketPath } : {});
    } catch (error) {
      if (error instanceof DataDirBusyError)
        throw new Error(`${config.dataDir} is in use by process ${error.holder.pid}; stop it first`);
      throw error;
    }
  }
  const db = await openStore(config).catch((error: unknown) => {
    lock?.release();
    throw error;
  });
  const app = buildServer({ db, logger: true, trustProxy: options.trustProxy });
  const adminSocket = socketPath ? await serveAdminSocket(db, socketPath) : null;

  let stopping = false;
  /** Closes everything in order; the lock goes last, once the database files are closed. */
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${reason}: stopping`);
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    try {
      await app.close(); // stops accepting, lets requests in flight finish
      await adminSocket?.close();
      await db.close();
    } finally {
      lock?.release();
    }
  };
  const stopOnSignal = (signal: string) =>
    void stop(signal).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.on('SIGINT', () => stopOnSignal('SIGINT'));
  process.on('SIGTERM', () => stopOnSignal('SIGTERM'));

  try {
    await app.listen({ port, host: options.host });
  } catch (error) {
    await stop('listen failed');
    throw error;
  }
  app.log.info(`store: ${describeStore(config)}`);
}

const program = new Command('server')
  .description('Incubator Desk central sync server')
  // Options before `admin` belong to the server; each admin command has its own.
  .enablePositionalOptions()
  .option('--port <n>', 'port to listen on', '8080')
  .option('--host <host>', 'address to listen on', '0.0.0.0')
  .option('--data-dir <dir>', 'embedded database folder (ignored when DATABASE_URL is set)', './server-data')
  .option(
    '--trust-proxy <addresses>',
    'behind a TLS reverse proxy: its address(es), comma-separated, so that client addresses (logs, rate limits) come from X-Forwarded-For',
  )
  .action((options: ServeOptions) => serve(options));
program.addCommand(adminCommand());

program.parseAsync().catch((error: unknown) => {
  console.error(`error: ${errorMessage(error)}`);
  process.exit(1);
});
