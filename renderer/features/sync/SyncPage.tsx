/**
 * Sync: join a central server (managers), or — once joined — when this workstation last
 * synced, what is waiting to be sent, what the server refused and why, the last problem in
 * plain words, and "Sync now".
 */
import { Alert, Badge, Box, Button, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/permissions.js';
import { RejectionReason, type EnrolResult, type SyncStatus } from '../../../shared/api/sync.js';
import { useApiMutation } from '../../api/query.js';
import { useNotify } from '../../components/notify.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { QueryError } from '../../components/QueryError.js';
import { useFormat } from '../../format/index.js';
import { useSession } from '../auth/session.js';
import { SyncJobProgress } from './JobProgress.js';
import { JoinServerForm } from './JoinServerForm.js';
import { useRelativeTime } from './relative-time.js';
import { useSyncNow } from './use-sync-now.js';
import { useSyncStatus } from './use-sync-status.js';

export function SyncPage() {
  const { t } = useTranslation();
  const { role } = useSession();
  const notify = useNotify();
  const status = useSyncStatus();
  const { syncNow, running } = useSyncNow();
  // The join job outlives "not joined yet": its first sync (the upload) runs after core has
  // recorded the enrolment. The form and its progress stay until the job is over.
  const [joining, setJoining] = useState(false);

  const joined = (result: EnrolResult) => {
    if (result.firstSyncError) {
      notifications.show({
        color: 'orange',
        title: t('sync.join.joined', { server: result.centreName ?? '' }),
        message: t('sync.join.firstSyncFailed', { message: result.firstSyncError }),
        autoClose: false,
      });
    } else notify.saved(t('sync.join.joined', { server: result.centreName ?? '' }));
  };

  let body: ReactNode;
  if (status.isError) body = <QueryError error={status.error} onRetry={() => void status.refetch()} />;
  else if (!status.data) body = <Skeleton h={240} />;
  else if (!status.data.configured || joining) {
    body = (
      <Panel title={t('sync.join.title')} description={t('sync.join.descriptionUpload')} headingWidth={640}>
        {can(role, 'sync.manage') ? (
          // As wide as the heading above it: an address and a code need no 1,000-pixel fields.
          <Box maw={640}>
            <JoinServerForm onJoined={joined} onRunningChange={setJoining} />
          </Box>
        ) : (
          <Alert color="gray" variant="light">
            {t('sync.join.onlyManagers')}
          </Alert>
        )}
      </Panel>
    );
  } else {
    // In the status panel's header: beside the page's long description it would wrap below it.
    const syncNowButton = (
      <Button
        leftSection={<IconRefresh size={16} aria-hidden />}
        onClick={() => void syncNow()}
        loading={running !== null || status.data.syncing}
        loaderProps={{ type: 'dots' }}
      >
        {t('sync.status.syncNow')}
      </Button>
    );
    body = (
      <Stack gap="lg">
        {running ? <SyncJobProgress progress={running.progress} /> : null}
        <StatusPanel status={status.data} actions={syncNowButton} />
        <RejectedPanel status={status.data} mayDismiss={can(role, 'sync.manage')} />
      </Stack>
    );
  }

  return (
    <>
      <PageHeader title={t('sync.title')} description={t('sync.description')} />
      {body}
    </>
  );
}

function StatusPanel(props: { status: SyncStatus; actions: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const relative = useRelativeTime();
  const s = props.status;
  const pending =
    s.pendingChanges === 0
      ? t('sync.status.pendingNone')
      : s.pendingRecords !== null
        ? t('sync.status.pendingRecords', { count: s.pendingChanges, records: format.number(s.pendingRecords) })
        : t('sync.status.pendingCount', { count: s.pendingChanges });
  const connection = s.syncing
    ? t('sync.status.syncing')
    : s.online === null
      ? t('sync.status.unknown')
      : s.online
        ? t('sync.status.online')
        : t('sync.status.offline');
  const rows: [string, string, ReactNode][] = [
    [
      'server',
      t('sync.status.server'),
      <Text key="url" ff="monospace" size="sm">
        {s.serverUrl}
      </Text>,
    ],
    ['centre', t('sync.status.centre'), s.centreName ?? '—'],
    ['device', t('sync.status.device'), `${s.deviceName ?? ''} (${s.role ? t(`sync.roles.${s.role}`) : ''})`],
    ['connection', t('sync.status.connection'), connection],
    [
      'lastSynced',
      t('sync.status.lastSynced'),
      s.lastSyncedAt ? `${relative(s.lastSyncedAt)} (${format.dateTime(s.lastSyncedAt)})` : t('sync.status.never'),
    ],
    ['pending', t('sync.status.pending'), pending],
  ];
  return (
    <Panel title={t('sync.status.title')} actions={props.actions}>
      {s.lastError ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('sync.status.problem')} role="alert">
          {s.lastError.message}
        </Alert>
      ) : null}
      {s.bootstrap ? (
        <Alert color="blue" variant="light">
          {t('sync.status.bootstrapping', {
            done: format.number(s.bootstrap.rowsDone),
            total: s.bootstrap.rowsTotal === null ? '?' : format.number(s.bootstrap.rowsTotal),
          })}
        </Alert>
      ) : null}
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {rows.map(([key, label, value]) => (
            <Table.Tr key={key} data-testid={`sync-${key}`}>
              <Table.Th w={220}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {s.unappliedCount > 0 ? (
        <Text size="sm" c="dimmed">
          {t('sync.status.unapplied', { count: s.unappliedCount })}
        </Text>
      ) : null}
      {s.tokenNote ? (
        <Text size="xs" c="dimmed">
          {t('sync.status.tokenNote', { note: s.tokenNote })}
        </Text>
      ) : null}
    </Panel>
  );
}

function RejectedPanel(props: { status: SyncStatus; mayDismiss: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const dismiss = useApiMutation('sync.rejected.dismiss');
  const { rejected, rejectedCount } = props.status;

  const run = async (input: { opIds: string[] } | { all: true }) => {
    try {
      const { dismissed } = await dismiss.mutateAsync(input);
      notify.saved(t('sync.rejected.dismissed', { count: dismissed }));
    } catch (error) {
      notify.failed(error);
    }
  };
  const reasonText = (reason: string, message: string) => {
    const known = RejectionReason.safeParse(reason);
    return known.success ? t(`sync.rejected.reasons.${known.data}`) : message;
  };

  return (
    <Panel
      title={t('sync.rejected.title')}
      description={rejectedCount > 0 ? t('sync.rejected.description') : t('sync.rejected.none')}
      actions={
        props.mayDismiss && rejectedCount > 0 ? (
          <Button variant="default" onClick={() => void run({ all: true })} loading={dismiss.isPending}>
            {t('sync.rejected.dismissAll')}
          </Button>
        ) : null
      }
    >
      {rejected.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t('sync.rejected.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sync.rejected.columns.record')}</Table.Th>
                <Table.Th>{t('sync.rejected.columns.field')}</Table.Th>
                <Table.Th>{t('sync.rejected.columns.reason')}</Table.Th>
                <Table.Th>{t('sync.rejected.columns.at')}</Table.Th>
                {props.mayDismiss ? <Table.Th aria-label={t('sync.rejected.dismiss')} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rejected.map((r) => {
                const record = r.label ?? t('sync.rejected.unnamed', { table: r.table });
                return (
                  <Table.Tr key={r.opId}>
                    <Table.Td>{record}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="gray" tt="none">
                        {r.column}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{reasonText(r.reason, r.message)}</Text>
                      <Text size="xs" c="dimmed">
                        {r.message}
                      </Text>
                    </Table.Td>
                    <Table.Td>{format.dateTime(r.at)}</Table.Td>
                    {props.mayDismiss ? (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => void run({ opIds: [r.opId] })}
                          aria-label={t('sync.rejected.dismissOne', { field: r.column, record })}
                        >
                          {t('sync.rejected.dismiss')}
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {rejectedCount > rejected.length ? (
        <Group>
          <Text size="sm" c="dimmed">
            {t('sync.rejected.more', { shown: format.number(rejected.length), total: format.number(rejectedCount) })}
          </Text>
        </Group>
      ) : null}
    </Panel>
  );
}
