/**
 * "Export CSV" and "Export XLSX" of a list: core writes every row matching the list's own
 * query (search, filters, sort) with `export.list`, and the file comes down as a download.
 */
import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconFileExport, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ExportTarget } from '../../../shared/api/export.js';
import { can } from '../../../shared/auth/permissions.js';
import { useApiClient } from '../../api/ApiProvider.js';
import { useNotify } from '../../components/notify.js';
import { useFormat } from '../../format/index.js';
import { useSession } from '../auth/session.js';
import { downloadExport } from './files.js';

export function ExportButtons(props: { target: ExportTarget; disabled?: boolean; formats?: readonly ExportFormat[] }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const client = useApiClient();
  const notify = useNotify();
  const format = useFormat();
  const [running, setRunning] = useState<ExportFormat | null>(null);
  const formats = props.formats ?? ['csv', 'xlsx'];
  if (!can(role, 'export.run')) return null;

  const exportList = async (fileFormat: ExportFormat) => {
    setRunning(fileFormat);
    try {
      const result = await client.runJob('export.list', { target: props.target, format: fileFormat });
      await downloadExport(client, result.fileName);
      notify.saved(
        t('import.export.done', { count: result.rows, formatted: format.number(result.rows), fileName: result.fileName }),
      );
    } catch (error) {
      notify.failed(error, t('import.export.failed'));
    } finally {
      setRunning(null);
    }
  };

  const icons = { csv: IconFileExport, xlsx: IconFileSpreadsheet };
  return (
    <>
      {formats.map((fileFormat) => {
        const Icon = icons[fileFormat];
        return (
          <Button
            key={fileFormat}
            variant="default"
            leftSection={<Icon size={16} aria-hidden />}
            loading={running === fileFormat}
            disabled={props.disabled || (running !== null && running !== fileFormat)}
            onClick={() => void exportList(fileFormat)}
          >
            {t(`import.export.${fileFormat}`)}
          </Button>
        );
      })}
    </>
  );
}
