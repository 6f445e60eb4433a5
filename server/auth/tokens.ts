/**
 * Device tokens and enrolment codes are secrets shown once; the server keeps only their
 * SHA-256. A lookup by hash reveals nothing useful through timing (an attacker cannot
 * choose hash prefixes), and the stored hash is compared once more in constant time.
 */
import crypto from 'node:crypto';

export function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Whether two SHA-256 hex digests are the same, compared in constant time: both are decoded
 * to 32 bytes and compared with crypto.timingSafeEqual. Anything that is not a lower-case
 * 64-digit hex digest is never equal to anything (Buffer.from(…, 'hex') would silently stop
 * at the first bad character, and two different strings could decode alike).
 */
export function sameHash(a: string, b: string): boolean {
  if (!SHA256_HEX.test(a) || !SHA256_HEX.test(b)) return false;
  return crypto.timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

/** 256 random bits, base64url (43 characters). */
export function newDeviceToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Letters and digits that cannot be misread for one another when typed from a screen. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_GROUPS = 4;
const GROUP_LENGTH = 4;

/** An enrolment code like `K7QF-M2XD-9RTA-HW3E` (80 bits), for an admin to read out or paste. */
export function newEnrolmentCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < CODE_GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** What is hashed: case, spaces and dashes do not matter when a person types the code. */
export function normaliseEnrolmentCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '');
}

export function enrolmentCodeHash(code: string): string {
  return sha256Hex(normaliseEnrolmentCode(code));
}
