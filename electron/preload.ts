/**
 * The preload script of the main window (bundled to dist-electron/preload.cjs). It runs
 * sandboxed: `require('electron')` is its only import at run time, everything else is
 * bundled in. It exposes exactly one thing to the page, `window.incubatorBridge`, with three
 * members; no ipcRenderer, no Node object, no port is ever handed to the page itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IncubatorBridge } from '../shared/api/bridge.js';
import type { CallMessage, ServerMessage } from '../shared/api/protocol.js';
import { IPC } from './constants.js';
import { CoreBridge, type BridgePort } from './core-bridge.js';

const bridge = new CoreBridge((message, error) => console.error(`[incubatorBridge] ${message}`, error ?? ''));

ipcRenderer.on(IPC.corePort, (event) => {
  const port = event.ports[0];
  if (port) bridge.attachPort(port as unknown as BridgePort);
});
ipcRenderer.on(IPC.coreStatus, (_event, payload: unknown) => bridge.coreStatus(payload));
ipcRenderer.on(IPC.menu, (_event, payload: unknown) => bridge.menuEvent(payload));

const incubatorBridge: IncubatorBridge = Object.freeze({
  send: (message: CallMessage) => bridge.send(message),
  subscribe: (listener: (message: ServerMessage) => void) => bridge.subscribe(listener),
  platform: Object.freeze({ kind: 'electron' as const, os: typeof process === 'object' ? process.platform : 'unknown' }),
});

contextBridge.exposeInMainWorld('incubatorBridge', incubatorBridge);
