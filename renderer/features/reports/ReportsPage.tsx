/**
 * The Reports screen: a quarter (recent ones, named in the centre's scheme) and, on a
 * national device, all centres or one; the quarterly report on screen (`reports.quarterly`,
 * the same object the documents are rendered from) with the records behind every figure
 * (`reports.rows`), and the documents themselves (`reports.export`). The quarter, the centre
 * and the open figure live in the address.
 */
import { useCallback } from 'react';
import { Alert, Button, Grid, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconChartBar, IconClockHour4, IconRocket } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { QuarterlyReport } from '../../../shared/api/reports.js';
import { can } from '../../../shared/auth/permissions.js';
import { quarterLastDay, quarterOf, recentQuarters, shiftQuarter } from '../../../shared/reports/quarters.js';
import { useApiQuery } from '../../api/query.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useFormat } from '../../format/index.js';
import { useSession } from '../auth/session.js';
import { useSyncStatus } from '../sync/use-sync-status.js';
import { ExportBar } from './ExportBar.js';
import { FigureDrawer } from './FigureDrawer.js';
import { OpenFigureContext } from './Figures.js';
import { ReportBody } from './ReportBody.js';
import { addressCentre, addressQuarter, isEmptyReport, parseOpenFigure, withOpenFigure, type OpenFigure } from './report-view.js';
import { useQuarterName } from './use-quarter-name.js';
import { useReportError } from './use-report-error.js';

const QUARTERS_SHOWN = 12;

export function ReportsPage() {
  const { t } = useTranslation();
  const { centre: ownCentre } = useSession();
  const [params, setParams] = useSearchParams();
  const sync = useSyncStatus();
  const reportError = useReportError();
  const national = sync.data?.role === 'national';

  const current = quarterOf(new Date().toISOString());
  const quarter = addressQuarter(params) ?? current;
  const centre = national ? addressCentre(params) : 'all';
  // A centre's workstation reports on its own centre; a national device on all centres unless one is chosen.
  const query = national && centre !== 'all' ? { quarter, centre } : { quarter };
  // With a centre in the address, wait to know whether this is a national device (else the
  // server would first be asked for the roll-up of every centre, for nothing).
  const knowRole = !params.has('centre') || !sync.isPending;
  const report = useApiQuery('reports.quarterly', query, { placeholderData: keepPreviousData, enabled: knowRole });
  // The centres to choose from: those the all-centres report covers.
  const allCentres = useApiQuery('reports.quarterly', { quarter }, { enabled: national && centre !== 'all' });

  const scheme = ownCentre?.quarterScheme ?? report.data?.scheme ?? 'calendar';
  const quarters = useQuarterName(scheme);

  const setParam = useCallback(
    (name: string, value: string | null) =>
      setParams(
        (prev) => {
          const next = withOpenFigure(prev, null);
          if (value === null) next.delete(name);
          else next.set(name, value);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const openFigure = useCallback((figure: OpenFigure) => setParams((prev) => withOpenFigure(prev, figure)), [setParams]);
  const closeFigure = useCallback(() => setParams((prev) => withOpenFigure(prev, null), { replace: true }), [setParams]);

  const options = recentQuarters(current, QUARTERS_SHOWN);
  if (!options.includes(quarter)) options.push(quarter);
  const quarterPicker = (
    <Select
      label={t('reports.quarter.label')}
      data={options.map((q) => ({ value: q, label: quarters.option(q, q === current) }))}
      value={quarter}
      onChange={(value) => value && setParam('quarter', value === current ? null : value)}
      allowDeselect={false}
      w={350}
      maw="100%"
      data-testid="report-quarter"
    />
  );
  const centres = (centre === 'all' ? report.data : allCentres.data)?.byCentre ?? [];
  const centreOptions = [
    { value: 'all', label: t('reports.centre.all') },
    ...[...centres]
      .sort((a, b) => a.centreName.localeCompare(b.centreName))
      .map((c) => ({ value: c.centreId, label: c.centreName })),
  ];
  if (centre !== 'all' && !centreOptions.some((o) => o.value === centre)) {
    centreOptions.push({ value: centre, label: report.data?.scope.name ?? centre });
  }
  const centrePicker = national ? (
    <Select
      label={t('reports.centre.label')}
      data={centreOptions}
      value={centre}
      onChange={(value) => value && setParam('centre', value === 'all' ? null : value)}
      allowDeselect={false}
      searchable
      w={240}
      data-testid="report-centre"
    />
  ) : null;

  const figure = parseOpenFigure(params);
  const quarterName = quarters.name(quarter);

  return (
    <OpenFigureContext value={openFigure}>
      <PageHeader
        title={t('reports.title')}
        description={t('reports.description')}
        actions={
          <Group gap="sm" align="flex-end" wrap="wrap">
            {centrePicker}
            {quarterPicker}
          </Group>
        }
      />
      {report.isError ? (
        <QueryError
          title={t('reports.errors.loadTitle')}
          error={reportError(report.error)}
          onRetry={() => void report.refetch()}
        />
      ) : !report.data ? (
        <ReportSkeleton />
      ) : (
        <Stack
          gap="lg"
          aria-busy={report.isPlaceholderData || undefined}
          style={{ opacity: report.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}
        >
          <ReportBar
            report={report.data}
            query={query}
            quarterName={quarterName}
            months={quarters.months(report.data.quarter)}
            current={report.data.quarter === current}
          />
          {isEmptyReport(report.data) ? (
            <EmptyReport
              quarterName={quarters.name(report.data.quarter)}
              // This quarter, empty: perhaps the last one was recorded; an older one: back to this quarter.
              other={quarter === current ? shiftQuarter(quarter, -1) : current}
              otherName={quarter === current ? quarters.name(shiftQuarter(quarter, -1)) : null}
              onOther={(other) => setParam('quarter', other === current ? null : other)}
            />
          ) : (
            <ReportBody report={report.data} />
          )}
        </Stack>
      )}
      <FigureDrawer figure={figure} report={report.data} query={query} quarterName={quarterName} onClose={closeFigure} />
    </OpenFigureContext>
  );
}

/** Whose report it is, for which quarter, when it was computed; and the export buttons. */
function ReportBar(props: {
  report: QuarterlyReport;
  query: { quarter: string; centre?: string };
  quarterName: string;
  months: string;
  current: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { report } = props;
  const scope =
    report.scope.kind === 'national'
      ? t('reports.scope.national', { name: report.scope.name, count: report.scope.centres })
      : t('reports.scope.centre', { name: report.scope.name });
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="center" gap="md" wrap="wrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <IconChartBar
              size={28}
              stroke={1.5}
              color="var(--mantine-primary-color-filled)"
              aria-hidden
              style={{ flexShrink: 0 }}
            />
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={650} size="lg" lh={1.3} data-testid="report-scope">
                {scope}
              </Text>
              <Text size="sm" c="dimmed" data-testid="report-quarter-name">
                {props.quarterName} · {props.months}
                {' · '}
                {t('reports.scope.generated', { time: format.dateTime(report.generatedAt) })}{' '}
                {report.source === 'server' ? t('reports.scope.fromServer') : t('reports.scope.fromWorkstation')}
              </Text>
            </Stack>
          </Group>
          <ExportBar report={report} query={props.query} />
        </Group>
        {props.current ? (
          <Alert
            variant="light"
            color="indigo"
            icon={<IconClockHour4 size={18} aria-hidden />}
            p="xs"
            styles={{ wrapper: { alignItems: 'center' } }}
          >
            <Text size="sm">
              {t(report.scope.kind === 'national' ? 'reports.quarter.inProgressNational' : 'reports.quarter.inProgress', {
                date: format.date(quarterLastDay(report.quarter)),
              })}
            </Text>
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

function EmptyReport(props: {
  quarterName: string;
  other: string;
  otherName: string | null;
  onOther: (quarter: string) => void;
}) {
  const { t } = useTranslation();
  const { role } = useSession();
  const canWrite = can(role, 'startups.write');
  return (
    <Paper withBorder radius="md" p="md">
      <EmptyState
        icon={<IconChartBar size={28} />}
        title={t('reports.empty.title', { quarter: props.quarterName })}
        description={canWrite ? t('reports.empty.body') : t('reports.empty.bodyReadOnly')}
        action={
          <Group gap="sm" justify="center">
            <Button variant="light" onClick={() => props.onOther(props.other)}>
              {props.otherName ? t('reports.empty.previous', { quarter: props.otherName }) : t('reports.empty.current')}
            </Button>
            {canWrite ? (
              <Button component={Link} to="/startups" variant="default" leftSection={<IconRocket size={16} aria-hidden />}>
                {t('reports.empty.startups')}
              </Button>
            ) : null}
          </Group>
        }
      />
    </Paper>
  );
}

function ReportSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" aria-busy aria-label={t('common.loading')}>
      <Skeleton h={84} radius="md" />
      <Skeleton h={96} radius="md" />
      <Skeleton h={26} w={180} radius="sm" />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <SimpleGrid cols={3} spacing="sm">
            {Array.from({ length: 9 }, (_, i) => (
              <Skeleton key={i} h={86} radius="md" />
            ))}
          </SimpleGrid>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Skeleton h={282} radius="md" />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
