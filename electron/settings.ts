/**
 * The shell's own preferences (window placement, colour scheme), kept with electron-store in
 * userData/shell-settings.json. Not app data: that lives in core's database.
 *
 * electron-store 11 is an ES module; esbuild bundles it into the CommonJS main bundle, so a
 * plain import works. Values are validated on the way out rather than with a store schema:
 * a schema violation in a hand-edited file would make the constructor throw and the app
 * fail to start over a window size.
 */
import { ipcMain } from 'electron';
import Store from 'electron-store';
import type { ThemePreference } from '../shared/api/bridge.js';
import { parseSavedWindowState, type SavedWindowState } from './window-state.js';

export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** The channel electron-store registers on ipcMain when a store is created in main. */
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

const THEMES: readonly ThemePreference[] = ['system', 'light', 'dark'];

export function parseThemePreference(value: unknown): ThemePreference {
  return THEMES.includes(value as ThemePreference) ? (value as ThemePreference) : 'system';
}

export class ShellSettings {
  constructor(private readonly store: KeyValueStore) {}

  windowState(): SavedWindowState | null {
    return parseSavedWindowState(this.store.get('window'));
  }

  saveWindowState(state: SavedWindowState): void {
    this.store.set('window', state);
  }

  theme(): ThemePreference {
    return parseThemePreference(this.store.get('theme'));
  }

  saveTheme(theme: ThemePreference): void {
    this.store.set('theme', parseThemePreference(theme));
  }
}

/** In memory only: used when the settings file cannot be opened, so the app still starts. */
export class MemoryStore implements KeyValueStore {
  private readonly values = new Map<string, unknown>();
  get(key: string): unknown {
    return this.values.get(key);
  }
  set(key: string, value: unknown): void {
    this.values.set(key, value);
  }
}

/** Opens the settings file in userData. Must be called after app.setPath('userData', …). */
export function openShellSettings(warn: (message: string) => void): ShellSettings {
  try {
    const store = new Store<Record<string, unknown>>({ name: 'shell-settings', clearInvalidConfig: true });
    // electron-store answers this sync IPC channel for stores opened in a renderer. Ours
    // lives in main only, and the main process answers no IPC it does not need to.
    ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
    return new ShellSettings({ get: (key) => store.get(key), set: (key, value) => store.set(key, value) });
  } catch (error) {
    warn(`Shell settings unavailable, using defaults: ${String(error)}`);
    return new ShellSettings(new MemoryStore());
  }
}
