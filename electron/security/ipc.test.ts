import { describe, expect, it, vi } from 'vitest';
import { isTrustedSender, trustedIpcHandler } from './ipc.js';

describe('isTrustedSender', () => {
  it('trusts frames showing our renderer', () => {
    expect(isTrustedSender('app://incubator-desk/index.html')).toBe(true);
    expect(isTrustedSender('app://incubator-desk/startups/1')).toBe(true);
  });

  it.each([
    null,
    undefined,
    '',
    'about:blank',
    'https://incubator-desk/',
    'file:///index.html',
    'app://evil/index.html',
    'devtools://x',
  ])('does not trust %s', (url) => expect(isTrustedSender(url)).toBe(false));
});

describe('trustedIpcHandler', () => {
  it('passes calls from trusted frames through', () => {
    const handler = vi.fn((_event: unknown, a: number, b: number) => a + b);
    const wrapped = trustedIpcHandler('sum', handler);
    expect(wrapped({ senderFrame: { url: 'app://incubator-desk/index.html' } }, 2, 3)).toBe(5);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('refuses untrusted frames, and a frame already gone, before the handler runs', () => {
    const handler = vi.fn();
    const wrapped = trustedIpcHandler('print', handler);
    expect(() => wrapped({ senderFrame: { url: 'https://evil.example/' } })).toThrow(/refused/);
    expect(() => wrapped({ senderFrame: null })).toThrow(/refused/);
    expect(handler).not.toHaveBeenCalled();
  });
});
