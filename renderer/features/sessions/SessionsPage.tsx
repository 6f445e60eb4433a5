/** Mentoring sessions, newest first, with filters; and a second tab of open action items. */
import type { ReactNode } from 'react';
import { Button, Group, Pagination, Paper, Select, Stack, Switch, Tabs, Text, TextInput } from '@mantine/core';
import { IconCalendarDown, IconChecklist, IconFilterOff, IconMessages, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/permissions.js';
import { SessionMode } from '../../../shared/records/sessions.js';
import { useApiQuery } from '../../api/query.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useFormat } from '../../format/index.js';
import { useSession } from '../auth/session.js';
import { viewerZone } from '../mentors/time.js';
import { ActionItemsTab } from './ActionItemsTab.js';
import { hasSessionFilters, PAGE_SIZE, sessionListInput, useSessionListParams, type SessionListParams } from './list-params.js';
import { openLogSession } from './log-session-store.js';
import { MentorPicker, StartupPicker } from './pickers.js';
import { SessionsTable } from './SessionsTable.js';
import { useExportCalendar } from './use-export-calendar.js';

export function SessionsPage() {
  const { t } = useTranslation();
  const { role } = useSession();
  const { params, update } = useSessionListParams();
  const { exportUpcoming, exporting } = useExportCalendar();
  const canWrite = can(role, 'sessions.write');

  const logButton = canWrite ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openLogSession()} aria-keyshortcuts="Control+L">
      {t('sessions.log.open')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title={t('sessions.title')}
        description={t('sessions.description')}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconCalendarDown size={16} aria-hidden />}
              loading={exporting}
              onClick={() => void exportUpcoming(params)}
            >
              {t('sessions.ics.export')}
            </Button>
            {logButton}
          </>
        }
      />
      <Tabs
        value={params.tab}
        onChange={(tab) => update({ tab: tab === 'actions' ? 'actions' : 'sessions' })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="sessions" leftSection={<IconMessages size={16} aria-hidden />}>
            {t('sessions.tabs.sessions')}
          </Tabs.Tab>
          <Tabs.Tab value="actions" leftSection={<IconChecklist size={16} aria-hidden />}>
            {t('sessions.tabs.actions')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sessions">
          <Paper withBorder radius="md" p="md">
            <SessionList params={params} update={update} logButton={logButton} />
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="actions">
          <Paper withBorder radius="md" p="md">
            <ActionItemsTab params={params} update={update} />
          </Paper>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function SessionList(props: {
  params: SessionListParams;
  update: (change: Partial<SessionListParams>) => void;
  logButton: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { params, update } = props;
  const list = useApiQuery('sessions.list', sessionListInput(params), { placeholderData: keepPreviousData });
  const page = list.data;
  const total = page?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = hasSessionFilters(params);
  const clearFilters = () => update({ mentorId: null, startupId: null, mode: null, from: null, to: null, upcoming: false });

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <MentorPicker
          label={t('sessions.fields.mentor')}
          value={params.mentorId}
          onChange={(id) => update({ mentorId: id })}
          clearable
          w={170}
        />
        <StartupPicker
          label={t('sessions.fields.startup')}
          value={params.startupId}
          onChange={(id) => update({ startupId: id })}
          clearable
          w={170}
        />
        <Select
          label={t('sessions.fields.mode')}
          data={SessionMode.options.map((mode) => ({ value: mode, label: t(`sessions.modes.${mode}`) }))}
          value={params.mode}
          onChange={(mode) => update({ mode: mode as SessionListParams['mode'] })}
          clearable
          w={120}
        />
        <TextInput
          type="date"
          label={t('sessions.filters.from')}
          value={params.from ?? ''}
          onChange={(e) => update({ from: e.currentTarget.value || null })}
          w={142}
        />
        <TextInput
          type="date"
          label={t('sessions.filters.to')}
          value={params.to ?? ''}
          onChange={(e) => update({ to: e.currentTarget.value || null })}
          w={142}
        />
        <Switch
          label={t('sessions.filters.upcoming')}
          checked={params.upcoming}
          onChange={(e) => update({ upcoming: e.currentTarget.checked })}
          mb={8}
        />
        {filtered ? (
          <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clearFilters}>
            {t('sessions.filters.clear')}
          </Button>
        ) : null}
      </Group>

      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : page && page.items.length === 0 && !list.isPlaceholderData ? (
        filtered ? (
          <EmptyState
            icon={<IconSearch size={28} />}
            title={t('sessions.empty.filteredTitle')}
            description={t('sessions.empty.filteredBody')}
            action={
              <Button variant="light" onClick={clearFilters}>
                {t('sessions.filters.clear')}
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={<IconMessages size={28} />}
            title={t('sessions.empty.title')}
            description={t('sessions.empty.body')}
            action={props.logButton}
          />
        )
      ) : (
        <>
          <SessionsTable
            rows={page?.items ?? []}
            loading={list.isPending || list.isPlaceholderData}
            label={t('sessions.tableLabel')}
          />
          {page ? (
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('sessions.paging.showing', {
                  from: format.number(total === 0 ? 0 : page.offset + 1),
                  to: format.number(page.offset + page.items.length),
                  total: format.number(total),
                })}{' '}
                · {t('sessions.zoneNote', { zone: viewerZone() })}
              </Text>
              {pages > 1 ? (
                <Pagination
                  total={pages}
                  value={Math.min(params.page, pages)}
                  onChange={(value) => update({ page: value })}
                  size="sm"
                  getItemProps={(n) => ({ 'aria-label': t('sessions.paging.page', { page: n }) })}
                  getControlProps={(control) => ({ 'aria-label': t(`sessions.paging.${control}`) })}
                />
              ) : null}
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}
