/** "Sync now": runs the `sync.now` job, with its progress, and says how it went. */
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../../shared/api/client.js';
import { useApiClient } from '../../api/ApiProvider.js';
import { asApiFailure } from '../../api/errors.js';
import { useNotify } from '../../components/notify.js';
import { useFormat } from '../../format/index.js';

export function useSyncNow() {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const format = useFormat();
  const [running, setRunning] = useState<{ progress: JobProgress | null } | null>(null);

  const syncNow = async () => {
    setRunning({ progress: null });
    try {
      const report = await client.runJob('sync.now', {}, { onProgress: (progress) => setRunning({ progress }) });
      notify.saved(t('sync.status.syncedDetail', { sent: format.number(report.pushed), received: format.number(report.pulled) }));
    } catch (error) {
      // Sync's messages come from core in plain words (offline, revoked, clock): shown as they are.
      notifications.show({
        color: 'red',
        title: t('sync.status.syncFailed'),
        message: asApiFailure(error).error.message,
        autoClose: 8000,
      });
    } finally {
      setRunning(null);
      void queryClient.invalidateQueries({ queryKey: ['sync.status'] });
    }
  };
  return { syncNow, running };
}
