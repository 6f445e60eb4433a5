/**
 * The three real bundles together — dist-electron/main.cjs, preload.cjs and core.cjs — with
 * a fake `electron` (see testing/fake-electron.ts), since CI has no Electron binary. Core
 * runs on the Node build of better-sqlite3, placed where a packaged app keeps its own.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreStatusPayload, IncubatorBridge } from '../shared/api/bridge.js';
import type { ServerMessage } from '../shared/api/protocol.js';
import { createFakeElectron, createFakePreloadElectron } from './testing/fake-electron.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nodeBuildOfSqlite = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const coreEntry = path.join(root, 'core', 'host', 'utility-entry.ts');
const missing = [nodeBuildOfSqlite, coreEntry].filter((file) => !fs.existsSync(file));

type ModuleWithLoad = typeof Module & { _load: (request: string, ...rest: unknown[]) => unknown };

let tmp: string;
let fake: ReturnType<typeof createFakeElectron>;
let page: ReturnType<typeof createFakePreloadElectron>;
let bridge: IncubatorBridge;
const received: ServerMessage[] = [];
const originalLoad = (Module as ModuleWithLoad)._load;
const originalResourcesPath = process.resourcesPath;
const originalDataDir = process.env.INCUBATOR_DATA_DIR;
let nextId = 1;

async function waitFor<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function callCore(method: string, input: unknown): Promise<ServerMessage> {
  const id = nextId++;
  bridge.send({ type: 'call', id, method, input });
  return waitFor(`the answer to ${method}`, () => received.find((m) => m.type === 'result' && m.id === id));
}

const coreEvents = () =>
  received.filter((m) => m.type === 'event' && m.name === 'app.core').map((m) => (m as { payload: CoreStatusPayload }).payload);

describe.skipIf(missing.length > 0)('the shell with its real bundles (fake Electron)', () => {
  beforeAll(async () => {
    fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
    // Inside the checkout, so core.cjs finds better-sqlite3 in node_modules like it does in dev.
    tmp = fs.mkdtempSync(path.join(root, '.tmp', 'shell-it-'));

    const built = spawnSync(
      process.execPath,
      [path.join(root, 'scripts', 'build-electron.mjs'), '--out-dir', path.join(tmp, 'dist-electron')],
      {
        encoding: 'utf8',
      },
    );
    expect(built.status, built.stderr).toBe(0);

    const renderer = path.join(tmp, 'dist', 'renderer');
    fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(renderer, 'index.html'),
      '<!doctype html><title>Incubator Desk</title><script type="module" src="./assets/app.js"></script>',
    );
    fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'export {};');

    // A packaged app: main looks for the Electron build of better-sqlite3 in app.asar.unpacked.
    const resources = path.join(tmp, 'resources');
    const unpacked = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release');
    fs.mkdirSync(unpacked, { recursive: true });
    fs.copyFileSync(nodeBuildOfSqlite, path.join(unpacked, 'better_sqlite3.node'));
    (process as { resourcesPath: string }).resourcesPath = resources;
    process.env.INCUBATOR_DATA_DIR = path.join(tmp, 'data');

    page = createFakePreloadElectron();
    fake = createFakeElectron({ appData: path.join(tmp, 'appdata'), deliver: page.deliver });
    (Module as ModuleWithLoad)._load = function (request: string, ...rest: unknown[]) {
      if (request === 'electron') return fake.electron;
      return originalLoad.call(this, request, ...rest);
    };

    // The preload, run the way a sandbox runs it: its only require is 'electron'.
    const preloadCode = fs.readFileSync(path.join(tmp, 'dist-electron', 'preload.cjs'), 'utf8');
    const sandboxRequire = (name: string) => {
      if (name === 'electron') return page.electron;
      throw new Error(`a sandboxed preload cannot require ${name}`);
    };
    new Function('require', 'module', 'exports', 'process', preloadCode)(
      sandboxRequire,
      { exports: {} },
      {},
      { platform: process.platform },
    );
    bridge = page.exposed.get('incubatorBridge') as IncubatorBridge;
    bridge.subscribe((message) => received.push(message));

    createRequire(import.meta.url)(path.join(tmp, 'dist-electron', 'main.cjs'));
    await waitFor('the main window', () => fake.windows[0]);
  }, 60_000);

  afterAll(async () => {
    fake?.electron.app.emit('before-quit');
    await Promise.all(fake?.utilityProcesses.map((child) => child.worker.terminate()) ?? []);
    (Module as ModuleWithLoad)._load = originalLoad;
    (process as { resourcesPath: string | undefined }).resourcesPath = originalResourcesPath;
    if (originalDataDir === undefined) delete process.env.INCUBATOR_DATA_DIR;
    else process.env.INCUBATOR_DATA_DIR = originalDataDir;
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('locks the app down before the window opens', () => {
    expect(fake.calls.sandboxEnabled).toBe(true);
    expect(fake.calls.privilegedSchemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(fake.calls.permissionRequestHandler).toBeTypeOf('function');
    expect(fake.calls.permissionCheckHandler).toBeTypeOf('function');
    expect(fake.calls.headersHandler).toBeTypeOf('function');
    expect(fake.calls.applicationMenu).not.toBeNull();
    expect(fake.paths.get('userData')).toBe(`${path.join(tmp, 'data')}-electron-profile`);
  });

  it('opens one window with the hardened preferences and the minimum size', () => {
    const window = fake.windows[0]!;
    expect(fake.windows).toHaveLength(1);
    expect(window.options).toMatchObject({ minWidth: 1024, minHeight: 700, show: false });
    expect(window.options.webPreferences).toEqual(
      expect.objectContaining({
        preload: path.join(tmp, 'dist-electron', 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        devTools: false,
      }),
    );
    // Hardened through web-contents-created: new windows are denied.
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(window.webContents.listenerCount('will-navigate')).toBeGreaterThan(0);
    expect(window.webContents.listenerCount('will-attach-webview')).toBeGreaterThan(0);
  });

  it('loads the renderer from app:// with its policy', async () => {
    const window = fake.windows[0]!;
    await waitFor('the page', () => window.loaded);
    expect(window.loaded).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8' });
    expect(window.loaded?.csp).toContain("script-src 'self'");
    expect(window.webContents.mainFrame.url).toBe('app://incubator-desk/index.html');
    await waitFor('the window to show', () => window.shown);
  });

  it('starts core with the data directory and the native binding', () => {
    const child = fake.utilityProcesses[0]!;
    expect(child.modulePath).toBe(path.join(tmp, 'dist-electron', 'core.cjs'));
    expect(child.args).toEqual([
      '--data',
      path.join(tmp, 'data'),
      '--native-binding',
      path.join(
        tmp,
        'resources',
        'app.asar.unpacked',
        'node_modules',
        'better-sqlite3',
        'build',
        'Release',
        'better_sqlite3.node',
      ),
      '--token-vault',
      'parent',
      '--pdf-printer',
      'parent',
    ]);
  });

  it('prints report PDFs for core in a hidden window without JavaScript that loads only the report, then closes it', async () => {
    const child = fake.utilityProcesses[0]!;
    const replies = () =>
      child.posted.filter((m) => (m as { type?: string }).type === 'print-pdf-result') as Array<{
        id: number;
        ok: boolean;
        pdf?: Uint8Array;
      }>;
    // As core's PortPdfPrinter sends it (the reply also reaches core, which ignores an unknown id).
    child.emit('message', { type: 'print-pdf', id: 9100, html: '<p>Quarterly report</p>' });
    child.emit('message', { type: 'print-pdf', id: 9101, html: 42 });
    await waitFor('the print to be answered', () => replies().length === 1);
    const [reply] = replies();
    expect(reply).toMatchObject({ type: 'print-pdf-result', id: 9100, ok: true });
    expect(Buffer.from(reply!.pdf!).toString()).toBe('%PDF-fake <p>Quarterly report</p>');

    const printWindow = fake.allWindows.at(-1)!;
    const partition = fake.partitions.get('report-print')!;
    expect(printWindow.options).toMatchObject({ show: false });
    expect(printWindow.options.webPreferences).toEqual(
      expect.objectContaining({
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        session: partition,
      }),
    );
    expect(printWindow.webContents.printed).toEqual([
      expect.objectContaining({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true }),
    ]);
    expect(printWindow.destroyed).toBe(true);
    expect(fake.windows).toHaveLength(1);
    // Its session let the report's file load and nothing else; the file is gone.
    const fileUrl = printWindow.webContents.mainFrame.url;
    const cancelled = (url: string) => {
      let cancel: boolean | null = null;
      partition.beforeRequest!({ url }, (response) => (cancel = response.cancel));
      return cancel;
    };
    expect(cancelled(fileUrl)).toBe(false);
    expect(cancelled('https://example.com/logo.png')).toBe(true);
    expect(fs.existsSync(printWindow.loadedFile!)).toBe(false);
  });

  it("keeps core's sync token with safeStorage, in the data directory, and ignores other messages", async () => {
    const child = fake.utilityProcesses[0]!;
    const answers = () =>
      child.posted.filter((m) => (m as { type?: string }).type === 'token-vault-result') as { id: number; ok: boolean }[];
    // As core's PortTokenVault sends them (the replies also reach core, which ignores unknown ids).
    child.emit('message', { type: 'token-vault', id: 9001, op: 'write', token: 'device-token-from-the-server' });
    await waitFor('the write to be answered', () => answers().length === 1);
    child.emit('message', { type: 'token-vault', id: 9002, op: 'read' });
    child.emit('message', { type: 'token-vault', id: 9003, op: 'read', extra: 'not allowed' });
    child.emit('message', { type: 'hello' });
    await waitFor('the read to be answered', () => answers().length === 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answers()).toEqual([
      { type: 'token-vault-result', id: 9001, ok: true },
      { type: 'token-vault-result', id: 9002, ok: true, token: 'device-token-from-the-server' },
    ]);
    const sealed = fs.readFileSync(path.join(tmp, 'data', 'sync-token.enc'));
    expect(sealed.toString('latin1')).not.toContain('device-token-from-the-server');
    child.emit('message', { type: 'token-vault', id: 9004, op: 'clear' });
    await waitFor('the clear to be answered', () => answers().length === 3);
    expect(fs.existsSync(path.join(tmp, 'data', 'sync-token.enc'))).toBe(false);
  });

  it('connects the page to core through the bridge', async () => {
    const answer = await callCore('auth.status', {});
    expect(answer).toMatchObject({ type: 'result', ok: true });
    const invalid = await callCore('auth.signIn', { email: 42 });
    expect(invalid).toMatchObject({ type: 'result', ok: false, error: { code: 'invalid' } });
  });

  it('keeps the database in the data directory', () => {
    expect(fs.readdirSync(path.join(tmp, 'data')).length).toBeGreaterThan(0);
  });

  it('delivers menu picks to the page as app.menu events', async () => {
    type Item = { id?: string; click?: () => void; submenu?: Item[] };
    const template = (fake.calls.applicationMenu as { template: Item[] }).template;
    const all = (items: Item[]): Item[] => items.flatMap((item) => [item, ...all(item.submenu ?? [])]);
    all(template)
      .find((item) => item.id === 'backup')
      ?.click?.();
    await waitFor('the menu event', () => received.find((m) => m.type === 'event' && m.name === 'app.menu'));
    expect(received).toContainEqual({ type: 'event', name: 'app.menu', payload: { action: 'backup' } });
  });

  it('restarts core once after a crash and reconnects the page', async () => {
    const first = fake.utilityProcesses[0]!;
    await first.worker.terminate();
    await waitFor('core to restart', () => coreEvents().some((e) => e.state === 'restarted'));
    expect(coreEvents().map((e) => e.state)).toEqual(['restarting', 'restarted']);
    expect(fake.utilityProcesses).toHaveLength(2);
    expect(await callCore('auth.status', {})).toMatchObject({ ok: true });
  });

  it('stays down after a second crash, and says so', async () => {
    await fake.utilityProcesses[1]!.worker.terminate();
    await waitFor('core to be given up', () => coreEvents().some((e) => e.state === 'stopped'));
    expect(fake.utilityProcesses).toHaveLength(2);
    expect(fake.calls.errorBoxes).toHaveLength(1);
    expect(await callCore('auth.status', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
