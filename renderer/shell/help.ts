/**
 * Whether the keyboard-shortcuts overlay is open: a tiny store, so that the "?" key, the
 * user menu and the desktop app's Help menu can all open it.
 */
import { useSyncExternalStore } from 'react';

let opened = false;
const listeners = new Set<() => void>();

function set(next: boolean): void {
  if (opened === next) return;
  opened = next;
  listeners.forEach((listener) => listener());
}

export const openHelp = (): void => set(true);
export const closeHelp = (): void => set(false);

export function useHelpOpened(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => opened,
  );
}
