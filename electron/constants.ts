/**
 * Names shared by the main process and the preload. Kept in one dependency-free module so
 * the sandboxed preload bundle can import them without pulling in anything else.
 */

/** The renderer is served from `app://incubator-desk/…`, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'incubator-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** IPC channels, main → preload only. The renderer never sends IPC to main. */
export const IPC = {
  /** Carries one MessagePort (in `event.ports[0]`) connected to core. */
  corePort: 'core-port',
  /** A CoreStatusPayload: core crashed / restarted / stopped. */
  coreStatus: 'core-status',
  /** A MenuEventPayload: the user picked a menu item the UI acts on. */
  menu: 'menu',
} as const;
