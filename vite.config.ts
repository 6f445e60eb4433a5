/**
 * Builds the renderer (React UI) into dist/renderer. The same build is loaded by Electron
 * from file:// and served by `npm run web` over http://127.0.0.1, so paths are relative
 * (base './') and the page runs under a strict CSP: no inline scripts.
 *
 * `npm run web:dev` (vite's dev server with hot reload) talks to a running `npm run web`
 * core: set INCUBATOR_CORE=http://127.0.0.1:PORT and open the dev URL with ?token=TOKEN.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

/** The page's policy when loaded from file:// (Electron) or any server that sends none. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Adds the CSP meta tag to the built page (not in dev: the dev server's hot reload needs an
 * inline preamble) and fails the build if any inline script slipped into the HTML.
 */
function strictContentSecurityPolicy(): Plugin {
  return {
    name: 'incubator:strict-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const inline = /<script\b(?![^>]*\bsrc=)[^>]*>/i.exec(html);
        if (inline) throw new Error(`Inline script in index.html breaks the CSP (script-src 'self'): ${inline[0]}`);
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

const coreTarget = process.env.INCUBATOR_CORE;

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), strictContentSecurityPolicy()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Electron and the browser load the same files; one stylesheet, no inlined assets.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    host: '127.0.0.1',
    // The renderer imports the contract from ../shared.
    fs: { allow: [projectRoot] },
    proxy: coreTarget
      ? {
          '/api': {
            target: coreTarget,
            ws: true,
            changeOrigin: true,
            // Core accepts sockets only from its own origin.
            configure: (proxy) => proxy.on('proxyReqWs', (proxyReq) => proxyReq.setHeader('origin', coreTarget)),
          },
        }
      : undefined,
  },
  preview: { host: '127.0.0.1' },
});
