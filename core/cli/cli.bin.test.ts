import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempDir } from '../testing/harness.js';
import { PASSWORD } from './cli-test-kit.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin', 'incubator.mjs');

let dir: string;
beforeEach(() => {
  dir = tempDir('incubator-bin-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function incubator(...args: string[]) {
  return spawnSync(process.execPath, [bin, '--data', dir, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

it('runs as a real process: output on stdout, errors on stderr, exit codes propagate', () => {
  const before = incubator('startups', 'list');
  expect(before.status).toBe(1);
  expect(before.stderr).toContain('init');

  const init = incubator(
    '--json',
    'init',
    '--centre',
    'NIC Quetta',
    '--city',
    'Quetta',
    '--manager-email',
    'zarghuna.kakar@nic.pk',
    '--manager-password',
    PASSWORD,
  );
  expect(init.stderr).toBe('');
  expect(init.status).toBe(0);
  expect(JSON.parse(init.stdout)).toMatchObject({ centre: { name: 'NIC Quetta' } });

  const added = incubator('--json', 'startups', 'add', '--name', 'Sabz Hawa', '--sector', 'cleantech');
  expect(added.status).toBe(0);
  const id = (JSON.parse(added.stdout) as { id: string }).id;
  const list = incubator('startups', 'list');
  expect(list.status).toBe(0);
  expect(list.stdout).toContain(id);

  const bad = incubator('--json', 'startups', 'add', '--name', 'X', '--sector', 'spaceships');
  expect(bad.status).toBe(2);
  expect(bad.stdout).toBe('');
  expect(JSON.parse(bad.stderr)).toMatchObject({ error: { code: 'invalid', issues: [{ flag: '--sector' }] } });
});
