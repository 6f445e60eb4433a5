import { ActionIcon, Alert, Badge, CopyButton, Group, Loader, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { SystemInfo } from '../../../shared/api/dashboard.js';
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
  // While a large database is still being checked, ask again until the answer is in.
  const info = useApiQuery(
    'system.info',
    {},
    { staleTime: 0, refetchInterval: (q) => (q.state.data?.integrity.status === 'checking' ? 2_000 : false) },
  );

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
      ['integrity', t('settings.data.integrity.label'), <IntegrityValue key="integrity" integrity={d.integrity} />],
    ];
    const damaged = d.integrity.status === 'damaged';
    body = (
      <Stack gap="md">
        {damaged && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('settings.data.integrity.damagedTitle')}>
            {t('settings.data.integrity.damagedAdvice')}
          </Alert>
        )}
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
      </Stack>
    );
  }

  return (
    <Panel title={t('settings.data.title')} description={t('settings.data.description')}>
      {body}
    </Panel>
  );
}

/** The last integrity check of the database file, in words. */
function IntegrityValue({ integrity }: { integrity: SystemInfo['integrity'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  switch (integrity.status) {
    case 'checking':
      return (
        <Group gap="xs">
          <Loader size={14} />
          <Text size="sm">{t('settings.data.integrity.checking')}</Text>
        </Group>
      );
    case 'ok':
      return (
        <Group gap="xs">
          <Badge color="teal" variant="light">
            {t('settings.data.integrity.ok')}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('settings.data.integrity.checkedAt', { when: format.dateTime(integrity.checkedAt) })}
          </Text>
        </Group>
      );
    case 'damaged':
    case 'unknown':
      return (
        <Stack gap={4}>
          <Badge color={integrity.status === 'damaged' ? 'red' : 'yellow'} variant="light">
            {t(`settings.data.integrity.${integrity.status}`)}
          </Badge>
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
            {integrity.detail}
          </Text>
        </Stack>
      );
  }
}
