/**
 * Core in a child process of its own, for the crash tests (kill-during-writes.test.ts): it
 * opens the data folder given as `--data DIR` exactly as the app's hosts do (Core.open, with
 * background sync once joined) and carries API messages over stdio, one JSON message a
 * line: calls in on stdin, results and events out on stdout. It prints `{"type":"ready"}`
 * once the database is open. Nothing here catches or softens a crash: the test kills this
 * process with SIGKILL while it writes.
 *
 * A result line is written only after the call's transaction has committed (Core.dispatch),
 * and stdout to a pipe is written synchronously on Linux, so a call the test saw answered
 * was committed before the answer left this process.
 */
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { Core } from '../../core/host/core.js';

const { values } = parseArgs({
  options: { data: { type: 'string' }, 'sync-interval-ms': { type: 'string' } },
  allowPositionals: false,
});
if (!values.data) {
  console.error('Usage: core-child.ts --data DIR [--sync-interval-ms N]');
  process.exit(2);
}
const intervalMs = Number(values['sync-interval-ms'] ?? 10_000);

const core = Core.open({
  dataDir: values.data,
  // Syncs often and soon, so that kills land in syncs as well as in writes.
  backgroundSync: {
    startDelayMs: Math.min(intervalMs, 1_000),
    debounceMs: Math.min(intervalMs, 2_000),
    intervalMs,
    baseBackoffMs: intervalMs,
    maxBackoffMs: intervalMs * 4,
  },
  log: (message, error) => process.stderr.write(`core: ${message} ${error instanceof Error ? error.stack : (error ?? '')}\n`),
});
const connection = core.connect((message) => process.stdout.write(`${JSON.stringify(message)}\n`));

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch {
    return; // Not JSON: ignored, as every transport ignores a malformed message.
  }
  void connection.receive(message);
});
process.stdin.on('end', () => {
  core.close();
  process.exit(0);
});
process.on('SIGTERM', () => {
  core.close();
  process.exit(0);
});
process.stdout.write(`${JSON.stringify({ type: 'ready' })}\n`);
