/**
 * Whether the "Log a session" modal is open, and what it starts with. The modal is the
 * sessions feature's global component; anything (Ctrl+L, a button on any screen) opens it.
 */
import { useSyncExternalStore } from 'react';

export interface LogSessionPrefill {
  mentorId?: string;
  startupId?: string;
}

interface State {
  opened: boolean;
  prefill: LogSessionPrefill;
  /** Changes on every opening, so the form starts afresh. */
  key: number;
}

let state: State = { opened: false, prefill: {}, key: 0 };
const listeners = new Set<() => void>();

function set(next: State) {
  state = next;
  for (const listener of listeners) listener();
}

export function openLogSession(prefill: LogSessionPrefill = {}): void {
  if (state.opened) return;
  set({ opened: true, prefill, key: state.key + 1 });
}

export function closeLogSession(): void {
  set({ ...state, opened: false });
}

export function useLogSessionState(): State {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
