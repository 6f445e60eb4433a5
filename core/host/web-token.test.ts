/**
 * Web mode's access token (in the address the host prints) is checked on every WebSocket
 * upgrade with tokensEqual: both sides hashed with SHA-256 and the digests compared with
 * crypto.timingSafeEqual, so neither the comparison's time nor a length check tells an
 * attacker how much of a guess was right.
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tokensEqual } from './web.js';

afterEach(() => vi.restoreAllMocks());

describe('tokensEqual', () => {
  it('is true only for the same token', () => {
    const token = crypto.randomBytes(24).toString('base64url');
    expect(tokensEqual(token, token)).toBe(true);
    expect(tokensEqual(token, token.slice(0, -1))).toBe(false);
    expect(tokensEqual(token, `${token}x`)).toBe(false);
    expect(tokensEqual('', token)).toBe(false);
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => tokensEqual(a, b) === (a === b)),
      { numRuns: 500 },
    );
  });

  it('compares two 32-byte digests in constant time, whatever the lengths of the tokens', () => {
    const spy = vi.spyOn(crypto, 'timingSafeEqual');
    expect(tokensEqual('a-guess', crypto.randomBytes(24).toString('base64url'))).toBe(false);
    expect(spy).toHaveBeenCalledTimes(1);
    const [left, right] = spy.mock.calls[0]!;
    expect([(left as Buffer).length, (right as Buffer).length]).toEqual([32, 32]);
  });
});
