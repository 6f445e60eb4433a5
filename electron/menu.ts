/**
 * The application menu. Items that concern data (backup) or the UI (shortcuts) are not
 * handled here: they become `app.menu` events for the renderer, which owns those flows.
 * Labels are English for now; the renderer's i18n does not reach the main process yet.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuEventPayload, ThemePreference } from '../shared/api/bridge.js';

export interface MenuOptions {
  isDev: boolean;
  isMac: boolean;
  appName: string;
  theme: ThemePreference;
  /** Deliver an event to the focused window's renderer. */
  send(payload: MenuEventPayload): void;
  /** The user picked a colour scheme (persist it, apply it, tell the renderer). */
  setTheme(theme: ThemePreference): void;
}

const THEME_LABELS: ReadonlyArray<readonly [ThemePreference, string]> = [
  ['system', 'Match System'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { isDev, isMac } = options;

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'backup', label: 'Backup…', accelerator: 'CmdOrCtrl+Shift+B', click: () => options.send({ action: 'backup' }) },
      { type: 'separator' },
      // On macOS Quit lives in the app menu; File ends with Close Window there.
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      // Reloading drops the window's session and in-flight work; only developers need it.
      ...(isDev
        ? ([
            { role: 'reload' },
            { role: 'forceReload' },
            { role: 'toggleDevTools' },
            { type: 'separator' },
          ] as MenuItemConstructorOptions[])
        : []),
      {
        id: 'appearance',
        label: 'Appearance',
        submenu: THEME_LABELS.map(([theme, label]): MenuItemConstructorOptions => ({
          id: `theme-${theme}`,
          label,
          type: 'radio',
          checked: options.theme === theme,
          click: () => options.setTheme(theme),
        })),
      },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      {
        id: 'show-shortcuts',
        label: 'Keyboard Shortcuts',
        accelerator: 'CmdOrCtrl+/',
        click: () => options.send({ action: 'show-shortcuts' }),
      },
      // macOS has About in the app menu.
      ...(isMac
        ? []
        : ([{ type: 'separator' }, { role: 'about', label: `About ${options.appName}` }] as MenuItemConstructorOptions[])),
    ],
  };

  return [
    ...(isMac ? ([{ role: 'appMenu' }] as MenuItemConstructorOptions[]) : []),
    fileMenu,
    editMenu,
    viewMenu,
    ...(isMac ? ([{ role: 'windowMenu' }] as MenuItemConstructorOptions[]) : []),
    helpMenu,
  ];
}
