/** Step 4: the commit's progress (rows per second, Cancel) and then its summary. */
import { useState } from 'react';
import { Alert, Button, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../../shared/api/client.js';
import type { ImportSummary } from '../../../shared/api/import.js';
import { useApiClient } from '../../api/ApiProvider.js';
import { useNotify } from '../../components/notify.js';
import { StatCard } from '../../components/StatCard.js';
import { useFormat } from '../../format/index.js';
import { downloadExport } from './files.js';

export function ImportProgress(props: { progress: JobProgress | null; onCancel: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { progress } = props;
  const fraction = progress?.total ? progress.done / progress.total : 0;
  const phase = progress?.phase;
  const phaseText =
    phase === 'reading' || phase === 'checking' || phase === 'matching' || phase === 'writing'
      ? t(`import.run.phases.${phase}`)
      : t('import.run.writing');
  return (
    <Stack gap={6} aria-live="polite" maw={640}>
      <Text fw={600}>{phaseText}</Text>
      <Progress value={fraction * 100} animated size="lg" aria-label={t('import.run.progressLabel')} />
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {progress?.total
            ? t('import.run.rate', {
                done: format.number(progress.done),
                total: format.number(progress.total),
                rate: format.number(Math.round(progress.rowsPerSecond ?? 0)),
              })
            : progress
              ? t('import.run.rateUnknown', { done: format.number(progress.done) })
              : null}
        </Text>
        <Button size="xs" variant="default" leftSection={<IconX size={14} aria-hidden />} onClick={props.onCancel}>
          {t('import.run.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ImportSummaryView(props: { summary: ImportSummary; onList: () => void; onAgain: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useApiClient();
  const notify = useNotify();
  const [downloading, setDownloading] = useState(false);
  const { summary } = props;

  const downloadRejected = async () => {
    if (!summary.rejectedFile) return;
    const name = summary.rejectedFileName ?? summary.rejectedFile.split(/[\\/]/).pop() ?? summary.rejectedFile;
    setDownloading(true);
    try {
      await downloadExport(client, name);
    } catch (error) {
      notify.failed(error, t('import.run.downloadFailed'));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Stack gap="md">
      {summary.committed ? null : (
        <Alert color="yellow" role="status">
          {t('import.run.notCommitted')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <StatCard label={t('import.run.added')} value={format.number(summary.added)} color="brand" testId="summary-added" />
        <StatCard label={t('import.run.updated')} value={format.number(summary.updated)} testId="summary-updated" />
        <StatCard label={t('import.run.skipped')} value={format.number(summary.skipped)} testId="summary-skipped" />
        <StatCard
          label={t('import.run.rejected')}
          value={format.number(summary.rejected)}
          color="red"
          testId="summary-rejected"
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('import.run.timing', {
          rows: format.number(summary.totalRows),
          seconds: format.number(summary.seconds, { maximumSignificantDigits: 2 }),
          rate: format.number(Math.round(summary.rowsPerSecond)),
        })}
      </Text>
      {summary.enrolments && summary.enrolments.added + summary.enrolments.updated > 0 ? (
        <Text size="sm">
          {t('import.run.enrolments', {
            added: format.number(summary.enrolments.added),
            updated: format.number(summary.enrolments.updated),
          })}
        </Text>
      ) : null}
      {summary.certifications && summary.certifications.added + summary.certifications.updated > 0 ? (
        <Text size="sm">
          {t('import.run.certifications', {
            added: format.number(summary.certifications.added),
            updated: format.number(summary.certifications.updated),
          })}
        </Text>
      ) : null}
      <Group gap="sm">
        {summary.rejectedFile ? (
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => void downloadRejected()}
            loading={downloading}
          >
            {t('import.run.downloadRejected')}
          </Button>
        ) : null}
        <Button variant="default" onClick={props.onAgain}>
          {t('import.run.again')}
        </Button>
        <Button onClick={props.onList}>{t('import.run.toList')}</Button>
      </Group>
    </Stack>
  );
}
