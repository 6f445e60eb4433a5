import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataLocations, shellPaths } from './paths.js';

describe('shellPaths', () => {
  it('finds the parts beside the main bundle in development', () => {
    const root = path.resolve('/work/app');
    const paths = shellPaths({
      mainDir: path.join(root, 'dist-electron'),
      isPackaged: false,
      resourcesPath: '/ignored',
      electronVersion: '45.5.0',
    });
    expect(paths).toEqual({
      appRoot: root,
      rendererDir: path.join(root, 'dist', 'renderer'),
      preload: path.join(root, 'dist-electron', 'preload.cjs'),
      coreEntry: path.join(root, 'dist-electron', 'core.cjs'),
      nativeBinding: path.join(root, '.electron-native', '45.5.0', 'better_sqlite3.node'),
      devIcon: path.join(root, 'build', 'icon.png'),
    });
  });

  it('uses the unpacked better-sqlite3 rebuilt by electron-builder in a packaged app', () => {
    const resources = path.resolve('/opt/Incubator Desk/resources');
    const paths = shellPaths({
      mainDir: path.join(resources, 'app.asar', 'dist-electron'),
      isPackaged: true,
      resourcesPath: resources,
      electronVersion: '45.5.0',
    });
    expect(paths.nativeBinding).toBe(
      path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    );
    expect(paths.rendererDir).toBe(path.join(resources, 'app.asar', 'dist', 'renderer'));
  });
});

describe('dataLocations', () => {
  const appData = path.resolve('/home/amna/.config');

  it('keeps everything under <appData>/Incubator Desk by default', () => {
    expect(dataLocations({}, appData)).toEqual({
      userData: path.join(appData, 'Incubator Desk'),
      dataDir: path.join(appData, 'Incubator Desk', 'data'),
    });
  });

  it('INCUBATOR_DATA_DIR moves the data and puts the profile beside it', () => {
    const dir = path.resolve('/tmp/e2e-1/data');
    expect(dataLocations({ INCUBATOR_DATA_DIR: dir }, appData)).toEqual({ dataDir: dir, userData: `${dir}-electron-profile` });
  });

  it('ignores a blank INCUBATOR_DATA_DIR', () => {
    expect(dataLocations({ INCUBATOR_DATA_DIR: '  ' }, appData).dataDir).toBe(path.join(appData, 'Incubator Desk', 'data'));
  });
});
