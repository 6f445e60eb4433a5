import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/query.js';
import { StatCard } from '../../../components/StatCard.js';
import { useFormat } from '../../../format/index.js';
import { viewerZone } from '../../mentors/time.js';
import { RecordSessions } from '../../sessions/RecordSessions.js';
import { quarterOfDate, quarterSpan } from './quarters.js';
import { useQuarterLabel } from './quarter-label.js';

/** The startup's mentoring: hours and sessions this quarter, and every session, newest first. */
export function SessionsTab(props: { startupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const quarterLabel = useQuarterLabel();
  const quarter = quarterOfDate(new Date());
  const hours = useApiQuery('sessions.hours', { startupId: props.startupId, ...quarterSpan(quarter) });
  const all = useApiQuery('sessions.list', { filter: { startupId: props.startupId }, limit: 1 });

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <StatCard
          label={t('startups.sessions.hoursThisQuarter', { quarter: quarterLabel(quarter, true) })}
          value={hours.data ? format.number(hours.data.hours, { maximumFractionDigits: 1 }) : null}
        />
        <StatCard
          label={t('startups.sessions.sessionsThisQuarter', { quarter: quarterLabel(quarter, true) })}
          value={hours.data ? format.number(hours.data.sessions) : null}
        />
        <StatCard label={t('startups.sessions.allSessions')} value={all.data ? format.number(all.data.total) : null} />
      </SimpleGrid>
      <RecordSessions
        filter={{ startupId: props.startupId }}
        title={t('startups.sessions.title')}
        aside={() => (
          <Text size="sm" c="dimmed">
            {t('startups.sessions.zoneNote', { zone: viewerZone() })}
          </Text>
        )}
        empty={{ title: t('startups.sessions.emptyTitle'), body: t('startups.sessions.emptyBody') }}
        hide={['startup']}
        pageSize={25}
      />
    </Stack>
  );
}
