/**
 * Backups: the list of backup files, and "Back up now", which runs the `backup.create`
 * job with a progress bar and a Cancel button (jobs.cancel).
 */
import { useRef, useState } from 'react';
import { Button, Progress, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconArchive, IconDatabaseExport, IconX } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiProvider.js';
import { errorCode } from '../../api/errors.js';
import { useApiQuery } from '../../api/query.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useNotify } from '../../components/notify.js';
import { Panel } from '../../components/Panel.js';
import { QueryError } from '../../components/QueryError.js';
import { useFormat } from '../../format/index.js';
import { useFormatBytes } from './use-bytes.js';

interface Running {
  jobId: string | null;
  done: number;
  total: number | null;
  cancelling: boolean;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function BackupsTab() {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const format = useFormat();
  const formatBytes = useFormatBytes();
  const list = useApiQuery('backup.list', {}, { staleTime: 0 });
  const [running, setRunning] = useState<Running | null>(null);
  const jobRef = useRef<string | null>(null);

  const backUpNow = async () => {
    setRunning({ jobId: null, done: 0, total: null, cancelling: false });
    try {
      const result = await client.runJob(
        'backup.create',
        {},
        {
          onStarted: (jobId) => {
            jobRef.current = jobId;
            setRunning((r) => (r ? { ...r, jobId } : r));
          },
          onProgress: (p) => setRunning((r) => (r ? { ...r, done: p.done, total: p.total } : r)),
        },
      );
      notify.saved(t('settings.backups.done', { file: fileName(result.path), size: formatBytes(result.bytes) }));
    } catch (error) {
      if (errorCode(error) === 'cancelled') {
        notifications.show({ color: 'gray', message: t('settings.backups.cancelled'), autoClose: 5000 });
      } else {
        notify.failed(error, t('settings.backups.failed'));
      }
    } finally {
      jobRef.current = null;
      setRunning(null);
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] === 'backup.list' || q.queryKey[0] === 'system.info',
      });
    }
  };

  const cancel = async () => {
    const jobId = jobRef.current;
    if (!jobId) return;
    setRunning((r) => (r ? { ...r, cancelling: true } : r));
    try {
      await client.call('jobs.cancel', { jobId });
    } catch (error) {
      notify.failed(error);
    }
  };

  const fraction = running?.total ? running.done / running.total : 0;
  const percent = format.number(fraction, { style: 'percent' });

  return (
    <Panel
      title={t('settings.backups.title')}
      description={t('settings.backups.description')}
      headingWidth={640}
      actions={
        <>
          {running ? (
            <Button
              variant="default"
              leftSection={<IconX size={16} aria-hidden />}
              onClick={() => void cancel()}
              disabled={!running.jobId || running.cancelling}
            >
              {t('settings.backups.cancel')}
            </Button>
          ) : null}
          <Button
            leftSection={<IconDatabaseExport size={16} aria-hidden />}
            onClick={() => void backUpNow()}
            loading={running !== null}
            loaderProps={{ type: 'dots' }}
          >
            {t('settings.backups.now')}
          </Button>
        </>
      }
    >
      {running ? (
        <Stack gap={4} aria-live="polite">
          <Progress value={fraction * 100} animated aria-label={t('settings.backups.progressLabel')} size="lg" />
          <Text size="sm" c="dimmed">
            {t('settings.backups.progress', { message: t('settings.backups.running'), percent })}
          </Text>
        </Stack>
      ) : null}

      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton h={120} />
      ) : list.data.length === 0 ? (
        <EmptyState
          icon={<IconArchive size={28} />}
          title={t('settings.backups.emptyTitle')}
          description={t('settings.backups.emptyBody')}
        />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped highlightOnHover aria-label={t('settings.backups.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.backups.columns.file')}</Table.Th>
                <Table.Th>{t('settings.backups.columns.createdAt')}</Table.Th>
                <Table.Th ta="end">{t('settings.backups.columns.size')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((b) => (
                <Table.Tr key={b.path}>
                  <Table.Td>
                    <Text size="sm" ff="monospace" title={b.path}>
                      {fileName(b.path)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{format.dateTime(b.createdAt)}</Table.Td>
                  <Table.Td ta="end">{formatBytes(b.bytes)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Panel>
  );
}
