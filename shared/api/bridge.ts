/**
 * What the desktop app's preload script puts on `window.incubatorBridge`: the renderer's
 * only door to core (and to the shell's own events). It carries the same wire messages as
 * every other transport (see protocol.ts); nothing else of Electron or Node is reachable.
 *
 * Besides core's messages, the shell delivers its own events through `subscribe`, shaped
 * like core events so one listener handles both:
 *  - `app.menu` — the user picked an application-menu item the UI must act on;
 *  - `app.core` — core crashed and is being restarted, or is gone for good.
 */
import type { CallMessage, ServerMessage } from './protocol.js';

export interface BridgePlatform {
  readonly kind: 'electron';
  /** Node's `process.platform` of the workstation ('win32', 'darwin', 'linux', …), e.g. to show ⌘ or Ctrl. */
  readonly os: string;
}

export interface IncubatorBridge {
  /** Sends a call to core. Throws a TypeError at once for anything that is not a call to a known API method. */
  send(message: CallMessage): void;
  /** Every message from core plus the shell's events; returns the unsubscribe function. */
  subscribe(listener: (message: ServerMessage) => void): () => void;
  readonly platform: BridgePlatform;
}

/** Names of the events the shell itself emits (core's events are listed in ./index.ts). */
export const SHELL_EVENTS = {
  menu: 'app.menu',
  core: 'app.core',
} as const;

export type ThemePreference = 'system' | 'light' | 'dark';

/** Payload of `app.menu`. */
export type MenuEventPayload =
  /** File → Backup…: the UI starts its backup flow. */
  | { action: 'backup' }
  /** Help → Keyboard shortcuts. */
  | { action: 'show-shortcuts' }
  /** View → Appearance: the user chose a colour scheme ('system' = follow the OS). */
  | { action: 'theme'; theme: ThemePreference };
export type MenuAction = MenuEventPayload['action'];

/**
 * Payload of `app.core`. On `restarting`, every call still waiting has already been
 * answered with an `unavailable` error and new calls are held until core is back; core's
 * in-memory state (sign-in sessions, running jobs) did not survive, so the UI should treat
 * `restarted` like a fresh start. After `stopped`, every call fails with `unavailable`.
 */
export type CoreStatusPayload =
  { state: 'restarting'; reason: string } | { state: 'restarted' } | { state: 'stopped'; reason: string };
