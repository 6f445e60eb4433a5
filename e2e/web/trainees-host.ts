/**
 * A web host on a data folder prepared once for a whole spec file (init + seed through the
 * CLI, as a centre would), instead of the fresh, empty folder of the shared fixture.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { startWebHost, stopWebHost } from '../support/web-fixture.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const seededManager = { email: 'manager@nic-karachi.pk', password: 'correct horse battery staple' };

export interface SeededHost {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Sets up a centre, seeds it with `seedArgs`, and starts the web host on it. */
export async function startSeededHost(seedArgs: string[]): Promise<SeededHost> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-e2e-seeded-'));
  const cli = (args: string[]) =>
    execFileSync(process.execPath, ['bin/incubator.mjs', '--data', dataDir, ...args], {
      cwd: projectRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
  let child: ChildProcess | null = null;
  try {
    cli(['init', '--centre', 'National Incubation Center Karachi', '--manager-email', seededManager.email, '--manager-password', seededManager.password]);
    cli(['seed', ...seedArgs]);
    const host = await startWebHost(dataDir);
    child = host.child;
    return {
      url: host.url,
      dataDir,
      stop: async () => {
        if (child) await stopWebHost(child);
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

export async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(seededManager.email);
  await page.getByLabel('Password').fill(seededManager.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('centre-name').waitFor();
}
