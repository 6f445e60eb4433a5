import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appResponseHeaders, mimeTypeFor, resolveAppPath, serveAppRequest } from './app-protocol.js';

let root: string;
let outside: string;

beforeAll(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'app-protocol-'));
  root = path.join(base, 'renderer');
  outside = path.join(base, 'secret.txt');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Incubator Desk</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc123.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(outside, 'do not serve');
});

afterAll(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps files under the root', () => {
    expect(resolveAppPath('app://incubator-desk/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://incubator-desk/assets/index-abc123.js?v=1#x', root)).toBe(
      path.join(root, 'assets', 'index-abc123.js'),
    );
  });

  it('serves index.html for the root and for client-side routes', () => {
    expect(resolveAppPath('app://incubator-desk/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://incubator-desk', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://incubator-desk/startups/0190c1f2', root)).toBe(path.join(root, 'index.html'));
  });

  it.each([
    'app://incubator-desk/../secret.txt',
    'app://incubator-desk/%2e%2e/secret.txt',
    'app://incubator-desk/%2E%2E/secret.txt',
    'app://incubator-desk/assets/..%2f..%2fsecret.txt',
    'app://incubator-desk/..%5csecret.txt',
    'app://incubator-desk/assets%5c..%5c..%5csecret.txt',
    'app://incubator-desk/index.html%00.js',
    'app://incubator-desk/%E0%A4%A',
  ])('refuses to leave the root: %s', (url) => {
    const resolved = resolveAppPath(url, root);
    if (resolved !== null) expect(resolved.startsWith(root + path.sep)).toBe(true);
    expect(resolved).not.toBe(outside);
  });

  it('refuses absolute-path tricks', () => {
    for (const url of ['app://incubator-desk//etc/passwd', `app://incubator-desk/${encodeURIComponent(outside)}`]) {
      const resolved = resolveAppPath(url, root);
      expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
    }
  });

  it('refuses URLs that are not ours', () => {
    expect(resolveAppPath('app://other/index.html', root)).toBeNull();
    expect(resolveAppPath('file:///index.html', root)).toBeNull();
    expect(resolveAppPath('https://incubator-desk/index.html', root)).toBeNull();
    expect(resolveAppPath('app://a:b@incubator-desk/index.html', root)).toBeNull();
    expect(resolveAppPath('::::', root)).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.wasm', 'application/wasm'],
    ['noext', 'application/octet-stream'],
    ['a.exe', 'application/octet-stream'],
  ])('%s → %s', (file, type) => expect(mimeTypeFor(file)).toBe(type));
});

describe('serveAppRequest', () => {
  it('serves a file with its type, the CSP and nosniff', async () => {
    const response = await serveAppRequest({ url: 'app://incubator-desk/assets/index-abc123.js', method: 'GET' }, root);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('serves the page for a route', async () => {
    const response = await serveAppRequest({ url: 'app://incubator-desk/mentors', method: 'GET' }, root);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('Incubator Desk');
  });

  it('answers 404 for a missing asset rather than the page', async () => {
    const response = await serveAppRequest({ url: 'app://incubator-desk/assets/missing.js', method: 'GET' }, root);
    expect(response.status).toBe(404);
  });

  it('answers 404 for a path outside the root', async () => {
    const response = await serveAppRequest({ url: 'app://incubator-desk/%2e%2e/secret.txt', method: 'GET' }, root);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await serveAppRequest({ url: 'app://incubator-desk/index.html', method: 'POST' }, root)).status).toBe(405);
    const head = await serveAppRequest({ url: 'app://incubator-desk/index.html', method: 'HEAD' }, root);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('headers name the type of the file', () => {
    expect(appResponseHeaders('x.css')['Content-Type']).toBe('text/css; charset=utf-8');
  });
});
