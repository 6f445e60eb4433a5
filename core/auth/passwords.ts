/**
 * Password hashing with scrypt from node:crypto, at OWASP's recommended cost
 * (N=2^17, r=8, p=1). The parameters are stored with each hash so they can be raised
 * later without invalidating existing passwords.
 */
import crypto from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}
export const OWASP_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** Tests lower the cost through this (never in production code paths). */
let defaultCost: ScryptCost = OWASP_COST;
export function setDefaultScryptCostForTests(cost: ScryptCost): void {
  defaultCost = cost;
}

export function hashPassword(password: string, cost: ScryptCost = defaultCost): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(password.normalize('NFKC'), salt, KEY_LENGTH, { ...cost, maxmem: 256 * cost.N * cost.r });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const actual = crypto.scryptSync(password.normalize('NFKC'), salt, expected.length, { N, r, p, maxmem: 256 * N * r });
  return crypto.timingSafeEqual(actual, expected);
}

/** A hash to compare against when the email is unknown, so timing does not reveal which emails exist. */
let dummyHash: string | null = null;
export function dummyPasswordHash(): string {
  dummyHash ??= hashPassword('not-a-real-password-' + crypto.randomUUID());
  return dummyHash;
}
