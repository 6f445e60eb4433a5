/**
 * Where the shell finds its parts, in development (`electron .` from the checkout) and in a
 * packaged app (inside resources/app.asar), and where it keeps its data.
 */
import path from 'node:path';

export interface ShellPathsInput {
  /** The directory of the running main bundle (dist-electron). */
  mainDir: string;
  isPackaged: boolean;
  /** process.resourcesPath */
  resourcesPath: string;
  /** process.versions.electron */
  electronVersion: string;
}

export interface ShellPaths {
  appRoot: string;
  rendererDir: string;
  preload: string;
  coreEntry: string;
  /** better-sqlite3 built for Electron, passed to core as --native-binding. */
  nativeBinding: string;
  /** Window icon on Linux in development (packaged apps get theirs from electron-builder). */
  devIcon: string;
}

export function shellPaths(input: ShellPathsInput): ShellPaths {
  const appRoot = path.resolve(input.mainDir, '..');
  return {
    appRoot,
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    preload: path.join(input.mainDir, 'preload.cjs'),
    coreEntry: path.join(input.mainDir, 'core.cjs'),
    nativeBinding: input.isPackaged
      ? // electron-builder rebuilds better-sqlite3 for Electron and unpacks the .node file
        // (native modules cannot be loaded from inside an asar archive).
        path.join(
          input.resourcesPath,
          'app.asar.unpacked',
          'node_modules',
          'better-sqlite3',
          'build',
          'Release',
          'better_sqlite3.node',
        )
      : // scripts/electron-native.mjs builds it here, beside the Node build in node_modules.
        path.join(appRoot, '.electron-native', input.electronVersion, 'better_sqlite3.node'),
    devIcon: path.join(appRoot, 'build', 'icon.png'),
  };
}

export interface DataLocations {
  /** Electron's userData: Chromium profile, shell settings, single-instance lock. */
  userData: string;
  /** Core's data directory (the database, backups). */
  dataDir: string;
}

export const PRODUCT_NAME = 'Incubator Desk';

/**
 * Normally userData is `<appData>/Incubator Desk` (the same whether the app runs packaged or
 * as `electron .` / `electron dist-electron/main.cjs`, where Electron would otherwise call it
 * "Electron") and the data lives in its `data` folder.
 *
 * INCUBATOR_DATA_DIR (tests, a second workstation profile) moves the data, and moves the
 * profile beside it too: otherwise the single-instance lock, keyed on userData, would make a
 * test instance quit whenever the real app is open.
 */
export function dataLocations(env: Record<string, string | undefined>, appDataDir: string): DataLocations {
  const override = env.INCUBATOR_DATA_DIR?.trim();
  if (override) {
    const dataDir = path.resolve(override);
    return { dataDir, userData: `${dataDir}-electron-profile` };
  }
  const userData = path.join(appDataDir, PRODUCT_NAME);
  return { userData, dataDir: path.join(userData, 'data') };
}
