import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../host/core.js';
import { DatabaseCorruptError, openDatabase } from './open.js';
import { checkIntegrityInBackground } from './integrity.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'integrity-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A database whose table pages (not its first pages) are overwritten with garbage. */
function damagedDatabase(dir: string): string {
  const file = path.join(dir, 'incubator.sqlite');
  const { db } = openDatabase(file);
  db.pragma('journal_mode = DELETE');
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)');
  const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} `.repeat(20));
  })();
  db.close();
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096 * 4, 0x5a), 0, 4096 * 4, Math.floor((size * 0.7) / 4096) * 4096);
  fs.closeSync(fd);
  return file;
}

describe('database integrity check', () => {
  it('refuses a damaged small database at open, naming the file and the way out', () => {
    const file = damagedDatabase(tempDir());
    expect(() => openDatabase(file)).toThrow(DatabaseCorruptError);
    expect(() => openDatabase(file)).toThrow(/failed its integrity check[\s\S]*Restore a backup/);
  });

  it('opens a large database at once and checks it in the background', async () => {
    const dataDir = tempDir();
    Core.open({ dataDir, log: () => {} }).close();
    // Every database counts as large here.
    const core = Core.open({ dataDir, log: () => {}, syncCheckLimitBytes: 0 });
    try {
      expect(core.context(null).integrity().status).toBe('checking');
      expect(await core.integrityChecked()).toMatchObject({ status: 'ok' });
      expect(core.context(null).integrity().status).toBe('ok');
    } finally {
      core.close();
    }
  });

  it('reports a damaged large database instead of hiding it', async () => {
    const file = damagedDatabase(tempDir());
    const check = checkIntegrityInBackground(file);
    const state = await check.result;
    expect(state.status).toBe('damaged');
    expect(state).toHaveProperty('detail', expect.stringMatching(/\S/));
    // The damage is in the data pages: the database still opens for a user to export or restore.
    expect(() => new Database(file, { readonly: true }).prepare('SELECT 1').get()).not.toThrow();
  });
});
