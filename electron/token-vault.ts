/**
 * The sync device token, kept by the main process with Electron's safeStorage (the macOS
 * Keychain, DPAPI on Windows, libsecret/KWallet on Linux) in `<dataDir>/sync-token.enc`.
 *
 * Core runs with `--token-vault parent` and asks for the token over the utilityProcess's
 * parent port (core/sync/token-vault.ts, PortTokenVault):
 *
 *   core → main  { type: 'token-vault', id, op: 'read' | 'write' | 'clear', token? }
 *   main → core  { type: 'token-vault-result', id, ok: true, token?: string | null }
 *              | { type: 'token-vault-result', id, ok: false, message }
 *
 * Anything else from the child is ignored. Where safeStorage cannot really encrypt (no key
 * store, or Linux's `basic_text` backend, which only obfuscates with a fixed key) the token
 * is not written: the answer says so in words, and core shows them after "The secure token
 * storage failed:".
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const TOKEN_VAULT_FILE = 'sync-token.enc';
/** The plain file core keeps the token in outside the app (`npm run web`, the CLI). */
export const PLAIN_TOKEN_FILE = 'sync-token';

/** The part of Electron's safeStorage used here (a fake in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only (Electron's types declare it everywhere; elsewhere it is not called). */
  getSelectedStorageBackend?(): string;
}

export const NO_KEY_STORE_LINUX =
  'This computer has no secure key store (such as GNOME Keyring or KWallet) that Incubator Desk can use, so it does not ' +
  'keep the sync token here. Set one up and unlock it when you sign in to the computer, then restart Incubator Desk.';
export const NO_KEY_STORE =
  "This computer has no secure key store that Incubator Desk can use (the system's keychain did not answer), so it does " +
  'not keep the sync token here. Restart the computer and try again; if it keeps happening, contact support.';
export const CANNOT_UNLOCK =
  'The sync token kept on this computer could not be unlocked with its secure key store (the key store may have been ' +
  'reset or the data folder copied from another computer). Ask your administrator for a new enrolment code.';

const TokenText = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');
const Id = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const VaultRequestSchema = z.union([
  z.strictObject({ type: z.literal('token-vault'), id: Id, op: z.enum(['read', 'clear', 'check']) }),
  z.strictObject({ type: z.literal('token-vault'), id: Id, op: z.literal('write'), token: TokenText }),
]);
export type VaultRequest = z.infer<typeof VaultRequestSchema>;

export type VaultReply =
  | { type: 'token-vault-result'; id: number; ok: true; token?: string | null }
  | { type: 'token-vault-result'; id: number; ok: false; message: string };

/** A refusal whose message is for the person at the computer. */
export class VaultRefusal extends Error {
  override name = 'VaultRefusal';
}

export interface SafeStorageTokenVaultOptions {
  dataDir: string;
  safeStorage: SafeStorageLike;
  /** process.platform (the `basic_text` check is Linux's). */
  platform: NodeJS.Platform;
  /** Details of unexpected failures; never given the token. */
  log?: (message: string, error?: unknown) => void;
}

export class SafeStorageTokenVault {
  readonly file: string;
  private readonly plainFile: string;
  /** One operation at a time, in the order they arrived (a write then a read sees the write). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: SafeStorageTokenVaultOptions) {
    this.file = path.join(opts.dataDir, TOKEN_VAULT_FILE);
    this.plainFile = path.join(opts.dataDir, PLAIN_TOKEN_FILE);
  }

  /** Why the token cannot be kept securely here, or null when it can. */
  refusal(): string | null {
    const { safeStorage, platform } = this.opts;
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return NO_KEY_STORE_LINUX;
    if (!safeStorage.isEncryptionAvailable()) return platform === 'linux' ? NO_KEY_STORE_LINUX : NO_KEY_STORE;
    return null;
  }

  read(): Promise<string | null> {
    return this.serially(async () => {
      const sealed = await readIfExists(this.file);
      if (sealed === null) return this.adoptPlainFile();
      this.refuseIfInsecure();
      let token: string;
      try {
        token = this.opts.safeStorage.decryptString(sealed).trim();
      } catch (error) {
        this.opts.log?.('Could not decrypt the sync token', error);
        throw new VaultRefusal(CANNOT_UNLOCK);
      }
      return token.length > 0 ? token : null;
    });
  }

  write(token: string): Promise<void> {
    return this.serially(() => this.seal(token));
  }

  /** Rejects, with the words for the person, when no token could be sealed here. */
  check(): Promise<void> {
    return this.serially(async () => this.refuseIfInsecure());
  }

  clear(): Promise<void> {
    return this.serially(async () => {
      await fs.promises.rm(this.file, { force: true });
      await fs.promises.rm(this.plainFile, { force: true });
    });
  }

  /**
   * Answers one message from core. Resolves with null (and nothing is done) when the message
   * is not a well-formed vault request: the child is not trusted to send only those.
   */
  async answer(message: unknown): Promise<VaultReply | null> {
    const parsed = VaultRequestSchema.safeParse(message);
    if (!parsed.success) return null;
    const request = parsed.data;
    try {
      if (request.op === 'read') return { type: 'token-vault-result', id: request.id, ok: true, token: await this.read() };
      if (request.op === 'write') await this.write(request.token);
      else if (request.op === 'check') await this.check();
      else await this.clear();
      return { type: 'token-vault-result', id: request.id, ok: true };
    } catch (error) {
      if (!(error instanceof VaultRefusal)) this.opts.log?.(`The sync token vault could not ${request.op}`, error);
      const message =
        error instanceof VaultRefusal
          ? error.message
          : `Incubator Desk could not ${request.op === 'read' ? 'read' : 'save'} the sync token in its data folder (${
              (error as NodeJS.ErrnoException).code ?? 'unknown error'
            }).`;
      return { type: 'token-vault-result', id: request.id, ok: false, message };
    }
  }

  private refuseIfInsecure(): void {
    const refusal = this.refusal();
    if (refusal) throw new VaultRefusal(refusal);
  }

  private async seal(token: string): Promise<void> {
    this.refuseIfInsecure();
    const sealed = this.opts.safeStorage.encryptString(token);
    // A backend that returned the token as it was would be pretending: refuse rather than store it.
    if (sealed.length === 0 || sealed.includes(Buffer.from(token, 'utf8'))) throw new VaultRefusal(NO_KEY_STORE);
    // A private temp file, flushed, then renamed over the old one: a crash leaves the old
    // token or the new one, never half of one, and no one else can read it meanwhile.
    const temp = `${this.file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await fs.promises.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(sealed);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.promises.chmod(temp, 0o600); // whatever the umask did
      await fs.promises.rename(temp, this.file);
    } catch (error) {
      await fs.promises.rm(temp, { force: true });
      throw error;
    }
    // A token from before, kept in plain text by the CLI or `npm run web` on this folder, goes.
    await fs.promises.rm(this.plainFile, { force: true });
  }

  /**
   * No sealed token, but the plain file from the CLI or `npm run web` (the same data folder
   * joined there): sealed now and the plain file removed, so this workstation stays joined.
   */
  private async adoptPlainFile(): Promise<string | null> {
    const plain = await readIfExists(this.plainFile);
    const token = plain?.toString('utf8').trim() ?? '';
    if (!token) return null;
    await this.seal(token);
    return token;
  }

  private serially<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.promises.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The part of Electron's UtilityProcess the vault talks over. */
export interface VaultChannel {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  postMessage(message: unknown): void;
}

/** Answers the vault requests the child sends; everything else it sends is left alone. */
export function serveTokenVault(child: VaultChannel, vault: SafeStorageTokenVault): void {
  child.on('message', (message) => {
    void vault.answer(message).then((reply) => {
      if (!reply) return;
      try {
        child.postMessage(reply);
      } catch {
        // The child exited meanwhile; its successor asks again.
      }
    });
  });
}
