/** Open (or overdue) action items across sessions, each ticked off with one click. */
import { useState } from 'react';
import { Badge, Checkbox, Group, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/permissions.js';
import type { ActionItem } from '../../../shared/records/sessions.js';
import { useApiMutation, useApiQuery } from '../../api/query.js';
import { EmptyState } from '../../components/EmptyState.js';
import { FilterBar, ListPaging } from '../../components/ListPage.js';
import { useNotify } from '../../components/notify.js';
import { QueryError } from '../../components/QueryError.js';
import { MentorLink, StartupLink } from '../../components/RecordLinks.js';
import { StartupPicker } from '../../components/RecordPickers.js';
import { todayIso, useFormat } from '../../format/index.js';
import { useSession } from '../auth/session.js';
import { PAGE_SIZE, type SessionListParams } from './list-params.js';

export function ActionItemsTab(props: { params: SessionListParams; update: (change: Partial<SessionListParams>) => void }) {
  const { t } = useTranslation();
  const { params, update } = props;
  const list = useApiQuery(
    'actionItems.list',
    {
      filter: {
        done: false,
        ...(params.items === 'overdue' ? { overdue: true } : {}),
        ...(params.startupId ? { startupId: params.startupId } : {}),
      },
      sort: { field: 'dueOn', direction: 'asc' },
      limit: PAGE_SIZE,
      offset: (params.page - 1) * PAGE_SIZE,
    },
    { placeholderData: keepPreviousData },
  );

  return (
    <Stack gap="md">
      <FilterBar>
        <div>
          <Text size="sm" fw={500} mb={4} id="action-items-show">
            {t('sessions.actionItems.show')}
          </Text>
          <SegmentedControl
            aria-labelledby="action-items-show"
            data={[
              { value: 'open', label: t('sessions.actionItems.open') },
              { value: 'overdue', label: t('sessions.actionItems.overdue') },
            ]}
            value={params.items}
            onChange={(value) => update({ items: value as SessionListParams['items'] })}
          />
        </div>
        <StartupPicker
          label={t('sessions.fields.startup')}
          value={params.startupId}
          onChange={(id) => update({ startupId: id })}
          clearable
          w={260}
        />
      </FilterBar>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data && list.data.items.length === 0 && !list.isPlaceholderData ? (
        <EmptyState
          icon={<IconChecklist size={28} />}
          title={params.items === 'overdue' ? t('sessions.actionItems.emptyOverdueTitle') : t('sessions.actionItems.emptyTitle')}
          description={t('sessions.actionItems.emptyBody')}
        />
      ) : (
        <>
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" aria-label={t('sessions.actionItems.title')} aria-busy={list.isFetching || undefined}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={56}>{t('sessions.actionItems.fields.done')}</Table.Th>
                  <Table.Th>{t('sessions.actionItems.fields.text')}</Table.Th>
                  <Table.Th>{t('sessions.actionItems.fields.owner')}</Table.Th>
                  <Table.Th>{t('sessions.actionItems.fields.dueOn')}</Table.Th>
                  <Table.Th>{t('sessions.actionItems.fields.session')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                {list.isPending
                  ? Array.from({ length: 6 }, (_, i) => (
                      <Table.Tr key={i}>
                        {Array.from({ length: 5 }, (_, j) => (
                          <Table.Td key={j}>
                            <Skeleton height={14} />
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))
                  : list.data.items.map((item) => <ActionItemRow key={item.id} item={item} />)}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.data ? (
            <ListPaging
              offset={list.data.offset}
              shown={list.data.items.length}
              total={list.data.total}
              page={params.page}
              pageSize={PAGE_SIZE}
              onPage={(page) => update({ page })}
            />
          ) : null}
        </>
      )}
    </Stack>
  );
}

function ActionItemRow(props: { item: ActionItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const { role } = useSession();
  const { item } = props;
  const session = useApiQuery('sessions.get', { id: item.sessionId }, { staleTime: 60_000 });
  const update = useApiMutation('actionItems.update');
  const [checked, setChecked] = useState(item.done);
  // The day core recorded it as done (today when ticked here), shown until the list refreshes.
  const [doneOn, setDoneOn] = useState(item.doneOn);
  const overdue = !item.done && item.dueOn !== null && item.dueOn < todayIso();

  const markDone = async (done: boolean) => {
    setChecked(done);
    try {
      const saved = await update.mutateAsync({ id: item.id, patch: { done } });
      setDoneOn(saved.doneOn);
      if (done) notify.saved(t('sessions.actionItems.markedDone', { text: item.text }));
    } catch (error) {
      setChecked(!done);
      notify.failed(error);
    }
  };

  return (
    <Table.Tr>
      <Table.Td>
        <Checkbox
          checked={checked}
          disabled={!can(role, 'sessions.write') || update.isPending}
          onChange={(e) => void markDone(e.currentTarget.checked)}
          aria-label={t('sessions.actionItems.markDone', { text: item.text })}
        />
      </Table.Td>
      <Table.Td>
        <Text size="sm" td={checked ? 'line-through' : undefined} c={checked ? 'dimmed' : undefined}>
          {item.text}
        </Text>
        {checked && doneOn ? (
          <Text size="xs" c="dimmed">
            {t('sessions.actionItems.doneOn', { date: format.date(doneOn) })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.owner ?? '—'}</Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {item.dueOn ? (
          <Stack gap={2} align="flex-start">
            <Text size="sm">{format.date(item.dueOn)}</Text>
            {overdue ? (
              <Badge size="xs" color="red" variant="light" tt="none">
                {t('sessions.actionItems.overdueBadge')}
              </Badge>
            ) : null}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('sessions.actionItems.noDueDate')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {session.data ? (
          <Stack gap={0}>
            <StartupLink id={session.data.startupId} />
            <Group gap={4} wrap="nowrap">
              <Text span size="xs" c="dimmed">
                {format.dateTime(session.data.startsAt)} ·
              </Text>
              <MentorLink id={session.data.mentorId} size="xs" />
            </Group>
          </Stack>
        ) : session.isPending ? (
          <Skeleton height={12} width={160} />
        ) : (
          <Text span c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
