import { describe, expect, it } from 'vitest';
import { takeWebToken, webSocketUrl } from './web-token.js';

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe('web token', () => {
  it('takes the token from the address, keeps it, and removes it from the address', () => {
    const storage = memoryStorage();
    const replaced: string[] = [];
    const history = {
      state: null,
      replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)),
    };
    expect(takeWebToken({ search: '?token=abc&x=1', pathname: '/', hash: '#/startups' }, storage, history)).toBe('abc');
    expect(replaced).toEqual(['/?x=1#/startups']);
    // After a reload the address has no token; the kept one is used.
    expect(takeWebToken({ search: '', pathname: '/', hash: '' }, storage, history)).toBe('abc');
  });

  it('has no token when none was ever given', () => {
    const history = { state: null, replaceState: () => undefined };
    expect(takeWebToken({ search: '', pathname: '/', hash: '' }, memoryStorage(), history)).toBeNull();
  });

  it('builds the socket address on the serving host', () => {
    expect(webSocketUrl('a b', { protocol: 'http:', host: '127.0.0.1:5000' })).toBe('ws://127.0.0.1:5000/api?token=a%20b');
  });
});
