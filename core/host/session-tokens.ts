/**
 * Sign-in sessions held in memory by core: a random token per sign-in, so that a page
 * reload (web mode) or a renderer restart can resume without the password. They end with
 * the core process, after 12 idle hours, and when a user is deactivated.
 */
import crypto from 'node:crypto';
import type { SessionTokens } from './handler-types.js';

const IDLE_MS = 12 * 60 * 60 * 1000;

export class MemorySessionTokens implements SessionTokens {
  private readonly tokens = new Map<string, { userId: string; lastUsed: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(userId: string): string {
    const token = crypto.randomBytes(32).toString('base64url');
    this.tokens.set(hash(token), { userId, lastUsed: this.now() });
    return token;
  }

  resolve(token: string): string | null {
    const key = hash(token);
    const entry = this.tokens.get(key);
    if (!entry) return null;
    if (this.now() - entry.lastUsed > IDLE_MS) {
      this.tokens.delete(key);
      return null;
    }
    entry.lastUsed = this.now();
    return entry.userId;
  }

  revoke(token: string): void {
    this.tokens.delete(hash(token));
  }

  revokeUser(userId: string): void {
    for (const [key, entry] of this.tokens) if (entry.userId === userId) this.tokens.delete(key);
  }
}

function hash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
