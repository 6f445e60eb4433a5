/**
 * The report as documents: PDF, Excel, CSV (zipped) or JSON. Core writes the file as a job
 * (`reports.export`, with progress and Cancel), then the page fetches it from exports/ with
 * `files.download` and offers it as a download named after the centre and the quarter.
 */
import { useState } from 'react';
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconBraces, IconFileSpreadsheet, IconFileTypePdf, IconFileZip, IconX, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../../shared/api/client.js';
import type { QuarterlyReport, ReportFormat } from '../../../shared/api/reports.js';
import { useApiClient } from '../../api/ApiProvider.js';
import { errorCode } from '../../api/errors.js';
import { useNotify } from '../../components/notify.js';
import { downloadExport } from '../import/files.js';
import { useJob } from '../import/use-job.js';
import { useFormatBytes } from '../settings/use-bytes.js';
import { reportFileName } from './report-view.js';
import { useReportError } from './use-report-error.js';

const FORMATS: { format: ReportFormat; icon: Icon }[] = [
  { format: 'pdf', icon: IconFileTypePdf },
  { format: 'xlsx', icon: IconFileSpreadsheet },
  { format: 'csv', icon: IconFileZip },
  { format: 'json', icon: IconBraces },
];

export function ExportBar(props: { report: QuarterlyReport | undefined; query: { quarter: string; centre?: string } }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const notify = useNotify();
  const formatBytes = useFormatBytes();
  const job = useJob();
  const reportError = useReportError();
  const [running, setRunning] = useState<ReportFormat | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);

  const exportAs = async (format: ReportFormat) => {
    const report = props.report;
    if (!report) return;
    setRunning(format);
    setDownloading(null);
    try {
      const result = await job.run('reports.export', { ...props.query, format });
      const saveAs = reportFileName(report, result.fileName);
      setDownloading(saveAs);
      await downloadExport(client, result.fileName, saveAs);
      notify.saved(t('reports.export.done', { fileName: saveAs, size: formatBytes(result.bytes) }));
    } catch (error) {
      if (errorCode(error) === 'cancelled') notify.saved(t('reports.export.cancelled'));
      else notify.failed(reportError(error), t('reports.export.failed'));
    } finally {
      setRunning(null);
      setDownloading(null);
    }
  };

  return (
    <Stack gap={6} style={{ minWidth: 0 }}>
      <Group gap="xs" wrap="wrap" role="group" aria-label={t('reports.export.title')}>
        {FORMATS.map(({ format, icon: FormatIcon }) => (
          <Button
            key={format}
            variant={format === 'pdf' ? 'filled' : 'default'}
            leftSection={<FormatIcon size={16} aria-hidden />}
            loading={running === format}
            disabled={!props.report || (running !== null && running !== format)}
            onClick={() => void exportAs(format)}
            aria-label={t(`reports.export.${format}Label`)}
            data-testid={`export-${format}`}
          >
            {t(`reports.export.${format}`)}
          </Button>
        ))}
      </Group>
      {running ? (
        <ExportProgress
          format={running}
          progress={job.progress}
          downloading={downloading}
          onCancel={downloading ? undefined : job.cancel}
        />
      ) : null}
    </Stack>
  );
}

function ExportProgress(props: {
  format: ReportFormat;
  progress: JobProgress | null;
  downloading: string | null;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const formatName = t(`reports.export.formatNames.${props.format}`);
  const p = props.progress;
  const fraction = props.downloading ? 1 : p?.total ? p.done / p.total : 0;
  const text = props.downloading
    ? t('reports.export.downloading', { fileName: props.downloading })
    : p?.phase === 'reading'
      ? t('reports.export.reading')
      : p?.phase === 'writing'
        ? t('reports.export.writing', { format: formatName })
        : t('reports.export.working', { format: formatName });
  return (
    <Group gap="sm" wrap="nowrap" aria-live="polite">
      <Stack gap={2} style={{ flex: 1, minWidth: 160 }}>
        <Progress value={Math.max(8, fraction * 100)} animated size="sm" aria-label={t('reports.export.progressLabel')} />
        <Text size="xs" c="dimmed" truncate>
          {text}
        </Text>
      </Stack>
      {props.onCancel ? (
        <Button
          size="compact-sm"
          variant="subtle"
          color="gray"
          leftSection={<IconX size={14} aria-hidden />}
          onClick={props.onCancel}
        >
          {t('reports.export.cancel')}
        </Button>
      ) : null}
    </Group>
  );
}
