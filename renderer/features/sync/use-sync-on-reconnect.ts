/**
 * When the computer's network comes back (the browser's `online` event), sync at once
 * instead of waiting for the background schedule, which backs off while the server cannot
 * be reached. Quiet: the indicator shows how it went; a failure simply leaves the schedule
 * to try again.
 */
import { useEffect } from 'react';
import { useApiClient } from '../../api/ApiProvider.js';

export function useSyncOnReconnect(joined: boolean): void {
  const client = useApiClient();
  useEffect(() => {
    if (!joined) return;
    const onOnline = () => void client.runJob('sync.now', {}).catch(() => undefined);
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [client, joined]);
}
