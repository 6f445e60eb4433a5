/**
 * The quarterly report reads every table, so any change (here, in another window, or by
 * sync) makes it stale; an open Reports screen refetches, another one is fresh when opened.
 */
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../api/ApiProvider.js';

export function ReportsDataSync() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.on('data.changed', () => {
        void queryClient.invalidateQueries({
          predicate: (query) => typeof query.queryKey[0] === 'string' && query.queryKey[0].startsWith('reports.'),
        });
      }),
    [client, queryClient],
  );
  return null;
}
