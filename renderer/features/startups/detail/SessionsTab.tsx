import { useState } from 'react';
import { Group, Pagination, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MentoringSession } from '../../../../shared/records/sessions.js';
import { useApiQuery } from '../../../api/query.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { QueryError } from '../../../components/QueryError.js';
import { Tags } from '../../../components/Tags.js';
import { useFormat } from '../../../format/index.js';
import { MentorName, useMentorZone } from './MentorName.js';
import { quarterOfDate, quarterSpan } from './quarters.js';
import { useQuarterLabel } from './quarter-label.js';
import { TabSkeleton } from './TabSkeleton.js';

const PAGE = 25;
const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function SessionsTab(props: { startupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const sessions = useApiQuery(
    'sessions.list',
    {
      filter: { startupId: props.startupId },
      sort: { field: 'startsAt', direction: 'desc' },
      limit: PAGE,
      offset: (page - 1) * PAGE,
    },
    { placeholderData: keepPreviousData },
  );
  const quarterLabel = useQuarterLabel();
  const quarter = quarterOfDate(new Date());
  const hours = useApiQuery('sessions.hours', { startupId: props.startupId, ...quarterSpan(quarter) });

  if (sessions.isPending) return <TabSkeleton rows={6} />;
  if (sessions.isError) return <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  const { items, total } = sessions.data;

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Stat
          label={t('startups.sessions.hoursThisQuarter', { quarter: quarterLabel(quarter, true) })}
          value={hours.data ? format.number(hours.data.hours, { maximumFractionDigits: 1 }) : null}
        />
        <Stat
          label={t('startups.sessions.sessionsThisQuarter', { quarter: quarterLabel(quarter, true) })}
          value={hours.data ? format.number(hours.data.sessions) : null}
        />
        <Stat label={t('startups.sessions.allSessions')} value={format.number(total)} />
      </SimpleGrid>
      <Paper withBorder radius="md" p="lg">
        {items.length === 0 ? (
          <EmptyState
            icon={<IconMessages size={28} />}
            title={t('startups.sessions.emptyTitle')}
            description={t('startups.sessions.emptyBody')}
          />
        ) : (
          <Stack gap="md">
            <Group justify="space-between">
              <Title order={2} size="h4">
                {t('startups.sessions.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('startups.sessions.zoneNote', { zone: viewerZone })}
              </Text>
            </Group>
            <Table.ScrollContainer minWidth={760}>
              <Table
                verticalSpacing="sm"
                aria-label={t('startups.sessions.title')}
                aria-busy={sessions.isPlaceholderData || undefined}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('startups.sessions.fields.when')}</Table.Th>
                    <Table.Th>{t('startups.sessions.fields.mentor')}</Table.Th>
                    <Table.Th ta="end">{t('startups.sessions.fields.minutes')}</Table.Th>
                    <Table.Th>{t('startups.sessions.fields.mode')}</Table.Th>
                    <Table.Th>{t('startups.sessions.fields.topics')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody style={{ opacity: sessions.isPlaceholderData ? 0.6 : 1 }}>
                  {items.map((s) => (
                    <SessionRow key={s.id} session={s} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {total > PAGE ? (
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {t('startups.paging.showing', {
                    from: format.number((page - 1) * PAGE + 1),
                    to: format.number((page - 1) * PAGE + items.length),
                    total: format.number(total),
                  })}
                </Text>
                <Pagination
                  total={Math.ceil(total / PAGE)}
                  value={page}
                  onChange={setPage}
                  size="sm"
                  getItemProps={(n) => ({ 'aria-label': t('startups.paging.page', { page: n }) })}
                  getControlProps={(control) => ({ 'aria-label': t(`startups.paging.${control}`) })}
                />
              </Group>
            ) : null}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}

function Stat(props: { label: string; value: string | null }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      {props.value === null ? (
        <Skeleton height={28} width={60} mt={4} />
      ) : (
        <Text fz={26} fw={650} lh={1.3}>
          {props.value}
        </Text>
      )}
    </Paper>
  );
}

function SessionRow(props: { session: MentoringSession }) {
  const { t } = useTranslation();
  const format = useFormat();
  const s = props.session;
  const mentorZone = useMentorZone(s.mentorId);
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{format.dateTime(s.startsAt)}</Text>
        {mentorZone && mentorZone !== viewerZone ? (
          <Text size="xs" c="dimmed">
            {t('startups.sessions.mentorTime', { time: format.timeInZone(mentorZone, new Date(s.startsAt)) })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <MentorName id={s.mentorId} />
      </Table.Td>
      <Table.Td ta="end">{format.number(s.minutes)}</Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {t(`startups.sessions.modes.${s.mode}`)}
        </Text>
      </Table.Td>
      <Table.Td>
        {s.topics.length ? (
          <Tags values={s.topics} />
        ) : (
          <Text span c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
