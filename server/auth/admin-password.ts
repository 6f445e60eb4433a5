/**
 * Administrator passwords, hashed with scrypt at OWASP's recommended cost and stored as
 * `scrypt$N$r$p$salt$hash` (the same format the workstations use), so the cost can be
 * raised later without invalidating stored hashes.
 */
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;
const COST = { N: 2 ** 17, r: 8, p: 1 };

export async function hashAdminPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, 32, { ...COST, maxmem: 256 * COST.N * COST.r });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}
