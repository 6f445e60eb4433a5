/**
 * Web mode's access token. `npm run web` prints an address with `?token=…`; the page reads
 * it once, keeps it in sessionStorage (so a reload still connects) and takes it out of the
 * visible address, so it does not end up in screenshots, bookmarks or history.
 */
const STORAGE_KEY = 'incubator.webToken';

export function takeWebToken(
  loc: Pick<Location, 'search' | 'pathname' | 'hash'> = window.location,
  storage: Pick<Storage, 'getItem' | 'setItem'> = window.sessionStorage,
  history: Pick<History, 'replaceState' | 'state'> = window.history,
): string | null {
  const params = new URLSearchParams(loc.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage.setItem(STORAGE_KEY, fromUrl);
    params.delete('token');
    const search = params.toString();
    history.replaceState(history.state, '', `${loc.pathname}${search ? `?${search}` : ''}${loc.hash}`);
    return fromUrl;
  }
  return storage.getItem(STORAGE_KEY);
}

/** ws://host/api?token=… on the server that served this page. */
export function webSocketUrl(token: string, loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${loc.host}/api?token=${encodeURIComponent(token)}`;
}
