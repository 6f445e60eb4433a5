/** `npm run server -- --port N`: starts the central server on 0.0.0.0:N (default 8080). */
import { parseArgs } from 'node:util';
import { buildServer } from './app.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' } } });
  const port = Number(values.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, not ${values.port}`);
  const app = buildServer({ logger: true });
  await app.listen({ port, host: values.host ?? '0.0.0.0' });
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
