import { describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => ({
  removeAllListeners: vi.fn(),
  storeOptions: [] as unknown[],
  fail: false,
}));

vi.mock('electron', () => ({ ipcMain: { removeAllListeners: mocks.removeAllListeners } }));
vi.mock('electron-store', () => ({
  default: class {
    private readonly data = new Map<string, unknown>();
    constructor(options: unknown) {
      if (mocks.fail) throw new Error('EACCES');
      mocks.storeOptions.push(options);
    }
    get(key: string) {
      return this.data.get(key);
    }
    set(key: string, value: unknown) {
      this.data.set(key, value);
    }
  },
}));

const { MemoryStore, openShellSettings, parseThemePreference, ShellSettings } = await import('./settings.js');

describe('ShellSettings', () => {
  it('defaults to the system theme and no saved window', () => {
    const settings = new ShellSettings(new MemoryStore());
    expect(settings.theme()).toBe('system');
    expect(settings.windowState()).toBeNull();
  });

  it('round-trips the theme and the window state', () => {
    const settings = new ShellSettings(new MemoryStore());
    settings.saveTheme('dark');
    settings.saveWindowState({ x: 1, y: 2, width: 1200, height: 800, maximized: false });
    expect(settings.theme()).toBe('dark');
    expect(settings.windowState()).toEqual({ x: 1, y: 2, width: 1200, height: 800, maximized: false });
  });

  it('ignores hand-edited nonsense', () => {
    const store = new MemoryStore();
    store.set('theme', 'neon');
    store.set('window', { width: 'big' });
    const settings = new ShellSettings(store);
    expect(settings.theme()).toBe('system');
    expect(settings.windowState()).toBeNull();
    expect(parseThemePreference(undefined)).toBe('system');
  });
});

describe('openShellSettings', () => {
  it('opens shell-settings.json, clearing a corrupt file, and drops electron-store’s IPC channel', () => {
    const settings = openShellSettings(vi.fn());
    expect(mocks.storeOptions.at(-1)).toEqual({ name: 'shell-settings', clearInvalidConfig: true });
    expect(mocks.removeAllListeners).toHaveBeenCalledWith('electron-store-get-data');
    settings.saveTheme('light');
    expect(settings.theme()).toBe('light');
  });

  it('falls back to memory when the file cannot be opened, so the app still starts', () => {
    mocks.fail = true;
    const warn = vi.fn();
    const settings = openShellSettings(warn);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('EACCES'));
    settings.saveTheme('dark');
    expect(settings.theme()).toBe('dark');
    mocks.fail = false;
  });
});
