/**
 * "Export CSV" and "Export XLSX" of a list: core writes every row matching the list's own
 * query (search, filters, sort) with `export.list`, and the file comes down as a download
 * named after the list and today's date. A list may ask for its columns, their headers and
 * readable values (`options`, shared/api/export.ts). With nothing in the list the buttons
 * stay visible but disabled, a tooltip saying why.
 */
import { useId, useState } from 'react';
import { Button, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconFileExport, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ExportTarget } from '../../../shared/api/export.js';
import type { InputOf } from '../../../shared/api/index.js';
import { can } from '../../../shared/auth/permissions.js';
import { useApiClient } from '../../api/ApiProvider.js';
import { useNotify } from '../../components/notify.js';
import { todayIso, useFormat } from '../../format/index.js';
import { useSession } from '../auth/session.js';
import { downloadExport } from './files.js';

/** What a list may choose besides its query: columns, headers, labels, names, time zone. */
export type ExportOptions = Pick<InputOf<'export.list'>, 'columns' | 'headers' | 'valueLabels' | 'references' | 'timeZone'>;

/** trainees-2026-07-31.csv: the list and the viewer's date (core's own file name has a random part). */
export function exportFileName(list: string, format: ExportFormat, now: Date = new Date()): string {
  return `${list}-${todayIso(now)}.${format}`;
}

export function ExportButtons(props: {
  target: ExportTarget;
  /** The rows the list's query matches; 0 disables the buttons. Unknown (loading): enabled. */
  total: number | undefined;
  /** Whether a search or filter narrows the list (for the reason given when it is empty). */
  filtered?: boolean;
  options?: ExportOptions;
  formats?: readonly ExportFormat[];
}) {
  const { t } = useTranslation();
  const { role } = useSession();
  const client = useApiClient();
  const notify = useNotify();
  const format = useFormat();
  const reasonId = useId();
  const [running, setRunning] = useState<ExportFormat | null>(null);
  const formats = props.formats ?? ['csv', 'xlsx'];
  if (!can(role, 'export.run')) return null;

  const empty = props.total === 0;
  const reason = props.filtered ? t('import.export.emptyFiltered') : t('import.export.empty');

  const exportList = async (fileFormat: ExportFormat) => {
    setRunning(fileFormat);
    try {
      const result = await client.runJob('export.list', { ...props.options, target: props.target, format: fileFormat });
      const saveAs = exportFileName(props.target.list, fileFormat);
      await downloadExport(client, result.fileName, saveAs);
      notify.saved(t('import.export.done', { count: result.rows, formatted: format.number(result.rows), fileName: saveAs }));
    } catch (error) {
      notify.failed(error, t('import.export.failed'));
    } finally {
      setRunning(null);
    }
  };

  const icons = { csv: IconFileExport, xlsx: IconFileSpreadsheet };
  return (
    <>
      {empty ? <VisuallyHidden id={reasonId}>{reason}</VisuallyHidden> : null}
      {formats.map((fileFormat) => {
        const Icon = icons[fileFormat];
        const button = (
          <Button
            key={fileFormat}
            variant="default"
            leftSection={<Icon size={16} aria-hidden />}
            loading={running === fileFormat}
            disabled={!empty && running !== null && running !== fileFormat}
            // Not `disabled` when empty: a disabled button gets no pointer or focus events,
            // so its tooltip could not say why.
            data-disabled={empty || undefined}
            aria-disabled={empty || undefined}
            aria-describedby={empty ? reasonId : undefined}
            onClick={(event) => {
              if (empty) event.preventDefault();
              else void exportList(fileFormat);
            }}
          >
            {t(`import.export.${fileFormat}`)}
          </Button>
        );
        return empty ? (
          <Tooltip key={fileFormat} label={reason} events={{ hover: true, focus: true, touch: true }} withArrow>
            {button}
          </Tooltip>
        ) : (
          button
        );
      })}
    </>
  );
}
