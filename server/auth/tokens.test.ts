/**
 * Device tokens and enrolment codes are looked up by their SHA-256; the stored digest is then
 * compared with the presented one in constant time (sameHash: crypto.timingSafeEqual over the
 * two 32-byte digests).
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enrolmentCodeHash, newDeviceToken, sameHash, sha256Hex } from './tokens.js';

afterEach(() => vi.restoreAllMocks());

describe('sameHash', () => {
  it('is true for the same digest and false for any other', () => {
    const token = newDeviceToken();
    expect(sameHash(sha256Hex(token), sha256Hex(token))).toBe(true);
    expect(sameHash(sha256Hex(token), sha256Hex(`${token}x`))).toBe(false);
    // One bit apart, in the first and in the last byte.
    const digest = sha256Hex(token);
    const flip = (hex: string, at: number) => hex.slice(0, at) + (parseInt(hex[at]!, 16) ^ 1).toString(16) + hex.slice(at + 1);
    expect(sameHash(digest, flip(digest, 0))).toBe(false);
    expect(sameHash(digest, flip(digest, 63))).toBe(false);
  });

  it('agrees with string equality of the secrets behind the digests', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => sameHash(sha256Hex(a), sha256Hex(b)) === (a === b)),
      { numRuns: 500 },
    );
  });

  it('never matches what is not a lower-case 64-digit hex digest, however it decodes', () => {
    const digest = sha256Hex('secret');
    // Buffer.from(…, 'hex') stops at the first bad character: these would all decode to a
    // prefix of the digest (or to nothing) and must not compare equal to anything.
    for (const other of [
      '',
      digest.slice(0, 62),
      `${digest}00`,
      `${digest.slice(0, 62)}zz`,
      digest.toUpperCase(),
      ` ${digest}`,
    ]) {
      expect(sameHash(digest, other), JSON.stringify(other)).toBe(false);
      expect(sameHash(other, digest), JSON.stringify(other)).toBe(false);
      expect(sameHash(other, other), JSON.stringify(other)).toBe(false);
    }
    expect(sameHash('zz', 'zz')).toBe(false);
  });

  it('compares the two digests with crypto.timingSafeEqual over 32-byte buffers', () => {
    const spy = vi.spyOn(crypto, 'timingSafeEqual');
    const digest = sha256Hex(newDeviceToken());
    expect(sameHash(digest, sha256Hex('another'))).toBe(false);
    expect(sameHash(digest, digest)).toBe(true);
    expect(spy).toHaveBeenCalledTimes(2);
    for (const [left, right] of spy.mock.calls) {
      expect(Buffer.isBuffer(left) && Buffer.isBuffer(right)).toBe(true);
      expect([(left as Buffer).length, (right as Buffer).length]).toEqual([32, 32]);
    }
  });
});

describe('enrolment codes', () => {
  it('hash the same however a person types them', () => {
    expect(enrolmentCodeHash('k7qf m2xd-9rta hw3e')).toBe(enrolmentCodeHash('K7QF-M2XD-9RTA-HW3E'));
    expect(sameHash(enrolmentCodeHash('K7QF-M2XD-9RTA-HW3E'), enrolmentCodeHash('K7QF-M2XD-9RTA-HW3F'))).toBe(false);
  });
});
