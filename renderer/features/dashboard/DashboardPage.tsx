/**
 * The landing screen: the quarter's headline figures, four charts, the next sessions and
 * the overdue action items, all from one `dashboard.summary` call computed in core.
 */
import type { ReactNode } from 'react';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { IconCalendarEvent, IconChecklist, IconPlus, IconRocket, IconSchool, IconUserStar, type Icon } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { DashboardSummary } from '../../../shared/api/dashboard.js';
import { can } from '../../../shared/auth/permissions.js';
import { isQuarter, quarterOf, recentQuarters } from '../../../shared/reports/quarters.js';
import { useApiQuery } from '../../api/query.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { SectionHeading } from '../../components/Panel.js';
import { QueryError } from '../../components/QueryError.js';
import { StatCard } from '../../components/StatCard.js';
import { useFormat } from '../../format/index.js';
import { stageColor } from '../../theme/theme.js';
import { useSession } from '../auth/session.js';
import { BarList, ColumnChart, FunnelChart } from './charts.js';
import { quarterMonths } from './quarters.js';

const QUARTERS_SHOWN = 8;

function useQuarterLabel() {
  const { t } = useTranslation();
  const format = useFormat();
  return (quarter: string, current: boolean) => {
    const [first, last] = quarterMonths(quarter);
    const month = (d: Date) => new Intl.DateTimeFormat(format.locale, { month: 'short', timeZone: 'UTC' }).format(d);
    const months = `${month(first)}–${month(last)} ${first.getUTCFullYear()}`;
    return current ? t('dashboard.quarter.current', { quarter, months }) : t('dashboard.quarter.option', { quarter, months });
  };
}

export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('quarter');
  const quarter = isQuarter(chosen) ? chosen : undefined;
  const summary = useApiQuery('dashboard.summary', quarter ? { quarter } : {}, { placeholderData: keepPreviousData });
  const quarterLabel = useQuarterLabel();

  const current = quarterOf(new Date().toISOString());
  const options = recentQuarters(current, QUARTERS_SHOWN);
  if (quarter && !options.includes(quarter)) options.push(quarter);
  const shown = summary.data?.quarter ?? quarter ?? current;

  const picker = (
    <Select
      label={t('dashboard.quarter.label')}
      data={options.map((q) => ({ value: q, label: quarterLabel(q, q === current) }))}
      value={shown}
      onChange={(value) =>
        setParams(
          (prev) => {
            const next = new URLSearchParams(prev);
            if (!value || value === current) next.delete('quarter');
            else next.set('quarter', value);
            return next;
          },
          { replace: true },
        )
      }
      allowDeselect={false}
      w={340}
      data-testid="quarter-picker"
    />
  );

  return (
    <>
      <PageHeader title={t('dashboard.title')} description={t('dashboard.description')} actions={picker} />
      {summary.isError ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !summary.data ? (
        <DashboardSkeleton />
      ) : (
        <DashboardBody data={summary.data} />
      )}
    </>
  );
}

function DashboardSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" aria-busy aria-label={t('common.loading')}>
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        {Array.from({ length: 9 }, (_, i) => (
          <Skeleton key={i} h={96} radius="md" />
        ))}
      </SimpleGrid>
      <Skeleton h={260} radius="md" />
    </Stack>
  );
}

function isEmptyCentre(data: DashboardSummary): boolean {
  return (
    data.startupsByStage.every((s) => s.count === 0) &&
    data.traineeFunnel.enrolled === 0 &&
    data.sessionsPerWeek.every((w) => w.count === 0) &&
    data.upcomingSessions.length === 0 &&
    data.headline.sessions === 0
  );
}

function DashboardBody({ data }: { data: DashboardSummary }) {
  const { t } = useTranslation();
  const { role } = useSession();
  if (isEmptyCentre(data)) {
    const canWrite = can(role, 'startups.write');
    return (
      <Paper withBorder radius="md" p="md">
        <EmptyState
          icon={<IconRocket size={28} />}
          title={t('dashboard.empty.title')}
          description={canWrite ? t('dashboard.empty.body') : t('dashboard.empty.bodyReadOnly')}
          action={
            canWrite ? (
              <Button component={Link} to="/startups" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('dashboard.empty.action')}
              </Button>
            ) : null
          }
        />
      </Paper>
    );
  }
  return (
    <Stack gap="lg">
      <Headline data={data} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <SessionsPerWeekCard data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <StageCard data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SectorCard data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <FunnelCard data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <UpcomingSessions data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <OverdueActionItems data={data} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

interface Headline {
  id: keyof DashboardSummary['headline'];
  icon: Icon;
  color: string;
  /** The figure as shown; the count formatted when absent. */
  value?: string;
  /** The hint names the quarter. */
  inQuarter?: boolean;
}

function Headline({ data }: { data: DashboardSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const h = data.headline;
  const figures: Headline[] = [
    { id: 'activeStartups', icon: IconRocket, color: 'brand' },
    { id: 'inducted', icon: IconRocket, color: 'brand', inQuarter: true },
    { id: 'graduated', icon: IconRocket, color: 'green', inQuarter: true },
    { id: 'sessions', icon: IconUserStar, color: 'indigo', inQuarter: true },
    {
      id: 'mentorHours',
      icon: IconUserStar,
      color: 'indigo',
      inQuarter: true,
      value: format.number(h.mentorHours, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    },
    {
      id: 'womenLedShare',
      icon: IconRocket,
      color: 'grape',
      value: h.womenLedShare === null ? t('dashboard.headline.none') : format.number(h.womenLedShare, { style: 'percent' }),
    },
    { id: 'traineesEnrolled', icon: IconSchool, color: 'orange', inQuarter: true },
    { id: 'traineesCertified', icon: IconSchool, color: 'orange', inQuarter: true },
    { id: 'traineesPlaced', icon: IconSchool, color: 'orange', inQuarter: true },
  ];
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="md">
      {figures.map((f) => (
        <StatCard
          key={f.id}
          testId={`stat-${f.id}`}
          icon={f.icon}
          color={f.color}
          label={t(`dashboard.headline.${f.id}`)}
          value={f.value ?? format.number(h[f.id] ?? 0)}
          hint={t(`dashboard.headline.${f.id}Hint`, f.inQuarter ? { quarter: data.quarter } : {})}
        />
      ))}
    </SimpleGrid>
  );
}

function ChartCard(props: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" h="100%" component="section" aria-label={props.title}>
      <Box mb="sm">
        <SectionHeading title={props.title} description={props.hint} small />
      </Box>
      {props.children}
    </Paper>
  );
}

function EmptyChart(props: { text: string }) {
  return (
    <Text c="dimmed" size="sm" py="xl" ta="center">
      {props.text}
    </Text>
  );
}

function SessionsPerWeekCard({ data }: { data: DashboardSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const short = (iso: string) =>
    new Intl.DateTimeFormat(format.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  const weeks = data.sessionsPerWeek;
  const last = weeks.at(-1);
  const values = weeks.map((w) => t('dashboard.charts.weekValue', { week: format.date(w.weekStart), count: w.count })).join('; ');
  return (
    <ChartCard
      title={t('dashboard.charts.sessionsPerWeek')}
      hint={last ? t('dashboard.charts.sessionsPerWeekHint', { date: format.date(last.weekStart) }) : undefined}
    >
      {weeks.every((w) => w.count === 0) ? (
        <EmptyChart text={t('dashboard.charts.sessionsPerWeekEmpty')} />
      ) : (
        <ColumnChart
          ariaLabel={t('dashboard.charts.sessionsPerWeekLabel', { values })}
          data={weeks.map((w) => ({
            key: w.weekStart,
            label: short(w.weekStart),
            value: w.count,
            valueLabel: format.number(w.count),
          }))}
        />
      )}
    </ChartCard>
  );
}

function StageCard({ data }: { data: DashboardSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const bars = data.startupsByStage.map((s) => ({
    key: s.stage,
    label: t(`enums.stage.${s.stage}`),
    value: s.count,
    valueLabel: format.number(s.count),
    color: stageColor[s.stage],
  }));
  const values = bars.map((b) => t('dashboard.charts.value', { label: b.label, count: b.value })).join('; ');
  return (
    <ChartCard title={t('dashboard.charts.byStage')}>
      <BarList data={bars} ariaLabel={t('dashboard.charts.byStageLabel', { values })} labelWidth={110} />
    </ChartCard>
  );
}

function SectorCard({ data }: { data: DashboardSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const bars = data.startupsBySector.map((s) => ({
    key: s.sector,
    label: t(`enums.sector.${s.sector}`),
    value: s.count,
    valueLabel: format.number(s.count),
  }));
  const values = bars.map((b) => t('dashboard.charts.value', { label: b.label, count: b.value })).join('; ');
  return (
    <ChartCard title={t('dashboard.charts.bySector')}>
      {bars.length === 0 ? (
        <EmptyChart text={t('dashboard.charts.bySectorEmpty')} />
      ) : (
        <BarList data={bars} ariaLabel={t('dashboard.charts.bySectorLabel', { values })} labelWidth={170} />
      )}
    </ChartCard>
  );
}

function FunnelCard({ data }: { data: DashboardSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const order = ['enrolled', 'completed', 'certified', 'placed'] as const;
  const steps = order.map((key, i) => {
    const value = data.traineeFunnel[key];
    const previous = i > 0 ? data.traineeFunnel[order[i - 1]!] : null;
    const label = t(`dashboard.charts.funnelSteps.${key}`);
    return {
      key,
      value,
      text: t('dashboard.charts.step', { label, value: format.number(value) }),
      note:
        previous !== null && previous > 0
          ? t('dashboard.charts.ofPrevious', { percent: format.number(value / previous, { style: 'percent' }) })
          : undefined,
    };
  });
  const values = steps.map((s) => s.text).join('; ');
  return (
    <ChartCard title={t('dashboard.charts.funnel')} hint={t('dashboard.charts.funnelHint')}>
      {data.traineeFunnel.enrolled === 0 ? (
        <EmptyChart text={t('dashboard.charts.funnelEmpty')} />
      ) : (
        <FunnelChart steps={steps} ariaLabel={t('dashboard.charts.funnelLabel', { values })} />
      )}
    </ChartCard>
  );
}

function UpcomingSessions({ data }: { data: DashboardSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <ChartCard title={t('dashboard.upcoming.title')}>
      {data.upcomingSessions.length === 0 ? (
        <EmptyChart text={t('dashboard.upcoming.empty')} />
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {data.upcomingSessions.map((s) => (
            <Group key={s.id} component="li" wrap="nowrap" align="flex-start" gap="sm">
              <ThemeIcon variant="light" color="indigo" radius="md" aria-hidden>
                <IconCalendarEvent size={16} />
              </ThemeIcon>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {format.dateTime(s.startsAt)}
                  {s.minutes ? (
                    <Text span size="xs" c="dimmed" fw={400}>
                      {' · '}
                      {t('dashboard.upcoming.minutes', { count: s.minutes })}
                    </Text>
                  ) : null}
                </Text>
                <Text size="sm" truncate>
                  {t('dashboard.upcoming.with', { mentor: s.mentorName, startup: s.startupName })}
                </Text>
                <Group gap="xs">
                  <Anchor component={Link} to={`/startups/${s.startupId}`} size="xs">
                    {s.startupName}
                  </Anchor>
                  <Anchor component={Link} to={`/mentors/${s.mentorId}`} size="xs">
                    {s.mentorName}
                  </Anchor>
                  {s.mentorTimeZone && s.mentorTimeZone !== localZone ? (
                    <Text size="xs" c="dimmed">
                      {t('dashboard.upcoming.mentorTime', { time: format.dateTime(s.startsAt, s.mentorTimeZone) })}
                    </Text>
                  ) : null}
                </Group>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </ChartCard>
  );
}

function OverdueActionItems({ data }: { data: DashboardSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const more = data.overdueTotal - data.overdueActionItems.length;
  return (
    <ChartCard title={t('dashboard.overdue.title')}>
      {data.overdueActionItems.length === 0 ? (
        <EmptyChart text={t('dashboard.overdue.empty')} />
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {data.overdueActionItems.map((item) => (
            <Group key={item.id} component="li" wrap="nowrap" align="flex-start" gap="sm">
              <ThemeIcon variant="light" color="red" radius="md" aria-hidden>
                <IconChecklist size={16} />
              </ThemeIcon>
              <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                <Text size="sm" fw={500} lineClamp={2}>
                  {item.text}
                </Text>
                <Group gap="xs">
                  <Anchor component={Link} to={`/startups/${item.startupId}`} size="xs">
                    {item.startupName}
                  </Anchor>
                  {item.owner ? (
                    <Text size="xs" c="dimmed">
                      {t('dashboard.overdue.owner', { owner: item.owner })}
                    </Text>
                  ) : null}
                </Group>
              </Stack>
              <Badge color="red" variant="light" tt="none" style={{ flexShrink: 0 }}>
                {t('dashboard.overdue.due', { date: format.date(item.dueOn) })}
              </Badge>
            </Group>
          ))}
          {more > 0 ? (
            <Text size="xs" c="dimmed" component="li">
              {t('dashboard.overdue.more', { count: more })}
            </Text>
          ) : null}
        </Stack>
      )}
    </ChartCard>
  );
}
