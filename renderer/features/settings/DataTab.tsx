import { ActionIcon, CopyButton, Group, Skeleton, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/query.js';
import { Panel } from '../../components/Panel.js';
import { QueryError } from '../../components/QueryError.js';
import { useFormat } from '../../format/index.js';
import { useFormatBytes } from './use-bytes.js';

/** Where the data lives and what version of everything is running (system.info). */
export function DataTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const formatBytes = useFormatBytes();
  const info = useApiQuery('system.info', {}, { staleTime: 0 });

  let body: ReactNode;
  if (info.isError) body = <QueryError error={info.error} onRetry={() => void info.refetch()} />;
  else if (!info.data) body = <Skeleton h={180} />;
  else {
    const d = info.data;
    const rows: [string, string, ReactNode][] = [
      [
        'dataDir',
        t('settings.data.dataDir'),
        <Group gap="xs" wrap="nowrap" key="dir">
          <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
            {d.dataDir}
          </Text>
          <CopyButton value={d.dataDir}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('settings.data.copied') : t('settings.data.copy')}>
                <ActionIcon variant="subtle" onClick={copy} aria-label={t('settings.data.copy')}>
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>,
      ],
      ['databaseBytes', t('settings.data.databaseSize'), formatBytes(d.databaseBytes)],
      ['schemaVersion', t('settings.data.schemaVersion'), format.number(d.schemaVersion)],
      ['appVersion', t('settings.data.appVersion'), d.appVersion],
      [
        'lastBackupAt',
        t('settings.data.lastBackup'),
        d.lastBackupAt ? format.dateTime(d.lastBackupAt) : t('settings.data.never'),
      ],
    ];
    body = (
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {rows.map(([key, label, value]) => (
            <Table.Tr key={key} data-testid={`info-${key}`}>
              <Table.Th w={240}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }

  return (
    <Panel title={t('settings.data.title')} description={t('settings.data.description')}>
      {body}
    </Panel>
  );
}
