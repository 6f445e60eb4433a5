/**
 * The landing screen: the quarter's headline figures, four charts, the next sessions and
 * the overdue action items, all from one `dashboard.summary` call computed in core.
 */
import type { ReactNode } from 'react';
import {
  Anchor,
  Badge,
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
  Title,
} from '@mantine/core';
import { IconCalendarEvent, IconChecklist, IconPlus, IconRocket, IconSchool, IconUserStar, type Icon } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { DashboardSummary } from '../../../shared/api/dashboard.js';
import { can } from '../../../shared/auth/permissions.js';
import { useApiQuery } from '../../api/query.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useFormat } from '../../format/index.js';
import { stageColor } from '../../theme/theme.js';
import { useSession } from '../auth/session.js';
import { BarList, ColumnChart, FunnelChart } from './charts.js';
import { isQuarter, quarterMonths, quarterOfDate, recentQuarters } from './quarters.js';

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

  const now = new Date();
  const current = quarterOfDate(now);
  const options = recentQuarters(now, QUARTERS_SHOWN);
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

function StatCard(props: { id: string; icon: Icon; color: string; label: string; value: string; hint: string }) {
  const labelId = `stat-${props.id}-label`;
  return (
    <Paper withBorder radius="md" p="md" role="group" aria-labelledby={labelId} data-testid={`stat-${props.id}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text id={labelId} size="sm" c="dimmed" fw={500}>
          {props.label}
        </Text>
        <ThemeIcon variant="light" color={props.color} size="md" radius="md" aria-hidden>
          <props.icon size={16} />
        </ThemeIcon>
      </Group>
      <Text fz={28} fw={700} lh={1.2} mt={4} data-testid={`stat-${props.id}-value`}>
        {props.value}
      </Text>
      <Text size="xs" c="dimmed" mt={2} lineClamp={1} title={props.hint}>
        {props.hint}
      </Text>
    </Paper>
  );
}

function Headline({ data }: { data: DashboardSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const h = data.headline;
  const q = { quarter: data.quarter };
  const n = (v: number) => format.number(v);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="md">
      <StatCard
        id="activeStartups"
        icon={IconRocket}
        color="brand"
        label={t('dashboard.headline.activeStartups')}
        value={n(h.activeStartups)}
        hint={t('dashboard.headline.activeStartupsHint')}
      />
      <StatCard
        id="inducted"
        icon={IconRocket}
        color="brand"
        label={t('dashboard.headline.inducted')}
        value={n(h.inducted)}
        hint={t('dashboard.headline.inductedHint', q)}
      />
      <StatCard
        id="graduated"
        icon={IconRocket}
        color="green"
        label={t('dashboard.headline.graduated')}
        value={n(h.graduated)}
        hint={t('dashboard.headline.graduatedHint', q)}
      />
      <StatCard
        id="sessions"
        icon={IconUserStar}
        color="indigo"
        label={t('dashboard.headline.sessions')}
        value={n(h.sessions)}
        hint={t('dashboard.headline.sessionsHint', q)}
      />
      <StatCard
        id="mentorHours"
        icon={IconUserStar}
        color="indigo"
        label={t('dashboard.headline.mentorHours')}
        value={format.number(h.mentorHours, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}
        hint={t('dashboard.headline.mentorHoursHint', q)}
      />
      <StatCard
        id="womenLedShare"
        icon={IconRocket}
        color="grape"
        label={t('dashboard.headline.womenLedShare')}
        value={h.womenLedShare === null ? t('dashboard.headline.none') : format.number(h.womenLedShare, { style: 'percent' })}
        hint={t('dashboard.headline.womenLedShareHint')}
      />
      <StatCard
        id="traineesEnrolled"
        icon={IconSchool}
        color="orange"
        label={t('dashboard.headline.traineesEnrolled')}
        value={n(h.traineesEnrolled)}
        hint={t('dashboard.headline.traineesEnrolledHint', q)}
      />
      <StatCard
        id="traineesCertified"
        icon={IconSchool}
        color="orange"
        label={t('dashboard.headline.traineesCertified')}
        value={n(h.traineesCertified)}
        hint={t('dashboard.headline.traineesCertifiedHint', q)}
      />
      <StatCard
        id="traineesPlaced"
        icon={IconSchool}
        color="orange"
        label={t('dashboard.headline.traineesPlaced')}
        value={n(h.traineesPlaced)}
        hint={t('dashboard.headline.traineesPlacedHint', q)}
      />
    </SimpleGrid>
  );
}

function ChartCard(props: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" h="100%" component="section" aria-label={props.title}>
      <Stack gap={2} mb="sm">
        <Title order={2} size="h5">
          {props.title}
        </Title>
        {props.hint ? (
          <Text size="xs" c="dimmed">
            {props.hint}
          </Text>
        ) : null}
      </Stack>
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
