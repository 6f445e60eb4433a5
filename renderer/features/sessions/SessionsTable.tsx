/** Sessions as a table: when (viewer's zone, and the mentor's when abroad), who, how long. */
import { Badge, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MentoringSession } from '../../../shared/records/sessions.js';
import { useApiQuery } from '../../api/query.js';
import { Dash } from '../../components/Dash.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
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
  const format = useFormat();
  const now = useNow();
  const show = (column: SessionColumn) => !props.hide?.includes(column);
  const columns: DataColumn<MentoringSession>[] = [
    { key: 'when', header: t('sessions.fields.when'), cell: (s) => <SessionWhen session={s} now={now} /> },
    ...(show('mentor')
      ? [{ key: 'mentor', header: t('sessions.fields.mentor'), cell: (s: MentoringSession) => <MentorLink id={s.mentorId} /> }]
      : []),
    ...(show('startup')
      ? [
          {
            key: 'startup',
            header: t('sessions.fields.startup'),
            cell: (s: MentoringSession) => <StartupLink id={s.startupId} />,
          },
        ]
      : []),
    { key: 'minutes', header: t('sessions.fields.minutes'), align: 'end', cell: (s) => format.number(s.minutes) },
    {
      key: 'mode',
      header: t('sessions.fields.mode'),
      cell: (s) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {t(`sessions.modes.${s.mode}`)}
        </Text>
      ),
    },
    {
      key: 'topics',
      header: t('sessions.fields.topics'),
      cell: (s) => (s.topics.length ? <Tags values={s.topics} max={2} /> : <Dash />),
    },
    ...(show('openItems')
      ? [
          {
            key: 'openItems',
            header: <span style={{ whiteSpace: 'nowrap' }}>{t('sessions.fields.openItems')}</span>,
            align: 'end' as const,
            cell: (s: MentoringSession) => <OpenItems sessionId={s.id} />,
          },
        ]
      : []),
  ];
  return (
    <DataTable
      label={props.label}
      rows={props.rows}
      columns={columns}
      minWidth={900}
      highlightOnHover
      loading={props.loading}
      skeletonRows={props.skeletonRows ?? 8}
    />
  );
}

/** When the session starts in the viewer's zone, "Upcoming" if it has not yet, and on the mentor's clock when abroad. */
function SessionWhen(props: { session: MentoringSession; now: Date }) {
  const { t } = useTranslation();
  const format = useFormat();
  const s = props.session;
  const mentorZone = useMentorZone(s.mentorId);
  const upcoming = Date.parse(s.startsAt) > props.now.getTime();
  return (
    <>
      <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
        {format.dateTime(s.startsAt)}
        {upcoming ? (
          <Badge component="span" ml={6} size="xs" variant="light" color="teal" tt="none">
            {t('sessions.upcomingBadge')}
          </Badge>
        ) : null}
      </Text>
      {mentorZone && isAbroad(mentorZone) ? <MentorClock startsAt={s.startsAt} zone={mentorZone} /> : null}
    </>
  );
}

/** How many of the session's action items are still open (one small count query per visible row). */
function OpenItems(props: { sessionId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const items = useApiQuery('actionItems.list', { filter: { sessionId: props.sessionId, done: false }, limit: 1 });
  if (items.isPending) return <Skeleton height={12} width={20} display="inline-block" />;
  if (items.isError) return <Dash />;
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
