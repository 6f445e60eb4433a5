/**
 * The Electron main process (bundled to dist-electron/main.cjs). Deliberately thin: it
 * opens the window, locks it down, serves the renderer over app://, starts core in a
 * utilityProcess and hands each page a MessagePort to it. It does no data work itself;
 * every decision worth testing lives in a small module beside this one.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  MessageChannelMain,
  nativeTheme,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  utilityProcess,
  type WebContents,
} from 'electron';
import type { CoreStatusPayload, MenuEventPayload, ThemePreference } from '../shared/api/bridge.js';
import { APP_SCHEME_PRIVILEGES, serveAppRequest } from './app-protocol.js';
import { APP_ENTRY_URL, APP_SCHEME, IPC } from './constants.js';
import { CoreSupervisor } from './core-supervisor.js';
import { buildMenuTemplate } from './menu.js';
import { dataLocations, PRODUCT_NAME, shellPaths } from './paths.js';
import { CONTENT_SECURITY_POLICY } from './security/csp.js';
import { hardenSession, hardenWebContents, type HardenOptions } from './security/harden.js';
import { isTrustedSender } from './security/ipc.js';
import { PdfPrintService, restrictPrintSession, servePdfPrinter, type PrintWindow } from './pdf-printer.js';
import { openShellSettings, type ShellSettings } from './settings.js';
import { SafeStorageTokenVault, serveTokenVault } from './token-vault.js';
import { restoreWindowState, windowStateToSave } from './window-state.js';

/** Set by scripts/build-electron.mjs from package.json (`electron dist-electron/main.cjs` has no version of its own). */
declare const __APP_VERSION__: string | undefined;

const isDev = !app.isPackaged;
const isMac = process.platform === 'darwin';
const paths = shellPaths({
  mainDir: __dirname,
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  electronVersion: process.versions.electron ?? 'unknown',
});
const appVersion = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : app.getVersion();

const log = {
  warn: (message: string) => console.warn(`[incubator-desk] ${message}`),
  error: (message: string, error?: unknown) => console.error(`[incubator-desk] ${message}`, error ?? ''),
};

const hardenOptions: HardenOptions = {
  openExternal: (url) => {
    shell.openExternal(url).catch((error: unknown) => log.error(`Could not open ${url}`, error));
  },
  warn: log.warn,
};

let mainWindow: BrowserWindow | null = null;
let settings: ShellSettings;
let core: CoreSupervisor | null = null;
let coreStoppedReason: string | null = null;

// --- Before ready: identity, profile location, single instance, scheme, sandbox. --------

app.setName(PRODUCT_NAME);
const locations = dataLocations(process.env, app.getPath('appData'));
app.setPath('userData', locations.userData);

if (!app.requestSingleInstanceLock()) {
  // Another Incubator Desk owns this profile; it gets focused through 'second-instance'.
  app.quit();
} else {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  // Every renderer sandboxed, whatever its webPreferences say.
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId('pk.incubatordesk.app');

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, hardenOptions));
  app.on('second-instance', () => focusMainWindow());
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  app.on('before-quit', () => core?.stop());

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) =>
      fatal(`${PRODUCT_NAME} could not start`, error instanceof Error ? (error.stack ?? error.message) : String(error)),
    );
}

// --- After ready. ---------------------------------------------------------------------

function start(): void {
  settings = openShellSettings(log.warn);
  nativeTheme.themeSource = settings.theme();

  if (!checkBuilt()) return;

  hardenSession(session.defaultSession, CONTENT_SECURITY_POLICY, hardenOptions);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, paths.rendererDir));

  fs.mkdirSync(locations.dataDir, { recursive: true });
  // Core asks this process for the sync device token, which safeStorage keeps (token-vault.ts).
  const tokenVault = new SafeStorageTokenVault({
    dataDir: locations.dataDir,
    safeStorage,
    platform: process.platform,
    log: log.error,
  });
  // Core asks this process to print report PDFs (pdf-printer.ts): it has no browser of its own.
  const pdfPrinter = new PdfPrintService({ createWindow: createPrintWindow, log: log.error });
  const supervisor = new CoreSupervisor({
    fork: () => {
      const child = utilityProcess.fork(
        paths.coreEntry,
        [
          '--data',
          locations.dataDir,
          '--native-binding',
          paths.nativeBinding,
          '--token-vault',
          'parent',
          '--pdf-printer',
          'parent',
        ],
        { serviceName: `${PRODUCT_NAME} core`, stdio: 'inherit' },
      );
      serveTokenVault(child, tokenVault);
      servePdfPrinter(child, pdfPrinter);
      return child;
    },
    onRestarting: (reason) => {
      log.error(`Core stopped unexpectedly (${reason}); restarting it`);
      sendCoreStatus({ state: 'restarting', reason });
    },
    onRestarted: () => {
      for (const window of BrowserWindow.getAllWindows()) brokerCorePort(window.webContents);
    },
    onStopped: (reason) => {
      coreStoppedReason = reason;
      log.error(`Core stopped again (${reason}); not restarting it`);
      sendCoreStatus({ state: 'stopped', reason });
      dialog.showErrorBox(
        `${PRODUCT_NAME} cannot reach its database`,
        `The background process that keeps your data stopped twice (${reason}). Your data is safe on disk; restart ${PRODUCT_NAME}. If this keeps happening, contact support.`,
      );
    },
  });
  core = supervisor;
  supervisor.start();

  app.setAboutPanelOptions({
    applicationName: PRODUCT_NAME,
    applicationVersion: appVersion,
    copyright: 'For technology incubation centres',
  });
  installMenu();
  createMainWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
}

/** The bundles, the UI and the Electron build of better-sqlite3 must all be there; if not, say how to make them. */
function checkBuilt(): boolean {
  const missing: string[] = [];
  if (!fs.existsSync(path.join(paths.rendererDir, 'index.html')))
    missing.push('the renderer (dist/renderer): run `npm run build:app`');
  if (!fs.existsSync(paths.coreEntry)) missing.push('core (dist-electron/core.cjs): run `node scripts/build-electron.mjs`');
  if (!fs.existsSync(paths.nativeBinding)) {
    missing.push(
      isDev
        ? `better-sqlite3 for Electron (${paths.nativeBinding}): run \`node scripts/electron-native.mjs\``
        : `better-sqlite3 for Electron (${paths.nativeBinding}): reinstall ${PRODUCT_NAME}`,
    );
  }
  if (missing.length === 0) return true;
  fatal(`${PRODUCT_NAME} is incomplete`, `Missing:\n\n- ${missing.join('\n- ')}`);
  return false;
}

function fatal(title: string, message: string): void {
  log.error(`${title}: ${message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function createMainWindow(): void {
  const restored = restoreWindowState(
    settings.windowState(),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow({
    ...restored.bounds,
    minWidth: restored.minimumSize.width,
    minHeight: restored.minimumSize.height,
    show: false,
    title: PRODUCT_NAME,
    // Matches the page's first paint, so opening the window does not flash white in dark mode.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#242424' : '#ffffff',
    ...(process.platform === 'linux' && isDev ? { icon: paths.devIcon } : {}),
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: isDev,
    },
  });
  mainWindow = window;

  window.once('ready-to-show', () => {
    if (restored.maximized) window.maximize();
    window.show();
  });
  rememberWindowState(window);
  // Each load (first, or a reload in development) gets a fresh channel; the old page's port
  // closed with it, and core dropped that connection.
  window.webContents.on('did-finish-load', () => brokerCorePort(window.webContents));
  window.webContents.on('render-process-gone', (_event, details) => log.error(`Renderer gone: ${details.reason}`));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });

  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => log.error('Could not load the renderer', error));
}

/** A hidden window that prints one report (pdf-printer.ts): sandboxed, no JavaScript, a session that loads only its file. */
function createPrintWindow(allowedUrl: string): PrintWindow {
  const printSession = session.fromPartition('report-print');
  restrictPrintSession(printSession, allowedUrl);
  const window = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      session: printSession,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: false,
    },
  });
  return {
    load: (file) => window.loadFile(file),
    printToPDF: (options) => window.webContents.printToPDF(options),
    destroy: () => {
      if (!window.isDestroyed()) window.destroy();
    },
  };
}

/** A second launch: show the window we have (macOS may have none open: make one). */
function focusMainWindow(): void {
  const window = mainWindow;
  if (!window || window.isDestroyed()) {
    if (app.isReady() && core) createMainWindow();
    return;
  }
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function rememberWindowState(window: BrowserWindow): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed()) return;
    settings.saveWindowState(windowStateToSave(window.getNormalBounds(), window.isMaximized()));
  };
  // Saved a moment after moving stops too, not only on close, so a crash keeps the place.
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 750);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', saveSoon);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

/** Connects a page to core: one end of a new channel to core, the other to the page. */
function brokerCorePort(contents: WebContents): void {
  if (contents.isDestroyed()) return;
  // Only our own renderer ever gets a port to core.
  if (!isTrustedSender(contents.mainFrame.url)) {
    log.warn(`Not connecting untrusted page ${contents.mainFrame.url} to core`);
    return;
  }
  if (coreStoppedReason !== null) {
    contents.send(IPC.coreStatus, { state: 'stopped', reason: coreStoppedReason } satisfies CoreStatusPayload);
    return;
  }
  const { port1, port2 } = new MessageChannelMain();
  if (!core?.connect(port1)) {
    port2.close();
    return;
  }
  contents.postMessage(IPC.corePort, null, [port2]);
}

function sendToTrustedPages(channel: string, payload: unknown): void {
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents;
    if (!contents.isDestroyed() && isTrustedSender(contents.mainFrame.url)) contents.send(channel, payload);
  }
}

function sendCoreStatus(status: CoreStatusPayload): void {
  sendToTrustedPages(IPC.coreStatus, status);
}

function sendMenuEvent(payload: MenuEventPayload): void {
  const window = BrowserWindow.getFocusedWindow() ?? mainWindow;
  const contents = window?.webContents;
  if (contents && !contents.isDestroyed() && isTrustedSender(contents.mainFrame.url)) contents.send(IPC.menu, payload);
}

function setTheme(theme: ThemePreference): void {
  settings.saveTheme(theme);
  nativeTheme.themeSource = theme;
  sendToTrustedPages(IPC.menu, { action: 'theme', theme } satisfies MenuEventPayload);
}

function installMenu(): void {
  const template = buildMenuTemplate({
    isDev,
    isMac,
    appName: PRODUCT_NAME,
    theme: settings.theme(),
    send: sendMenuEvent,
    setTheme,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
