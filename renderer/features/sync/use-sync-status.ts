/**
 * The sync status, kept fresh by core's `sync.status` event (a sync started or ended,
 * changes are waiting): the event says something changed, the query reads the details.
 */
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../../shared/api/client.js';
import { useApiClient } from '../../api/ApiProvider.js';
import { useApiQuery } from '../../api/query.js';
import { useFormat } from '../../format/index.js';

export function useSyncStatus() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.on('sync.status', () => {
        void queryClient.invalidateQueries({ queryKey: ['sync.status'] });
      }),
    [client, queryClient],
  );
  return useApiQuery('sync.status', {}, { staleTime: 60_000 });
}

/** A job's progress in words (core's step names are matched, then said in the viewer's language). */
export function useProgressText(): (p: JobProgress | null) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (p) => {
    if (!p) return t('sync.progress.working');
    const done = format.number(p.done);
    const total = p.total === null ? '?' : format.number(p.total);
    if (p.message?.startsWith('Receiving the centre')) return t('sync.progress.snapshot', { done, total });
    if (p.message?.startsWith('Sending')) return t('sync.progress.push', { done, total });
    if (p.message?.startsWith('Receiving changes')) return t('sync.progress.pull', { done });
    return t('sync.progress.working');
  };
}
