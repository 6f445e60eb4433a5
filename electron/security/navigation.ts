/**
 * Where the app's pages may go. The window only ever shows our own renderer (app://);
 * everything else is either refused or, for ordinary https links, handed to the user's
 * browser.
 */
import { APP_HOST, APP_SCHEME } from '../constants.js';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True iff `url` is a page of our own renderer (app://incubator-desk/…). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password
  );
}

/** In-window navigation is allowed only within the renderer itself. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * May this link be opened in the user's browser? Only plain https URLs to a named host:
 * no other schemes (file:, smb:, javascript:, custom protocol handlers can all run code or
 * leak credentials), no user:password@ (used to disguise the real host), and a real host name.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username || parsed.password) return false;
  if (!parsed.hostname || parsed.hostname.includes('%')) return false;
  return true;
}
