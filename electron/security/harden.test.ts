import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents, type HardenOptions } from './harden.js';

type Handler = (...args: never[]) => unknown;

function fakeContents() {
  const handlers = new Map<string, Handler>();
  let openHandler: Handler | null = null;
  const contents = {
    on: vi.fn((event: string, handler: Handler) => {
      handlers.set(event, handler);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: Handler) => {
      openHandler = handler;
    }),
  };
  const emit = (name: string, event: object) => {
    const prevented = { value: false };
    const handler = handlers.get(name) as unknown as (e: object) => void;
    handler({ ...event, preventDefault: () => (prevented.value = true) });
    return prevented.value;
  };
  return { contents, emit, open: (url: string) => (openHandler as unknown as (d: { url: string }) => unknown)({ url }) };
}

function options() {
  return { openExternal: vi.fn<(url: string) => void>(), warn: vi.fn<(message: string) => void>() } satisfies HardenOptions;
}

describe('hardenWebContents', () => {
  it('refuses every <webview>', () => {
    const { contents, emit } = fakeContents();
    hardenWebContents(contents as never, options());
    expect(emit('will-attach-webview', {})).toBe(true);
  });

  it('lets the page navigate within the app', () => {
    const { contents, emit } = fakeContents();
    const opts = options();
    hardenWebContents(contents as never, opts);
    expect(emit('will-navigate', { url: 'app://incubator-desk/startups' })).toBe(false);
    expect(opts.openExternal).not.toHaveBeenCalled();
  });

  it('sends https links to the browser instead of navigating', () => {
    const { contents, emit } = fakeContents();
    const opts = options();
    hardenWebContents(contents as never, opts);
    expect(emit('will-navigate', { url: 'https://example.com/' })).toBe(true);
    expect(opts.openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('refuses other navigations without opening anything', () => {
    const { contents, emit } = fakeContents();
    const opts = options();
    hardenWebContents(contents as never, opts);
    expect(emit('will-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(emit('will-navigate', { url: 'http://example.com/' })).toBe(true);
    expect(emit('will-redirect', { url: 'https://example.com/' })).toBe(true);
    expect(emit('will-frame-navigate', { url: 'https://example.com/', isMainFrame: false })).toBe(true);
    expect(opts.openExternal).not.toHaveBeenCalled();
  });

  it('leaves main-frame navigation to will-navigate (no double opening)', () => {
    const { contents, emit } = fakeContents();
    const opts = options();
    hardenWebContents(contents as never, opts);
    expect(emit('will-frame-navigate', { url: 'https://example.com/', isMainFrame: true })).toBe(false);
    expect(opts.openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window, opening only safe https links externally', () => {
    const { contents, open } = fakeContents();
    const opts = options();
    hardenWebContents(contents as never, opts);
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('app://incubator-desk/index.html')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(opts.openExternal).toHaveBeenCalledTimes(1);
    expect(opts.openExternal).toHaveBeenCalledWith('https://example.com/');
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const captured: Record<string, Handler> = {};
    let blockedFilter: { urls: string[] } | null = null;
    const session = {
      setPermissionRequestHandler: vi.fn((h: Handler) => (captured.request = h)),
      setPermissionCheckHandler: vi.fn((h: Handler) => (captured.check = h)),
      setDevicePermissionHandler: vi.fn((h: Handler) => (captured.device = h)),
      webRequest: {
        onHeadersReceived: vi.fn((h: Handler) => (captured.headers = h)),
        onBeforeRequest: vi.fn((filter: { urls: string[] }, h: Handler) => {
          blockedFilter = filter;
          captured.before = h;
        }),
      },
    };
    return { session, captured, blockedFilter: () => blockedFilter };
  }

  it('denies every permission request and check', () => {
    const { session, captured } = fakeSession();
    hardenSession(session as never, 'POLICY', options());
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
    ]) {
      const callback = vi.fn();
      (captured.request as unknown as (...a: unknown[]) => void)({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect((captured.check as unknown as (...a: unknown[]) => boolean)({}, permission, 'app://incubator-desk')).toBe(false);
    }
    expect((captured.device as unknown as () => boolean)()).toBe(false);
  });

  it('puts the policy on app:// responses only', () => {
    const { session, captured } = fakeSession();
    hardenSession(session as never, 'POLICY', options());
    const headers = captured.headers as unknown as (details: object, cb: (r: object) => void) => void;
    const callback = vi.fn();
    headers(
      { url: 'app://incubator-desk/index.html', responseHeaders: { 'content-security-policy': ['default-src *'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': ['POLICY'] } });
    const other = vi.fn();
    headers({ url: 'devtools://devtools/bundled/x.html', responseHeaders: {} }, other);
    expect(other).toHaveBeenCalledWith({});
  });

  it('cancels every request from the page to the network or the disk', () => {
    const { session, captured, blockedFilter } = fakeSession();
    hardenSession(session as never, 'POLICY', options());
    expect(blockedFilter()?.urls).toEqual(
      expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*']),
    );
    const callback = vi.fn();
    (captured.before as unknown as (d: object, cb: (r: object) => void) => void)({ url: 'https://tracker.example/' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});
