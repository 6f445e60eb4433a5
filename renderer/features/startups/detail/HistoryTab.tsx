import type { ReactNode } from 'react';
import { Badge, Group, Paper, Table, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { IconArrowRight, IconCloudDown, IconHistory, IconPencil, IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../shared/api/common.js';
import { Sector, Stage } from '../../../../shared/records/startups.js';
import { useApiQuery } from '../../../api/query.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { QueryError } from '../../../components/QueryError.js';
import { useFormat } from '../../../format/index.js';
import { TabSkeleton } from './TabSkeleton.js';

/** One save: the entries written by one user at one instant. */
interface Change {
  key: string;
  at: string;
  userName: string | null;
  source: HistoryEntry['source'];
  created: boolean;
  entries: HistoryEntry[];
}

function groupChanges(entries: HistoryEntry[]): Change[] {
  const out: Change[] = [];
  for (const e of entries) {
    if (e.column === 'updatedAt' || e.column === 'centreId') continue;
    const last = out[out.length - 1];
    if (last && last.at === e.at && last.userName === e.userName && last.source === e.source) {
      if (e.column === '*') last.created = true;
      else last.entries.push(e);
    } else {
      out.push({
        key: String(e.id),
        at: e.at,
        userName: e.userName,
        source: e.source,
        created: e.column === '*',
        entries: e.column === '*' ? [] : [e],
      });
    }
  }
  return out;
}

export function HistoryTab(props: { startupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useApiQuery('history.list', { table: 'startups', rowId: props.startupId, limit: 500 });

  if (history.isPending) return <TabSkeleton rows={5} />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  const changes = groupChanges(history.data);

  if (changes.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <EmptyState
          icon={<IconHistory size={28} />}
          title={t('startups.history.emptyTitle')}
          description={t('startups.history.emptyBody')}
        />
      </Paper>
    );
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} size="h4" mb="lg">
        {t('startups.history.title')}
      </Title>
      <Timeline bulletSize={28} lineWidth={2} aria-label={t('startups.history.title')}>
        {changes.map((c) => (
          <Timeline.Item
            key={c.key}
            bullet={
              <ThemeIcon
                size={28}
                radius="xl"
                variant="light"
                color={c.created ? 'green' : c.source === 'sync' ? 'indigo' : 'brand'}
                aria-hidden
              >
                {c.created ? (
                  <IconSparkles size={16} />
                ) : c.source === 'sync' ? (
                  <IconCloudDown size={16} />
                ) : (
                  <IconPencil size={16} />
                )}
              </ThemeIcon>
            }
            title={
              <Group gap="xs" wrap="wrap">
                <Text fw={600} size="sm">
                  {c.created ? t('startups.history.created') : t('startups.history.changed', { count: c.entries.length })}
                </Text>
                {c.source === 'sync' ? (
                  <Badge size="xs" variant="light" color="indigo">
                    {t('startups.history.viaSync')}
                  </Badge>
                ) : null}
              </Group>
            }
          >
            <Text size="xs" c="dimmed" mb={c.entries.length ? 'xs' : 0}>
              {t('startups.history.byWhen', { who: c.userName ?? t('startups.history.system'), when: format.dateTime(c.at) })}
            </Text>
            {c.entries.length > 0 ? (
              <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing="xs" maw={760}>
                <Table.Tbody>
                  {c.entries.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td w={180} c="dimmed" fz="sm" style={{ verticalAlign: 'top' }}>
                        <FieldLabel column={e.column} />
                      </Table.Td>
                      <Table.Td fz="sm">
                        <Group gap={6} wrap="wrap" align="center">
                          <Text span size="sm" td={e.oldValue === null ? undefined : 'line-through'} c="dimmed">
                            <Value column={e.column} value={e.oldValue} />
                          </Text>
                          <IconArrowRight size={14} aria-label={t('startups.history.to')} />
                          <Text span size="sm" fw={500}>
                            <Value column={e.column} value={e.newValue} />
                          </Text>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

const STARTUP_FIELDS = [
  'name',
  'sector',
  'stage',
  'website',
  'city',
  'womenLed',
  'description',
  'foundedOn',
  'contactEmail',
  'contactPhone',
  'registrationNo',
] as const;

function FieldLabel(props: { column: string }) {
  const { t } = useTranslation();
  const c = props.column;
  if ((STARTUP_FIELDS as readonly string[]).includes(c))
    return <>{t(`startups.fields.${c as (typeof STARTUP_FIELDS)[number]}`)}</>;
  if (c === 'cohortId') return <>{t('startups.fields.cohort')}</>;
  if (c === 'deleted') return <>{t('startups.history.deleted')}</>;
  return <>{c}</>;
}

function Value(props: { column: string; value: unknown }): ReactNode {
  const { t } = useTranslation();
  const format = useFormat();
  const { column, value } = props;
  if (value === null || value === undefined || value === '') {
    return (
      <Text span fs="italic" c="dimmed" size="sm">
        {t('startups.history.empty')}
      </Text>
    );
  }
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (column === 'stage' && Stage.safeParse(value).success) return t(`enums.stage.${value as Stage}`);
  if (column === 'sector' && Sector.safeParse(value).success) return t(`enums.sector.${value as Sector}`);
  if (column === 'foundedOn' && typeof value === 'string') return format.date(value);
  if (column === 'cohortId' && typeof value === 'string') return <CohortName id={value} />;
  if (typeof value === 'string') return value.length > 160 ? `${value.slice(0, 160)}…` : value;
  if (typeof value === 'number') return format.number(value);
  return JSON.stringify(value);
}

function CohortName(props: { id: string }) {
  const cohort = useApiQuery('cohorts.get', { id: props.id }, { staleTime: 60_000 });
  return <>{cohort.data?.name ?? '…'}</>;
}
