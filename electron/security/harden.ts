/**
 * Locks down the session and every web contents the app creates. Each rule is here rather
 * than in main.ts so it can be tested with fakes; main.ts only calls these two functions.
 */
import type { Session, WebContents } from 'electron';
import { withContentSecurityPolicy } from './csp.js';
import { isAllowedNavigation, isAppUrl, isSafeExternalUrl } from './navigation.js';

export interface HardenOptions {
  /** Opens a validated https link in the user's browser (shell.openExternal). */
  openExternal(url: string): void;
  /** Reports a refused action (for the log). */
  warn(message: string): void;
}

/**
 * Schemes the renderer must never load from. The app is offline-first and core does all
 * network work (sync); a request from the page to the network or the disk is a bug or an
 * attack. `devtools:` and `chrome-extension:` are left alone so DevTools works in dev.
 */
const BLOCKED_REQUEST_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*', 'ftp://*/*'];

type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived' | 'onBeforeRequest'>;
};

export function hardenSession(session: SessionLike, policy: string, options: HardenOptions): void {
  // No camera, microphone, geolocation, notifications, clipboard reads, HID, serial, USB…
  // The UI needs none of them; a request is a bug or an attack.
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    options.warn(`Permission request refused: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);

  // The policy also travels in the app:// responses and in a meta tag; setting it here too
  // covers any response the protocol handler did not produce.
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });

  session.webRequest.onBeforeRequest({ urls: BLOCKED_REQUEST_URLS }, (details, callback) => {
    options.warn(`Network request from the page refused: ${details.url}`);
    callback({ cancel: true });
  });
}

type WebContentsLike = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** For every web contents (windows, and anything a bug might create). */
export function hardenWebContents(contents: WebContentsLike, options: HardenOptions): void {
  // <webview> can host arbitrary pages with their own preferences: never allowed.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.warn('<webview> refused');
  });

  // A link click or location change in the main frame: external https links go to the
  // browser, everything else outside the app is refused.
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    if (isSafeExternalUrl(event.url)) options.openExternal(event.url);
    else options.warn(`Navigation refused: ${event.url}`);
  });
  // Subframes (the app has none of its own) and redirects are refused without opening
  // anything: will-frame-navigate also fires for the main frame, which is handled above.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isAllowedNavigation(event.url)) return;
    event.preventDefault();
    options.warn(`Frame navigation refused: ${event.url}`);
  });
  contents.on('will-redirect', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    options.warn(`Redirect refused: ${event.url}`);
  });

  // No new windows at all; an https link with target=_blank goes to the user's browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) options.openExternal(url);
    else options.warn(`window.open refused: ${url}`);
    return { action: 'deny' };
  });
}
