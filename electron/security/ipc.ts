/**
 * Who may talk to the main process. Only frames showing our own renderer (app://…) are
 * trusted: if a page from anywhere else ever got into a frame, its IPC is ignored and it
 * never receives a port to core.
 */
import { isAppUrl } from './navigation.js';

export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/** The part of an IPC event we look at (IpcMainEvent and IpcMainInvokeEvent both have it). */
export interface IpcEventLike {
  senderFrame: { url: string } | null;
}

/**
 * Wraps an ipcMain handler so that calls from untrusted frames are refused before the
 * handler sees them. For `ipcMain.handle` the refusal rejects the renderer's invoke().
 */
export function trustedIpcHandler<E extends IpcEventLike, A extends unknown[], R>(
  channel: string,
  handler: (event: E, ...args: A) => R,
): (event: E, ...args: A) => R {
  return (event, ...args) => {
    const url = event.senderFrame?.url;
    if (!isTrustedSender(url)) throw new Error(`IPC on '${channel}' refused from untrusted frame ${JSON.stringify(url ?? null)}`);
    return handler(event, ...args);
  };
}
