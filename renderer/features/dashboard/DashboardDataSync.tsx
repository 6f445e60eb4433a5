/**
 * The dashboard and the workstation's details summarise every table, so any change
 * (here, in another window, or by sync) makes them stale. Mounted once in the shell, so
 * that the dashboard is current when it is opened again, not 30 seconds later.
 */
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../api/ApiProvider.js';

export const SUMMARY_METHODS: readonly string[] = ['dashboard.summary', 'system.info'];

export function DashboardDataSync() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.on('data.changed', () => {
        void queryClient.invalidateQueries({
          predicate: (query) => typeof query.queryKey[0] === 'string' && SUMMARY_METHODS.includes(query.queryKey[0]),
        });
      }),
    [client, queryClient],
  );
  return null;
}
