/**
 * Where the device token from enrolment is kept. Core never decides this itself: its host
 * hands it a vault (CoreOptions.tokenVault). The default, for the CLI, `npm run web` and
 * tests, is a file `sync-token` in the data folder that only the user may read (mode 0600).
 * In the desktop app the Electron main process provides one backed by `safeStorage` (the
 * OS keychain / DPAPI / libsecret), reached over the utilityProcess's parent port: see
 * `PortTokenVault` below for the messages it must answer.
 *
 * The interface is asynchronous because a vault in another process answers by message.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface TokenVault {
  /** The stored token, or null when there is none (not enrolled, or forgotten). */
  read(): Promise<string | null>;
  /** Replaces the stored token. Must not resolve before the token is durably stored. */
  write(token: string): Promise<void>;
  /** Forgets the token. */
  clear(): Promise<void>;
  /**
   * Resolves when a token can be kept here; rejects with words for the person at the computer
   * when it cannot (no key store, a folder that cannot be written). Joining asks first, so
   * that a one-time enrolment code is not used up for a token that could not be kept.
   */
  check(): Promise<void>;
  /** Where the token is kept, in words for the person who enrolled: printed by the CLI. */
  describe(): string;
}

export const TOKEN_FILE = 'sync-token';

/** A file only its owner can read (0600 on POSIX; on Windows the user's profile ACLs apply). */
export class FileTokenVault implements TokenVault {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, TOKEN_FILE);
  }

  async read(): Promise<string | null> {
    try {
      const text = (await fs.promises.readFile(this.file, 'utf8')).trim();
      return text.length > 0 ? text : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async write(token: string): Promise<void> {
    // Written to a private temp file, flushed, then renamed over the old one: a crash leaves
    // either the old token or the new one, and at no moment is the token readable by others.
    const temp = `${this.file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    const handle = await fs.promises.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(`${token}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.chmod(temp, 0o600); // in case the umask or an old file interfered
    await fs.promises.rename(temp, this.file);
  }

  async clear(): Promise<void> {
    await fs.promises.rm(this.file, { force: true });
  }

  async check(): Promise<void> {
    const folder = path.dirname(this.file);
    try {
      await fs.promises.access(folder, fs.constants.W_OK);
    } catch (error) {
      throw new Error(
        `The sync token cannot be kept: the data folder ${folder} cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      );
    }
  }

  describe(): string {
    return `kept in ${this.file}, readable only by you`;
  }
}

/** An in-memory vault (tests). */
export class MemoryTokenVault implements TokenVault {
  private token: string | null = null;
  async read(): Promise<string | null> {
    return this.token;
  }
  async write(token: string): Promise<void> {
    this.token = token;
  }
  async clear(): Promise<void> {
    this.token = null;
  }
  async check(): Promise<void> {}
  describe(): string {
    return 'kept in memory';
  }
}

/**
 * The messages between core (in the utilityProcess) and a vault in the Electron main
 * process. Core sends a request; the main process answers with the same id.
 *
 *   core → main  { type: 'token-vault', id, op: 'read' | 'write' | 'clear' | 'check', token? }
 *   main → core  { type: 'token-vault-result', id, ok: true, token?: string | null }
 *              | { type: 'token-vault-result', id, ok: false, message }
 */
export type VaultRequest =
  | { type: 'token-vault'; id: number; op: 'read' | 'clear' | 'check' }
  | { type: 'token-vault'; id: number; op: 'write'; token: string };
export type VaultReply =
  | { type: 'token-vault-result'; id: number; ok: true; token?: string | null }
  | { type: 'token-vault-result'; id: number; ok: false; message: string };

export function isVaultReply(message: unknown): message is VaultReply {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'token-vault-result';
}

/** Core's side of a vault kept by another process (the Electron main process). */
export class PortTokenVault implements TokenVault {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (reply: VaultReply) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly send: (request: VaultRequest) => void,
    private readonly description = "kept in this computer's secure storage",
    private readonly timeoutMs = 10_000,
  ) {}

  /** Feed every message from the other process here; returns true if it was a vault reply. */
  receive(message: unknown): boolean {
    if (!isVaultReply(message)) return false;
    this.waiting.get(message.id)?.resolve(message);
    this.waiting.delete(message.id);
    return true;
  }

  async read(): Promise<string | null> {
    return (await this.request({ op: 'read' })).token ?? null;
  }

  async write(token: string): Promise<void> {
    await this.request({ op: 'write', token });
  }

  async clear(): Promise<void> {
    await this.request({ op: 'clear' });
  }

  async check(): Promise<void> {
    await this.request({ op: 'check' });
  }

  describe(): string {
    return this.description;
  }

  private request(body: { op: 'read' | 'clear' | 'check' } | { op: 'write'; token: string }): Promise<{ token?: string | null }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error('The secure token storage did not answer'));
      }, this.timeoutMs);
      timer.unref?.();
      this.waiting.set(id, {
        resolve: (reply) => {
          clearTimeout(timer);
          if (reply.ok) resolve(reply);
          else reject(new Error(`The secure token storage failed: ${reply.message}`));
        },
        reject,
      });
      this.send({ type: 'token-vault', id, ...body } as VaultRequest);
    });
  }
}
