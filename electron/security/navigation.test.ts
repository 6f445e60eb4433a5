import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from './csp.js';
import { isAllowedNavigation, isAppUrl, isSafeExternalUrl } from './navigation.js';

describe('isAllowedNavigation', () => {
  it.each(['app://incubator-desk/index.html', 'app://incubator-desk/', 'app://incubator-desk/startups/42?tab=metrics#top'])(
    'allows our own page %s',
    (url) => expect(isAllowedNavigation(url)).toBe(true),
  );

  it.each([
    'https://example.com/',
    'http://incubator-desk/',
    'file:///etc/passwd',
    'app://other-host/index.html',
    'app://user:pw@incubator-desk/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(isAllowedNavigation(url)).toBe(false));

  it('isAppUrl is the same test', () => {
    expect(isAppUrl('app://incubator-desk/x')).toBe(true);
    expect(isAppUrl('app://incubator-desk.evil.com/x')).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['https://example.com', 'https://www.plan9.pk/programmes?id=3#apply', 'https://sub.example.org:8443/a'])(
    'allows %s',
    (url) => expect(isSafeExternalUrl(url)).toBe(true),
  );

  it.each([
    'http://example.com',
    'https://user:secret@example.com/',
    'https://user@example.com/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'javascript:alert(1)',
    'ms-msdt:/id PCWDiagnostic',
    'app://incubator-desk/index.html',
    'https://',
    'nonsense',
    `https://example.com/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => expect(isSafeExternalUrl(url)).toBe(false));

  it('refuses things that are not strings', () => {
    expect(isSafeExternalUrl(undefined as unknown as string)).toBe(false);
  });
});

describe('content security policy', () => {
  it('has every directive the app relies on', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.slice(d.indexOf(' ') + 1)]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(directives.get('img-src')).toContain('data:');
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain('unsafe-inline');
  });

  it('builds from a directive list', () => {
    expect(
      buildContentSecurityPolicy([
        ['default-src', "'none'"],
        ['img-src', 'data:'],
      ]),
    ).toBe("default-src 'none'; img-src data:");
  });

  it('replaces any existing policy header whatever its case and keeps the others', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html' }, 'X');
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ['X'] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
