/**
 * The main process's token vault in plain Node, with a fake safeStorage. The last tests talk
 * to it through core's own PortTokenVault, as the utilityProcess does.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PortTokenVault } from '../core/sync/token-vault.js';
import { FakeSafeStorage } from './testing/fake-electron.js';
import {
  CANNOT_UNLOCK,
  NO_KEY_STORE,
  NO_KEY_STORE_LINUX,
  PLAIN_TOKEN_FILE,
  SafeStorageTokenVault,
  serveTokenVault,
  TOKEN_VAULT_FILE,
  type SafeStorageLike,
  type VaultReply,
} from './token-vault.js';

const TOKEN = 'q3Zt9VbL0xYk2mWcR8hF1nJ5sD7gA4eU6iO0pT3yQwE';

let dataDir: string;
let storage: FakeSafeStorage;
let logged: string[];

function vaultOn(platform: NodeJS.Platform = 'linux', safeStorage: SafeStorageLike = storage) {
  return new SafeStorageTokenVault({
    dataDir,
    safeStorage,
    platform,
    log: (message, error) => logged.push(`${message}: ${String(error)}`),
  });
}

const sealedFile = () => path.join(dataDir, TOKEN_VAULT_FILE);
const reply = (id: number, rest: object) => ({ type: 'token-vault-result', id, ...rest });

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-vault-'));
  storage = new FakeSafeStorage();
  logged = [];
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the safeStorage token vault', () => {
  it('reads nothing before a token is written, then the token written', async () => {
    const vault = vaultOn();
    expect(await vault.read()).toBeNull();
    await vault.write(TOKEN);
    expect(await vault.read()).toBe(TOKEN);
    // A new vault (the app restarted) reads it from the file.
    expect(await vaultOn().read()).toBe(TOKEN);
    await vault.write('another-token');
    expect(await vault.read()).toBe('another-token');
  });

  it.skipIf(process.platform === 'win32')('keeps the file readable only by its owner, whatever the umask', async () => {
    const before = process.umask(0o000);
    try {
      await vaultOn().write(TOKEN);
    } finally {
      process.umask(before);
    }
    expect(fs.statSync(sealedFile()).mode & 0o777).toBe(0o600);
  });

  it('never has the token in plain text on disk, and leaves no temp file', async () => {
    await vaultOn().write(TOKEN);
    expect(fs.readdirSync(dataDir)).toEqual([TOKEN_VAULT_FILE]);
    const bytes = fs.readFileSync(sealedFile());
    expect(bytes.includes(Buffer.from(TOKEN))).toBe(false);
    expect(bytes.toString('latin1')).not.toContain(TOKEN.slice(0, 12));
  });

  it('clears the token', async () => {
    const vault = vaultOn();
    await vault.write(TOKEN);
    await vault.clear();
    expect(fs.existsSync(sealedFile())).toBe(false);
    expect(await vault.read()).toBeNull();
    await vault.clear(); // nothing there: still fine
  });

  it("refuses Linux's basic_text backend, which only pretends to encrypt", async () => {
    storage.backend = 'basic_text';
    const vault = vaultOn('linux');
    expect(vault.refusal()).toBe(NO_KEY_STORE_LINUX);
    await expect(vault.write(TOKEN)).rejects.toThrow(NO_KEY_STORE_LINUX);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('does not ask for the Linux backend on other systems', async () => {
    storage.backend = 'basic_text'; // would be refused on Linux; macOS and Windows have no such thing
    const vault = vaultOn('darwin');
    expect(vault.refusal()).toBeNull();
    await vault.write(TOKEN);
    expect(await vault.read()).toBe(TOKEN);
  });

  it('refuses when encryption is not available, and does not read an old token it cannot open', async () => {
    await vaultOn('win32').write(TOKEN);
    storage.available = false;
    const vault = vaultOn('win32');
    expect(vault.refusal()).toBe(NO_KEY_STORE);
    await expect(vault.write('new-token')).rejects.toThrow(NO_KEY_STORE);
    await expect(vault.read()).rejects.toThrow(NO_KEY_STORE);
    // Forgetting needs no key store.
    await vault.clear();
    expect(await vault.read()).toBeNull();
  });

  it('refuses a backend that hands the token back unencrypted', async () => {
    const plain: SafeStorageLike = {
      isEncryptionAvailable: () => true,
      encryptString: (text) => Buffer.from(`v10${text}`),
      decryptString: (bytes) => bytes.subarray(3).toString(),
    };
    await expect(vaultOn('darwin', plain).write(TOKEN)).rejects.toThrow(NO_KEY_STORE);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('says so when the key store was reset and the token cannot be unlocked', async () => {
    await vaultOn().write(TOKEN);
    storage.forgetKey();
    await expect(vaultOn().read()).rejects.toThrow(CANNOT_UNLOCK);
  });

  it('seals a plain token left by the CLI or the web mode in the same data folder', async () => {
    fs.writeFileSync(path.join(dataDir, PLAIN_TOKEN_FILE), `${TOKEN}\n`, { mode: 0o600 });
    expect(await vaultOn().read()).toBe(TOKEN);
    expect(fs.readdirSync(dataDir)).toEqual([TOKEN_VAULT_FILE]);
    expect(await vaultOn().read()).toBe(TOKEN);
  });

  it('leaves a plain token where it is when there is no key store to seal it with', async () => {
    fs.writeFileSync(path.join(dataDir, PLAIN_TOKEN_FILE), `${TOKEN}\n`, { mode: 0o600 });
    storage.backend = 'basic_text';
    await expect(vaultOn().read()).rejects.toThrow(NO_KEY_STORE_LINUX);
    expect(fs.readdirSync(dataDir)).toEqual([PLAIN_TOKEN_FILE]);
  });
});

describe('its messages with core', () => {
  it('answers read, write and clear with the request’s id', async () => {
    const vault = vaultOn();
    expect(await vault.answer({ type: 'token-vault', id: 1, op: 'read' })).toEqual(reply(1, { ok: true, token: null }));
    expect(await vault.answer({ type: 'token-vault', id: 2, op: 'write', token: TOKEN })).toEqual(reply(2, { ok: true }));
    expect(await vault.answer({ type: 'token-vault', id: 3, op: 'read' })).toEqual(reply(3, { ok: true, token: TOKEN }));
    expect(await vault.answer({ type: 'token-vault', id: 4, op: 'clear' })).toEqual(reply(4, { ok: true }));
    expect(await vault.answer({ type: 'token-vault', id: 5, op: 'read' })).toEqual(reply(5, { ok: true, token: null }));
  });

  it('answers check (asked before joining) without storing anything: ok with a key store, the refusal without', async () => {
    expect(await vaultOn().answer({ type: 'token-vault', id: 8, op: 'check' })).toEqual(reply(8, { ok: true }));
    storage.backend = 'basic_text';
    expect(await vaultOn().answer({ type: 'token-vault', id: 9, op: 'check' })).toEqual(
      reply(9, { ok: false, message: NO_KEY_STORE_LINUX }),
    );
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('answers a refusal in words the person at the computer can act on', async () => {
    storage.backend = 'basic_text';
    expect(await vaultOn().answer({ type: 'token-vault', id: 7, op: 'write', token: TOKEN })).toEqual(
      reply(7, { ok: false, message: NO_KEY_STORE_LINUX }),
    );
    expect(logged).toEqual([]);
  });

  it('ignores malformed messages and does nothing for them', async () => {
    const vault = vaultOn();
    await vault.write(TOKEN);
    const malformed: unknown[] = [
      null,
      'token-vault',
      42,
      [],
      { type: 'connect' },
      { type: 'token-vault' },
      { type: 'token-vault', op: 'read' },
      { type: 'token-vault', id: '1', op: 'read' },
      { type: 'token-vault', id: -1, op: 'read' },
      { type: 'token-vault', id: 1.5, op: 'read' },
      { type: 'token-vault', id: 1, op: 'delete' },
      { type: 'token-vault', id: 1, op: 'write' },
      { type: 'token-vault', id: 1, op: 'write', token: '' },
      { type: 'token-vault', id: 1, op: 'write', token: 42 },
      { type: 'token-vault', id: 1, op: 'write', token: 'two words' },
      { type: 'token-vault', id: 1, op: 'write', token: 'line\nbreak' },
      { type: 'token-vault', id: 1, op: 'write', token: 'x'.repeat(5000) },
      { type: 'token-vault', id: 1, op: 'clear', token: TOKEN },
      { type: 'token-vault', id: 1, op: 'read', path: '/etc/passwd' },
      { type: 'token-vault-result', id: 1, ok: true, token: 'forged' },
    ];
    for (const message of malformed) expect(await vault.answer(message), JSON.stringify(message)).toBeNull();
    expect(await vault.read()).toBe(TOKEN);
  });

  it('serves core’s PortTokenVault over a channel like the utilityProcess’s', async () => {
    // The utilityProcess as main sees it: 'message' from core, postMessage to core.
    const child = new EventEmitter() as EventEmitter & { postMessage(message: unknown): void };
    const core = new PortTokenVault((request) => setImmediate(() => child.emit('message', structuredClone(request))));
    child.postMessage = (message) => setImmediate(() => core.receive(structuredClone(message)));
    serveTokenVault(child, vaultOn());

    expect(await core.read()).toBeNull();
    await core.write(TOKEN);
    expect(await core.read()).toBe(TOKEN);
    expect(fs.existsSync(sealedFile())).toBe(true);
    await core.clear();
    expect(await core.read()).toBeNull();

    // A refusal reaches core as an error with the vault's words.
    storage.available = false;
    storage.backend = 'basic_text';
    await expect(core.write(TOKEN)).rejects.toThrow(`The secure token storage failed: ${NO_KEY_STORE_LINUX}`);

    // Noise from the child gets no answer.
    const posted: unknown[] = [];
    child.postMessage = (message) => posted.push(message);
    child.emit('message', { type: 'token-vault', id: 'x', op: 'read' });
    child.emit('message', { type: 'something-else' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(posted).toEqual([]);
  });

  it('answers in order: a write and the read after it', async () => {
    const vault = vaultOn();
    const answers = await Promise.all([
      vault.answer({ type: 'token-vault', id: 1, op: 'write', token: 'first' }),
      vault.answer({ type: 'token-vault', id: 2, op: 'write', token: 'second' }),
      vault.answer({ type: 'token-vault', id: 3, op: 'read' }),
    ]);
    expect((answers[2] as VaultReply & { token: string }).token).toBe('second');
  });
});
