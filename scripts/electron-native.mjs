#!/usr/bin/env node
/**
 * The `prestart` step: builds better-sqlite3 for Electron, once, into
 *   .electron-native/<electron version>/better_sqlite3.node
 * which the main process passes to core as --native-binding (DESIGN.md, Conventions).
 *
 * Why a separate build: better-sqlite3 is a native module and Node and Electron have
 * different ABIs. The Node build in node_modules serves tests, the CLI and `npm run web`
 * and must stay untouched, so this builds in a temporary copy of the package and only
 * copies the resulting .node file out. (electron-rebuild would overwrite the Node build.)
 *
 * How: a prebuilt binary for this Electron from better-sqlite3's releases
 * (prebuild-install), else a compile with node-gyp against Electron's headers from
 * https://electronjs.org/headers. Both need the network the first time; set
 * INCUBATOR_ELECTRON_HEADERS to an unpacked headers directory to compile offline.
 *
 * Usage: node scripts/electron-native.mjs [--force] [--from-source] [--module-only]
 *   --force        rebuild even if the module is already there
 *   --from-source  skip the prebuilt download, compile with node-gyp
 *   --module-only  do not require the Electron binary (only build the module)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const force = args.has('--force');
const fromSource = args.has('--from-source');
const moduleOnly = args.has('--module-only');

const ELECTRON_DIR = path.join(root, 'node_modules', 'electron');
const SQLITE_DIR = path.join(root, 'node_modules', 'better-sqlite3');
const HEADERS_URL = 'https://electronjs.org/headers';
const MODULE_FILE = 'better_sqlite3.node';
/** Where node-gyp keeps Electron headers; shared with electron-rebuild and electron-builder. */
const DEV_DIR = path.join(os.homedir(), '.electron-gyp');

class Failure extends Error {}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function log(message) {
  console.log(`electron-native: ${message}`);
}

function tail(text, lines = 25) {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/**
 * Where the Electron binary should be, worked out the way node_modules/electron/index.js does
 * but without its side effect: requiring that file downloads the binary when it is missing.
 */
function electronBinary() {
  const pathFile = path.join(ELECTRON_DIR, 'path.txt');
  const executable = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH)
    return path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
  return executable ? path.join(ELECTRON_DIR, 'dist', executable) : null;
}

function checkElectronBinary(version) {
  const binary = electronBinary();
  if (binary && fs.existsSync(binary)) return;
  throw new Failure(
    `The Electron ${version} binary is not installed (${binary ?? 'node_modules/electron/path.txt is missing'}).\n` +
      'The electron package was installed without running its download (npm allowScripts), so `electron .` has nothing to run.\n' +
      'Fetch it on a machine that can reach github.com with `node node_modules/electron/install.js`, or point\n' +
      'ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron of the same version. (Use --module-only to build just the module.)',
  );
}

function run(command, commandArgs, options) {
  const result = spawnSync(command, commandArgs, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeoutMs,
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
  });
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
  return { ok: result.status === 0 && !result.error, output, error: result.error };
}

/** The same package in a temporary directory, without the Node build. */
function copyPackage() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-electron-native-'));
  const copy = path.join(tmp, 'better-sqlite3');
  fs.cpSync(SQLITE_DIR, copy, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(SQLITE_DIR, source);
      return !(relative === 'build' || relative.startsWith(`build${path.sep}`) || relative === 'node_modules');
    },
  });
  return { tmp, copy };
}

function tryPrebuilt(copy, version) {
  const bin = path.join(root, 'node_modules', 'prebuild-install', 'bin.js');
  if (!fs.existsSync(bin)) return { ok: false, output: 'prebuild-install is not installed' };
  log(`downloading a prebuilt better-sqlite3 for Electron ${version} (${process.platform}-${process.arch})…`);
  const result = run(
    process.execPath,
    [bin, '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, `--platform=${process.platform}`],
    {
      cwd: copy,
      timeoutMs: 3 * 60_000,
    },
  );
  return { ok: result.ok && fs.existsSync(path.join(copy, 'build', 'Release', MODULE_FILE)), output: result.output };
}

function compile(copy, version) {
  const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  if (!fs.existsSync(nodeGyp)) throw new Failure('node-gyp is not installed in node_modules (it comes with npm install).');
  const headers = process.env.INCUBATOR_ELECTRON_HEADERS;
  log(
    headers
      ? `compiling better-sqlite3 for Electron ${version} against the headers in ${headers}…`
      : `compiling better-sqlite3 for Electron ${version} (headers from ${HEADERS_URL})… this takes a minute or two`,
  );
  const gypArgs = [
    nodeGyp,
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${version}`,
    `--arch=${process.arch}`,
    `--dist-url=${HEADERS_URL}`,
    `--devdir=${DEV_DIR}`,
    ...(headers ? [`--nodedir=${path.resolve(headers)}`] : []),
  ];
  const result = run(process.execPath, gypArgs, { cwd: copy, timeoutMs: 30 * 60_000 });
  const built = path.join(copy, 'build', 'Release', MODULE_FILE);
  if (result.ok && fs.existsSync(built)) return;
  throw new Failure(explainCompileFailure(result, version));
}

/** Turns node-gyp's output into the reason a person can act on. */
function explainCompileFailure(result, version) {
  const output = result.output;
  const details = `\n\nnode-gyp said:\n${tail(output)}`;
  if (result.error?.code === 'ETIMEDOUT') return `node-gyp did not finish in time.${details}`;
  const fetching =
    /(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|certificate|socket hang up|status code 40\d|status code 5\d\d|Request failed|proxy)/i;
  if (
    fetching.test(output) ||
    /(download|tarball|headers)/i.test(
      output
        .split('\n')
        .filter((l) => /gyp ERR!/.test(l))
        .join('\n'),
    )
  ) {
    return (
      `Could not fetch the Electron ${version} headers from ${HEADERS_URL}, which compiling needs ` +
      '(and no prebuilt binary could be downloaded either).\n' +
      'Run this once on a machine with internet access, or download ' +
      `${HEADERS_URL}/v${version}/node-v${version}-headers.tar.gz, unpack it and set INCUBATOR_ELECTRON_HEADERS to the unpacked folder.` +
      details
    );
  }
  if (/(find Python|python.*not found|No Python)/i.test(output))
    return `node-gyp needs Python 3 to compile better-sqlite3.${details}`;
  if (
    /(make: not found|not found: make|g\+\+: not found|cc: not found|c\+\+: not found|MSBuild|Visual Studio|xcode-select|No Xcode)/i.test(
      output,
    )
  ) {
    return `node-gyp needs a C++ toolchain (build-essential on Debian/Ubuntu, Xcode Command Line Tools on macOS, Visual Studio Build Tools on Windows).${details}`;
  }
  return `Compiling better-sqlite3 for Electron ${version} failed.${details}`;
}

function main() {
  if (!fs.existsSync(path.join(ELECTRON_DIR, 'package.json')))
    throw new Failure('The electron package is not installed: run `npm install`.');
  if (!fs.existsSync(path.join(SQLITE_DIR, 'package.json')))
    throw new Failure('better-sqlite3 is not installed: run `npm install`.');
  const version = readJson(path.join(ELECTRON_DIR, 'package.json')).version;
  const sqliteVersion = readJson(path.join(SQLITE_DIR, 'package.json')).version;

  if (!moduleOnly) checkElectronBinary(version);

  const outDir = path.join(root, '.electron-native', version);
  const target = path.join(outDir, MODULE_FILE);
  const infoFile = path.join(outDir, 'build-info.json');
  const wanted = { electron: version, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };
  const info = fs.existsSync(infoFile) ? readJson(infoFile) : null;
  const current =
    info &&
    fs.existsSync(target) &&
    fs.statSync(target).size > 0 &&
    Object.entries(wanted).every(([key, value]) => info[key] === value);
  if (current && !force) {
    log(`better-sqlite3 ${sqliteVersion} for Electron ${version} is already built (${path.relative(root, target)})`);
    return;
  }

  const { tmp, copy } = copyPackage();
  try {
    let method = 'prebuilt';
    const prebuilt = fromSource ? null : tryPrebuilt(copy, version);
    if (!prebuilt?.ok) {
      if (prebuilt) log('no prebuilt binary could be downloaded; compiling from source instead');
      method = 'compiled';
      compile(copy, version);
    }
    fs.mkdirSync(outDir, { recursive: true });
    // Copy then rename, so an interrupted run never leaves a half-written module behind.
    const partial = `${target}.${process.pid}.partial`;
    fs.copyFileSync(path.join(copy, 'build', 'Release', MODULE_FILE), partial);
    fs.renameSync(partial, target);
    fs.writeFileSync(infoFile, `${JSON.stringify({ ...wanted, method, builtAt: new Date().toISOString() }, null, 2)}\n`);
    log(`built ${path.relative(root, target)} (${method})`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  if (error instanceof Failure) {
    console.error(`electron-native: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
