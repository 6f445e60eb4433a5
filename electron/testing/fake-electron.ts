/**
 * A stand-in for the `electron` module, good enough to run the real bundled main process
 * (dist-electron/main.cjs), preload and core under plain Node in a test. There is no
 * Electron binary on CI machines; this checks the wiring between the three bundles: the
 * app:// handler, the window's settings, the port brokering and the crash restart.
 *
 * Core runs in a worker thread standing in for the utilityProcess (worker threads can
 * receive MessagePorts, like a utilityProcess); `process.parentPort` is emulated there.
 */
import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';

/** Runs in the worker before core's entry: emulates Electron's process.parentPort. */
const UTILITY_SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
const { EventEmitter } = require('node:events');
function wrapPort(port) {
  const events = new EventEmitter();
  port.on('message', (data) => events.emit('message', { data, ports: [] }));
  port.on('close', () => events.emit('close'));
  return {
    on(event, listener) { events.on(event, listener); return this; },
    postMessage(message) { port.postMessage(message); },
    start() { port.start(); },
    close() { port.close(); },
  };
}
const parent = new EventEmitter();
parentPort.on('message', ({ message, ports }) => parent.emit('message', { data: message, ports: ports.map(wrapPort) }));
process.parentPort = {
  on(event, listener) { parent.on(event, listener); return this; },
  postMessage(message) { parentPort.postMessage(message); },
};
require(workerData.entry);
`;

export class FakeUtilityProcess extends EventEmitter {
  readonly worker: Worker;
  /** Everything main posted to core, in order (ports left out). */
  readonly posted: unknown[] = [];
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: unknown,
  ) {
    super();
    this.worker = new Worker(UTILITY_SHIM, { eval: true, argv: args, workerData: { entry: modulePath } });
    this.worker.on('online', () => this.emit('spawn'));
    // What core sends its parent (process.parentPort.postMessage), as UtilityProcess's 'message'.
    this.worker.on('message', (message: unknown) => this.emit('message', message));
    this.worker.on('exit', (code) => this.emit('exit', code));
    this.worker.on('error', (error) => console.error('[fake utilityProcess] core failed:', error));
  }
  postMessage(message: unknown, transfer: MessagePort[] = []): void {
    this.posted.push(message);
    this.worker.postMessage({ message, ports: transfer }, transfer);
  }
  kill(): boolean {
    void this.worker.terminate();
    return true;
  }
}

/** What the page side (the preload) receives on a channel. */
export type PageDelivery = (channel: string, payload: unknown, ports: MessagePort[]) => void;

export class FakeWebContents extends EventEmitter {
  readonly mainFrame = { url: '' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(readonly deliver: PageDelivery) {
    super();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return false;
  }
  /** What printToPDF was asked for; it "prints" the loaded file's text after a PDF header. */
  readonly printed: unknown[] = [];
  loadedFileText = '';
  async printToPDF(options: unknown): Promise<Buffer> {
    this.printed.push(options);
    return Buffer.from(`%PDF-fake ${this.loadedFileText}`);
  }
  send(channel: string, payload: unknown): void {
    this.deliver(channel, structuredClone(payload), []);
  }
  postMessage(channel: string, payload: unknown, ports: MessagePort[] = []): void {
    this.deliver(channel, structuredClone(payload), ports);
  }
}

/** A session from session.fromPartition: remembers its handlers. */
export class FakePartition {
  permissionRequestHandler: unknown = null;
  permissionCheckHandler: unknown = null;
  beforeRequest: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null = null;
  readonly webRequest = {
    onBeforeRequest: (handler: FakePartition['beforeRequest']) => (this.beforeRequest = handler),
  };
  constructor(readonly name: string) {}
  setPermissionRequestHandler(handler: unknown): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: unknown): void {
    this.permissionCheckHandler = handler;
  }
}

type ProtocolHandler = (request: { url: string; method: string }) => Promise<Response>;

/** `deliver` plays the page: it receives what main sends to the window (IPC and ports). */
/**
 * safeStorage with a key store: AES-GCM under a key of its own. `backend` plays Linux's
 * getSelectedStorageBackend ('basic_text' when there is no key store).
 */
export class FakeSafeStorage {
  available = true;
  backend = 'gnome_libsecret';
  private key = crypto.randomBytes(32);
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  getSelectedStorageBackend(): string {
    return this.backend;
  }
  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
  }
  decryptString(encrypted: Buffer): string {
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, encrypted.subarray(3, 15));
    decipher.setAuthTag(encrypted.subarray(15, 31));
    return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8');
  }
  /** The key store was reset: what was sealed before can no longer be opened. */
  forgetKey(): void {
    this.key = crypto.randomBytes(32);
  }
}

export function createFakeElectron(options: { appData: string; deliver: PageDelivery }) {
  const calls = {
    privilegedSchemes: [] as unknown[],
    sandboxEnabled: false,
    quit: 0,
    exitCodes: [] as number[],
    errorBoxes: [] as { title: string; content: string }[],
    openedExternally: [] as string[],
    applicationMenu: null as unknown,
    permissionRequestHandler: null as unknown,
    permissionCheckHandler: null as unknown,
    headersHandler: null as unknown,
    beforeRequest: null as { filter: unknown; handler: unknown } | null,
  };
  /** Sessions from session.fromPartition, by name, with the handlers set on them. */
  const partitions = new Map<string, FakePartition>();
  const protocolHandlers = new Map<string, ProtocolHandler>();
  const paths = new Map<string, string>([['appData', options.appData]]);
  const utilityProcesses: FakeUtilityProcess[] = [];
  const windows: FakeBrowserWindow[] = [];
  /** Every window ever made, destroyed ones too. */
  const allWindows: FakeBrowserWindow[] = [];

  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    name: 'Electron',
    setName(name: string) {
      app.name = name;
    },
    getPath(name: string) {
      const value = paths.get(name);
      if (!value) throw new Error(`fake app.getPath: no ${name}`);
      return value;
    },
    setPath(name: string, value: string) {
      paths.set(name, value);
    },
    getVersion: () => '0.0.0-test',
    requestSingleInstanceLock: () => true,
    enableSandbox() {
      calls.sandboxEnabled = true;
    },
    setAppUserModelId() {},
    setAboutPanelOptions() {},
    whenReady: () => Promise.resolve(),
    quit() {
      calls.quit += 1;
    },
    exit(code = 0) {
      calls.exitCodes.push(code);
    },
  });

  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows = () => [...windows];
    static getFocusedWindow = () => windows[0] ?? null;
    readonly webContents = new FakeWebContents(options.deliver);
    loaded: { status: number; contentType: string | null; csp: string | null; body: string } | null = null;
    shown = false;
    destroyed = false;
    loadedFile: string | null = null;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      allWindows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string): Promise<void> {
      const handler = protocolHandlers.get(new URL(url).protocol.slice(0, -1));
      if (!handler) throw new Error(`no protocol handler for ${url}`);
      const response = await handler({ url, method: 'GET' });
      this.loaded = {
        status: response.status,
        contentType: response.headers.get('content-type'),
        csp: response.headers.get('content-security-policy'),
        body: await response.text(),
      };
      this.webContents.mainFrame.url = url;
      setImmediate(() => {
        this.emit('ready-to-show');
        this.webContents.emit('did-finish-load');
      });
    }
    async loadFile(file: string): Promise<void> {
      this.loadedFile = file;
      this.webContents.loadedFileText = fs.readFileSync(file, 'utf8');
      this.webContents.mainFrame.url = pathToFileURL(file).href;
    }
    destroy() {
      this.destroyed = true;
      windows.splice(windows.indexOf(this), 1);
    }
    show() {
      this.shown = true;
    }
    focus() {}
    restore() {}
    maximize() {}
    isMinimized = () => false;
    isMaximized = () => false;
    isDestroyed = () => this.destroyed;
    getNormalBounds = () => ({ x: 0, y: 0, width: Number(this.options.width), height: Number(this.options.height) });
  }

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    MessageChannelMain: MessageChannel,
    utilityProcess: {
      fork(modulePath: string, args: string[], forkOptions: unknown) {
        const child = new FakeUtilityProcess(modulePath, args, forkOptions);
        utilityProcesses.push(child);
        return child;
      },
    },
    protocol: {
      registerSchemesAsPrivileged(schemes: unknown[]) {
        calls.privilegedSchemes.push(...schemes);
      },
      handle(scheme: string, handler: ProtocolHandler) {
        protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      fromPartition(name: string) {
        let partition = partitions.get(name);
        if (!partition) partitions.set(name, (partition = new FakePartition(name)));
        return partition;
      },
      defaultSession: {
        setPermissionRequestHandler: (handler: unknown) => (calls.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: unknown) => (calls.permissionCheckHandler = handler),
        setDevicePermissionHandler: () => {},
        webRequest: {
          onHeadersReceived: (handler: unknown) => (calls.headersHandler = handler),
          onBeforeRequest: (filter: unknown, handler: unknown) => (calls.beforeRequest = { filter, handler }),
        },
      },
    },
    shell: {
      openExternal: async (url: string) => {
        calls.openedExternally.push(url);
      },
    },
    dialog: {
      showErrorBox: (title: string, content: string) => calls.errorBoxes.push({ title, content }),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => (calls.applicationMenu = menu),
    },
    nativeTheme: { themeSource: 'system', shouldUseDarkColors: false },
    safeStorage: new FakeSafeStorage(),
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    },
    ipcMain: Object.assign(new EventEmitter(), {}),
  };

  return { electron, calls, paths, protocolHandlers, utilityProcesses, windows, allWindows, partitions };
}

/** The preload's view of Electron: captures what it exposes, lets the test play main. */
export function createFakePreloadElectron() {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, (event: { ports: MessagePort[] }, payload: unknown) => void>();
  return {
    exposed,
    deliver: ((channel, payload, ports) => listeners.get(channel)?.({ ports }, payload)) as PageDelivery,
    electron: {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: {
        on: (channel: string, listener: (event: { ports: MessagePort[] }, payload: unknown) => void) =>
          listeners.set(channel, listener),
      },
    },
  };
}
