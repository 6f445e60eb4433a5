/** Sessions as a table: when (viewer's zone, and the mentor's when abroad), who, how long. */
import { Badge, Skeleton, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MentoringSession } from '../../../shared/records/sessions.js';
import { useApiQuery } from '../../api/query.js';
import { MentorLink, StartupLink, useMentorZone } from '../../components/RecordLinks.js';
import { Tags } from '../../components/Tags.js';
import { useFormat } from '../../format/index.js';
import { isAbroad, mentorClock, useNow } from '../mentors/time.js';

export type SessionColumn = 'mentor' | 'startup' | 'openItems';

export function SessionsTable(props: {
  rows: MentoringSession[];
  loading: boolean;
  label: string;
  /** Columns to leave out (e.g. the mentor on the mentor's own page). */
  hide?: SessionColumn[];
  skeletonRows?: number;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const show = (column: SessionColumn) => !props.hide?.includes(column);
  const columns = 4 + (show('mentor') ? 1 : 0) + (show('startup') ? 1 : 0) + (show('openItems') ? 1 : 0);
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={props.label} aria-busy={props.loading || undefined}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sessions.fields.when')}</Table.Th>
            {show('mentor') ? <Table.Th>{t('sessions.fields.mentor')}</Table.Th> : null}
            {show('startup') ? <Table.Th>{t('sessions.fields.startup')}</Table.Th> : null}
            <Table.Th ta="end">{t('sessions.fields.minutes')}</Table.Th>
            <Table.Th>{t('sessions.fields.mode')}</Table.Th>
            <Table.Th>{t('sessions.fields.topics')}</Table.Th>
            {show('openItems') ? (
              <Table.Th ta="end" style={{ whiteSpace: 'nowrap' }}>
                {t('sessions.fields.openItems')}
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ opacity: props.loading && props.rows.length > 0 ? 0.6 : 1 }}>
          {props.loading && props.rows.length === 0
            ? Array.from({ length: props.skeletonRows ?? 8 }, (_, i) => (
                <Table.Tr key={`skeleton-${i}`}>
                  {Array.from({ length: columns }, (_, j) => (
                    <Table.Td key={j}>
                      <Skeleton height={14} radius="sm" />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : props.rows.map((s) => <SessionRow key={s.id} session={s} show={show} now={now} />)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SessionRow(props: { session: MentoringSession; show: (c: SessionColumn) => boolean; now: Date }) {
  const { t } = useTranslation();
  const format = useFormat();
  const s = props.session;
  const mentorZone = useMentorZone(s.mentorId);
  const upcoming = Date.parse(s.startsAt) > props.now.getTime();
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
          {format.dateTime(s.startsAt)}
          {upcoming ? (
            <Badge component="span" ml={6} size="xs" variant="light" color="teal" tt="none">
              {t('sessions.upcomingBadge')}
            </Badge>
          ) : null}
        </Text>
        {mentorZone && isAbroad(mentorZone) ? <MentorClock startsAt={s.startsAt} zone={mentorZone} /> : null}
      </Table.Td>
      {props.show('mentor') ? (
        <Table.Td>
          <MentorLink id={s.mentorId} />
        </Table.Td>
      ) : null}
      {props.show('startup') ? (
        <Table.Td>
          <StartupLink id={s.startupId} />
        </Table.Td>
      ) : null}
      <Table.Td ta="end">{format.number(s.minutes)}</Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {t(`sessions.modes.${s.mode}`)}
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
      {props.show('openItems') ? (
        <Table.Td ta="end">
          <OpenItems sessionId={s.id} />
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

/** How many of the session's action items are still open (one small count query per visible row). */
function OpenItems(props: { sessionId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const items = useApiQuery('actionItems.list', { filter: { sessionId: props.sessionId, done: false }, limit: 1 });
  if (items.isPending) return <Skeleton height={12} width={20} display="inline-block" />;
  if (items.isError)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  const count = items.data.total;
  return count === 0 ? (
    <Text span size="sm" c="dimmed">
      {format.number(0)}
    </Text>
  ) : (
    <Badge variant="light" color="orange" aria-label={t('sessions.openItemsLabel', { count })}>
      {format.number(count)}
    </Badge>
  );
}

/** The start on the mentor's clock, when it reads differently from the viewer's. */
export function MentorClock(props: { startsAt: string; zone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const clock = mentorClock(new Date(props.startsAt), props.zone, format.locale);
  if (!clock) return null;
  return (
    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={props.zone}>
      {t('sessions.mentorTime', clock)}
    </Text>
  );
}
