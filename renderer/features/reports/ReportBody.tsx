/**
 * The report on screen: the quarter's check-ins, then every KPI as a tile, section by section,
 * beside its chart (startups by stage, sessions per month, the trainees with women and men),
 * then the tables by sector, cohort and centre, funding by source and the mentors.
 */
import { use, type ReactNode } from 'react';
import { Button, Grid, Group, Paper, Progress, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconClipboardList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { QuarterlyReport } from '../../../shared/api/reports.js';
import { KPIS, type KpiKey, type KpiSection } from '../../../shared/reports/kpis.js';
import { useFormat } from '../../format/index.js';
import { stageColor } from '../../theme/theme.js';
import { BarList, ColumnChart, FunnelChart } from '../dashboard/charts.js';
import { KpiTile, OpenFigureContext, TileGrid, useKpiText, type TilePart } from './Figures.js';
import { CentreTable, CohortTable, FundingTable, MentorTable, SectorTable, TablePanel } from './ReportTables.js';

const keysOf = (section: KpiSection): KpiKey[] => KPIS.filter((k) => k.section === section).map((k) => k.key);

function Group2(props: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={props.id}>
      <Title order={2} size="h3" id={props.id}>
        {props.title}
      </Title>
      {props.children}
    </Stack>
  );
}

function SubHeading(props: { children: ReactNode }) {
  return (
    <Title order={3} size="h6" c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
      {props.children}
    </Title>
  );
}

function Tiles(props: {
  report: QuarterlyReport;
  keys: KpiKey[];
  cols: 2 | 3 | 4;
  parts?: Partial<Record<KpiKey, TilePart[][]>>;
}) {
  return (
    <TileGrid cols={props.cols}>
      {props.keys.map((key) => (
        <KpiTile key={key} kpi={key} value={props.report.values[key]} parts={props.parts?.[key]} values={props.report.values} />
      ))}
    </TileGrid>
  );
}

export function ReportBody({ report }: { report: QuarterlyReport }) {
  const { t } = useTranslation();
  const text = useKpiText();
  const women = t('reports.figure.women');
  const men = t('reports.figure.men');
  const gender = (w: KpiKey, m: KpiKey): TilePart[] => [
    { kpi: w, label: women },
    { kpi: m, label: men },
  ];
  return (
    <Stack gap={36}>
      <CheckInStatus report={report} />

      <Group2 id="report-startups" title={text.section('startups')}>
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Tiles report={report} keys={keysOf('startups')} cols={3} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <StageChart report={report} />
          </Grid.Col>
        </Grid>
      </Group2>

      <Group2 id="report-mentoring" title={t('reports.groups.mentoring')}>
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, lg: 9 }}>
            <Stack gap="sm">
              <SubHeading>{text.section('mentoring')}</SubHeading>
              <Tiles report={report} keys={keysOf('mentoring')} cols={4} />
              <SubHeading>{text.section('actionItems')}</SubHeading>
              <Tiles report={report} keys={keysOf('actionItems')} cols={3} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 3 }}>
            <SessionsChart report={report} />
          </Grid.Col>
        </Grid>
      </Group2>

      <Group2 id="report-performance" title={t('reports.groups.performance')}>
        <Stack gap="sm">
          <SubHeading>{text.section('jobs')}</SubHeading>
          <Tiles report={report} keys={keysOf('jobs')} cols={4} />
          <SubHeading>{text.section('revenue')}</SubHeading>
          {/* Rupees above, dollars below: the quarter, the year to date, every quarter so far. */}
          <Tiles
            report={report}
            cols={3}
            keys={[
              'revenue.pkr',
              'revenue.pkrYearToDate',
              'revenue.pkrCumulative',
              'revenue.exportUsd',
              'revenue.exportUsdYearToDate',
              'revenue.exportUsdCumulative',
            ]}
          />
          <Grid gutter="md" mt={4}>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Stack gap="sm">
                <SubHeading>{text.section('funding')}</SubHeading>
                <Tiles report={report} keys={keysOf('funding')} cols={2} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <FundingTable report={report} />
            </Grid.Col>
          </Grid>
        </Stack>
      </Group2>

      <Group2 id="report-trainees" title={text.section('trainees')}>
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Tiles
              report={report}
              cols={2}
              keys={[
                'trainees.enrolled',
                'trainees.completed',
                'trainees.certified',
                'trainees.placed',
                'trainees.completedFor180Days',
                'trainees.placedWithin180Days',
              ]}
              parts={{
                'trainees.enrolled': [gender('trainees.enrolledWomen', 'trainees.enrolledMen')],
                'trainees.completed': [gender('trainees.completedWomen', 'trainees.completedMen')],
                'trainees.certified': [gender('trainees.certifiedWomen', 'trainees.certifiedMen')],
                'trainees.placed': [
                  gender('trainees.placedWomen', 'trainees.placedMen'),
                  [
                    { kpi: 'trainees.placedJob', label: t('reports.figure.placedJob') },
                    { kpi: 'trainees.placedFreelance', label: t('reports.figure.placedFreelance') },
                    { kpi: 'trainees.placedFounder', label: t('reports.figure.placedFounder') },
                  ],
                ],
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <TraineeChart report={report} />
          </Grid.Col>
        </Grid>
      </Group2>

      <Group2 id="report-breakdowns" title={t('reports.groups.breakdowns')}>
        <Stack gap="md">
          {report.byCentre.length > 1 ? <CentreTable report={report} /> : null}
          <SectorTable report={report} />
          <CohortTable report={report} />
          <MentorTable report={report} />
        </Stack>
      </Group2>
    </Stack>
  );
}

function CheckInStatus({ report }: { report: QuarterlyReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const open = use(OpenFigureContext);
  const { expected, received, locked } = report.checkIns;
  const missing = Math.max(0, expected - received);
  const figure = (label: string, value: number, testId: string) => (
    <Stack gap={0} align="flex-start">
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={22} fw={700} lh={1.2} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {format.number(value)}
      </Text>
    </Stack>
  );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="report-check-ins">
      <Grid gutter="md" align="center">
        <Grid.Col span={{ base: 12, lg: expected > 0 ? 4 : 12 }}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
              <IconClipboardList size={20} />
            </ThemeIcon>
            <Stack gap={2}>
              <Title order={2} size="h5" id="report-check-ins">
                {t('reports.checkIns.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {expected === 0 ? t('reports.checkIns.noneExpected') : t('reports.checkIns.description')}
              </Text>
            </Stack>
          </Group>
        </Grid.Col>
        {expected > 0 ? (
          <>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <Group gap="xl" wrap="nowrap">
                {figure(t('reports.checkIns.expected'), expected, 'check-ins-expected')}
                {figure(t('reports.checkIns.received'), received, 'check-ins-received')}
                {figure(t('reports.checkIns.locked'), locked, 'check-ins-locked')}
              </Group>
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <Stack gap={6}>
                <Progress.Root size="lg" title={t('reports.checkIns.progress', { received, expected })}>
                  <Progress.Section
                    value={(locked / expected) * 100}
                    color="brand"
                    aria-label={t('reports.checkIns.lockedOf', { count: locked, expected })}
                  />
                  <Progress.Section
                    value={((received - locked) / expected) * 100}
                    color="brand.3"
                    aria-label={t('reports.checkIns.receivedOpenOf', { count: received - locked, expected })}
                  />
                </Progress.Root>
                {missing > 0 ? (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    color="orange"
                    onClick={() => open({ kind: 'missing-check-ins' })}
                    style={{ alignSelf: 'flex-start' }}
                    data-testid="missing-check-ins"
                  >
                    {t('reports.checkIns.missing', { count: missing, formatted: format.number(missing) })}
                  </Button>
                ) : (
                  <Group gap={6}>
                    <IconCircleCheck size={16} color="var(--mantine-color-green-filled)" aria-hidden />
                    <Text size="sm">{t('reports.checkIns.allIn')}</Text>
                  </Group>
                )}
              </Stack>
            </Grid.Col>
          </>
        ) : null}
      </Grid>
    </Paper>
  );
}

function ChartEmpty(props: { text: string }) {
  return (
    <Text c="dimmed" size="sm" py="xl" ta="center">
      {props.text}
    </Text>
  );
}

function StageChart({ report }: { report: QuarterlyReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const bars = report.charts.startupsByStage.map((s) => ({
    key: s.stage,
    label: t(`enums.stage.${s.stage}`),
    value: s.count,
    valueLabel: format.number(s.count),
    color: stageColor[s.stage],
  }));
  const values = bars.map((b) => t('reports.charts.value', { label: b.label, count: b.value })).join('; ');
  return (
    <TablePanel title={t('reports.charts.byStage')} hint={t('reports.charts.byStageHint')}>
      {bars.every((b) => b.value === 0) ? (
        <ChartEmpty text={t('reports.charts.byStageEmpty')} />
      ) : (
        <BarList data={bars} ariaLabel={t('reports.charts.byStageLabel', { values })} labelWidth={100} />
      )}
    </TablePanel>
  );
}

function SessionsChart({ report }: { report: QuarterlyReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const monthName = new Intl.DateTimeFormat(format.locale, { month: 'short', timeZone: 'UTC' });
  const months = report.charts.sessionsPerMonth.map((m) => {
    const month = monthName.format(new Date(`${m.month}-01T00:00:00Z`));
    const hours = format.number(m.hours, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return { ...m, name: month, hoursText: hours };
  });
  const values = months
    .map((m) => t('reports.charts.monthValue', { month: m.name, sessions: format.number(m.sessions), hours: m.hoursText }))
    .join('; ');
  return (
    <TablePanel title={t('reports.charts.sessionsPerMonth')} hint={t('reports.charts.sessionsPerMonthHint')}>
      {months.every((m) => m.sessions === 0) ? (
        <ChartEmpty text={t('reports.charts.sessionsEmpty')} />
      ) : (
        <Stack gap={2}>
          <ColumnChart
            height={220}
            ariaLabel={t('reports.charts.sessionsPerMonthLabel', { values })}
            data={months.map((m) => ({ key: m.month, label: m.name, value: m.sessions, valueLabel: format.number(m.sessions) }))}
          />
          {/* Each month's hours under its bar (the chart's left 32 px are its axis). */}
          <SimpleGrid cols={months.length} spacing={0} pl={32} pr={8} aria-hidden>
            {months.map((m) => (
              <Text key={m.month} size="xs" c="dimmed" ta="center">
                {t('reports.units.hours', { value: m.hoursText })}
              </Text>
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </TablePanel>
  );
}

function TraineeChart({ report }: { report: QuarterlyReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const v = report.values;
  const steps = (['enrolled', 'completed', 'certified', 'placed'] as const).map((step) => {
    const total = v[`trainees.${step}`] ?? 0;
    const women = v[`trainees.${step}Women`] ?? 0;
    const men = v[`trainees.${step}Men`] ?? 0;
    const label = t(`reports.charts.steps.${step}`);
    return {
      key: step,
      value: total,
      text: t('reports.charts.step', { label, value: format.number(total) }),
      note: t('reports.charts.genderSplit', { women: format.number(women), men: format.number(men) }),
      spoken: t('reports.charts.stepSpoken', {
        label,
        value: format.number(total),
        women: format.number(women),
        men: format.number(men),
      }),
    };
  });
  return (
    <TablePanel title={t('reports.charts.funnel')} hint={t('reports.charts.funnelHint')}>
      {steps.every((s) => s.value === 0) ? (
        <ChartEmpty text={t('reports.charts.funnelEmpty')} />
      ) : (
        <FunnelChart
          steps={steps}
          ariaLabel={t('reports.charts.funnelLabel', { values: steps.map((s) => s.spoken).join('; ') })}
        />
      )}
    </TablePanel>
  );
}
