#!/usr/bin/env node
/**
 * Bundles the desktop shell with esbuild:
 *   electron/main.ts            → dist-electron/main.cjs     (main process)
 *   electron/preload.ts         → dist-electron/preload.cjs  (sandboxed preload)
 *   core/host/utility-entry.ts  → dist-electron/core.cjs     (core in a utilityProcess)
 *
 * Everything is bundled (shared/, zod, electron-store, …) except `electron` and the native
 * better-sqlite3, which core loads from node_modules (its .node file comes from
 * --native-binding). A packaged app therefore needs no node_modules but better-sqlite3.
 *
 * Usage: node scripts/build-electron.mjs [--shell-only] [--out-dir DIR]
 *   --shell-only    build main and preload only (core's entry not required).
 *   --out-dir DIR   write the bundles to DIR instead of dist-electron (tests).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDirIndex = process.argv.indexOf('--out-dir');
const outDir =
  outDirIndex > 0 && process.argv[outDirIndex + 1]
    ? path.resolve(process.argv[outDirIndex + 1])
    : path.join(root, 'dist-electron');
const shellOnly = process.argv.includes('--shell-only');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const CORE_ENTRY = path.join(root, 'core', 'host', 'utility-entry.ts');

/** Electron 45 ships Node 22 and Chromium 142. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome142';

/**
 * In a CommonJS bundle `import.meta.url` is empty; ESM code (ours or a dependency's) that
 * locates files with it gets this file's URL instead.
 */
const importMetaUrlShim = {
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
};

const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

const targets = [
  {
    name: 'main',
    options: {
      ...common,
      ...importMetaUrlShim,
      entryPoints: ['electron/main.ts'],
      outfile: path.join(outDir, 'main.cjs'),
      platform: 'node',
      target: NODE_TARGET,
      external: ['electron'],
      define: { ...importMetaUrlShim.define, __APP_VERSION__: JSON.stringify(pkg.version) },
    },
  },
  {
    name: 'preload',
    options: {
      ...common,
      entryPoints: ['electron/preload.ts'],
      outfile: path.join(outDir, 'preload.cjs'),
      // A sandboxed preload is a browser context whose `require` knows only 'electron' (and a
      // few polyfilled modules). platform 'browser' makes esbuild refuse any Node built-in.
      platform: 'browser',
      target: CHROME_TARGET,
      // Parsed on every page load; zod's schemas (for the method list) make it large.
      minify: true,
      external: ['electron'],
    },
    check: checkPreloadRequires,
  },
  {
    name: 'core',
    core: true,
    options: {
      ...common,
      ...importMetaUrlShim,
      entryPoints: ['core/host/utility-entry.ts'],
      outfile: path.join(outDir, 'core.cjs'),
      platform: 'node',
      target: NODE_TARGET,
      // playwright-core prints report PDFs outside the app only (core/reports/render/pdf.ts);
      // in the app core asks the main process to print, so it is never loaded there.
      external: ['electron', 'better-sqlite3', 'playwright-core'],
    },
  },
];

/** The preload bundle may require nothing but 'electron': anything else fails in the sandbox. */
function checkPreloadRequires(file) {
  const code = fs.readFileSync(file, 'utf8');
  const required = new Set([...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]));
  required.delete('electron');
  if (required.size > 0) {
    throw new Error(
      `${path.relative(root, file)} requires ${[...required].join(', ')}; a sandboxed preload can only require 'electron'`,
    );
  }
}

async function main() {
  const selected = targets.filter((t) => !(shellOnly && t.core));
  if (!shellOnly && !fs.existsSync(CORE_ENTRY)) {
    console.error(
      `build-electron: core's utilityProcess entry ${path.relative(root, CORE_ENTRY)} does not exist yet.\n` +
        'The app cannot run without it. Use --shell-only to build main and preload alone.',
    );
    process.exit(1);
  }
  fs.mkdirSync(outDir, { recursive: true });
  for (const target of selected) {
    const started = Date.now();
    await build(target.options);
    target.check?.(target.options.outfile);
    const size = fs.statSync(target.options.outfile).size;
    console.log(
      `build-electron: ${target.name.padEnd(7)} → ${path.relative(root, target.options.outfile)} (${(size / 1024).toFixed(0)} KiB, ${Date.now() - started} ms)`,
    );
  }
}

main().catch((error) => {
  console.error(`build-electron: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
