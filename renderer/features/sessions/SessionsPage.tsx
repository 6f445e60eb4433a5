/** Mentoring sessions, newest first, with filters; and a second tab of open action items. */
import type { ReactNode } from 'react';
import { Button, Paper, Stack, Switch, Tabs } from '@mantine/core';
import { IconCalendarDown, IconChecklist, IconMessages, IconPlus } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/permissions.js';
import { SessionMode } from '../../../shared/records/sessions.js';
import { useApiQuery } from '../../api/query.js';
import { ClearFiltersButton, FilterBar, FilterSelect, ListResults } from '../../components/ListPage.js';
import { PageHeader } from '../../components/PageHeader.js';
import { MentorPicker, StartupPicker } from '../../components/RecordPickers.js';
import { useSession } from '../auth/session.js';
import { viewerZone } from '../mentors/time.js';
import { ActionItemsTab } from './ActionItemsTab.js';
import { DateRangeFilter } from './DateRangeFilter.js';
import { hasSessionFilters, PAGE_SIZE, sessionListInput, useSessionListParams, type SessionListParams } from './list-params.js';
import { openLogSession } from './log-session-store.js';
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
  const { params, update } = props;
  const list = useApiQuery('sessions.list', sessionListInput(params), { placeholderData: keepPreviousData });
  const page = list.data;
  const filtered = hasSessionFilters(params);
  const clearFilters = () => update({ mentorId: null, startupId: null, mode: null, from: null, to: null, upcoming: false });

  return (
    <Stack gap="md">
      <FilterBar>
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
        <FilterSelect
          label={t('sessions.fields.mode')}
          data={SessionMode.options.map((mode) => ({ value: mode, label: t(`sessions.modes.${mode}`) }))}
          value={params.mode}
          onChange={(mode) => update({ mode: mode as SessionListParams['mode'] })}
          searchable={false}
          w={130}
        />
        <DateRangeFilter from={params.from} to={params.to} onChange={(range) => update(range)} />
        <Switch
          label={t('sessions.filters.upcoming')}
          checked={params.upcoming}
          onChange={(e) => update({ upcoming: e.currentTarget.checked })}
          mb={8}
        />
        {filtered ? <ClearFiltersButton onClick={clearFilters} /> : null}
      </FilterBar>

      <ListResults
        paging={{
          page: params.page,
          pageSize: PAGE_SIZE,
          onPage: (value) => update({ page: value }),
          note: t('sessions.zoneNote', { zone: viewerZone() }),
        }}
        query={list}
        filtered={filtered}
        onClearFilters={clearFilters}
        empty={{
          icon: <IconMessages size={28} />,
          title: t('sessions.empty.title'),
          body: t('sessions.empty.body'),
          action: props.logButton,
        }}
        emptyFiltered={{ title: t('sessions.empty.filteredTitle'), body: t('sessions.empty.filteredBody') }}
      >
        <SessionsTable
          rows={page?.items ?? []}
          loading={list.isPending || list.isPlaceholderData}
          label={t('sessions.tableLabel')}
        />
      </ListResults>
    </Stack>
  );
}
