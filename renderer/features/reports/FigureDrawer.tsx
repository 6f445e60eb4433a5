/**
 * The records behind a figure, in a drawer at the side: `reports.rows` a page at a time, each
 * row naming the startup, mentor or trainee it is about (a link to their page where this
 * workstation holds them), what the row
 * says and what it adds to the figure. Also the startups that owe the quarter's check-in.
 * Which figure is open lives in the address, so Back from a startup's page reopens it.
 */
import { useRef, useState } from 'react';
import { Badge, Button, Drawer, Group, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconClipboardList, IconRocket, IconSchool, IconUserStar } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QuarterlyReport, ReportRow } from '../../../shared/api/reports.js';
import { kpiByKey } from '../../../shared/reports/kpis.js';
import { useApiQuery } from '../../api/query.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ListPaging } from '../../components/ListPage.js';
import { QueryError } from '../../components/QueryError.js';
import { useFormat } from '../../format/index.js';
import { RecordName, useKpiText, useKpiValue } from './Figures.js';
import { figureValue, missingCheckIns, readableDetail, type OpenFigure } from './report-view.js';
import { useReportError } from './use-report-error.js';

const PAGE_SIZE = 50;

const SUBJECT_PATH = { startup: '/startups', mentor: '/mentors', trainee: '/trainees' } as const;
const SUBJECT_ICON = { startup: IconRocket, mentor: IconUserStar, trainee: IconSchool } as const;
const SUBJECT_COLOR = { startup: 'brand', mentor: 'indigo', trainee: 'orange' } as const;

export function FigureDrawer(props: {
  figure: OpenFigure | null;
  report: QuarterlyReport | undefined;
  /** The report's query: its quarter and, on a national device, its centre. */
  query: { quarter: string; centre?: string };
  quarterName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useKpiText();
  const { figure, report } = props;
  const opened = figure !== null && report !== undefined;

  let title = '';
  if (figure?.kind === 'missing-check-ins') title = t('reports.checkIns.missingTitle');
  else if (figure) {
    const label = text.label(figure.key);
    const part = figure.sector ? t(`enums.sector.${figure.sector}`) : partName(figure, report);
    title = part
      ? t('reports.rows.titlePart', { label, part, quarter: props.quarterName })
      : t('reports.rows.title', { label, quarter: props.quarterName });
  }

  return (
    <Drawer
      opened={opened}
      onClose={props.onClose}
      position="right"
      size={640}
      title={
        <Text fw={650} size="lg">
          {title}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('reports.rows.close') }}
      padding="lg"
    >
      {figure?.kind === 'kpi' && report ? (
        <FigureRows
          // A new figure starts on its first page.
          key={`${figure.key}|${figure.sector ?? ''}|${figure.cohortId ?? ''}|${figure.centreId ?? ''}`}
          figure={figure}
          query={props.query}
          // The report shown may still be the previous quarter's while this one's loads.
          value={report.quarter === props.query.quarter ? figureValue(report, figure) : undefined}
          local={report.source === 'workstation'}
        />
      ) : figure?.kind === 'missing-check-ins' && report ? (
        <MissingCheckIns report={report} quarterName={props.quarterName} local={report.source === 'workstation'} />
      ) : null}
    </Drawer>
  );
}

/** The cohort or centre a figure's records are narrowed to. */
function partName(figure: Extract<OpenFigure, { kind: 'kpi' }>, report: QuarterlyReport | undefined): string | null {
  if (figure.cohortId) return report?.byCohort.find((c) => c.cohortId === figure.cohortId)?.cohortName ?? null;
  if (figure.centreId) return report?.byCentre.find((c) => c.centreId === figure.centreId)?.centreName ?? null;
  return null;
}

function FigureRows(props: {
  figure: Extract<OpenFigure, { kind: 'kpi' }>;
  query: { quarter: string; centre?: string };
  /** The figure as the report shows it (unknown while the report loads). */
  value: number | null | undefined;
  /** Records can be opened here (this workstation's own centre). */
  local: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useKpiText();
  const formatValue = useKpiValue();
  const [page, setPage] = useState(1);
  const top = useRef<HTMLDivElement>(null);
  // A new page is read from its first row.
  const showPage = (next: number) => {
    setPage(next);
    // The drawer's content scrolls, under its sticky title.
    top.current?.closest('.mantine-Drawer-content')?.scrollTo({ top: 0 });
  };
  const reportError = useReportError();
  const { figure } = props;
  const rows = useApiQuery(
    'reports.rows',
    {
      ...props.query,
      key: figure.key,
      ...(figure.sector ? { sector: figure.sector } : {}),
      ...(figure.cohortId ? { cohortId: figure.cohortId } : {}),
      ...(figure.centreId ? { centreId: figure.centreId } : {}),
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    },
    { placeholderData: keepPreviousData },
  );
  const label = text.label(figure.key);

  // A count whose every row adds 1 says nothing more in an "Adds" column.
  const unit = kpiByKey.get(figure.key)?.unit;
  const share = unit === 'share';
  const showValue = share || unit !== 'count' || (rows.data?.rows ?? []).some((row) => row.value !== 1);
  const columns: DataColumn<ReportRow>[] = [
    {
      key: 'subject',
      header: t('reports.rows.subject'),
      minWidth: 180,
      cell: (row) => {
        const Icon = SUBJECT_ICON[row.subject.kind];
        return (
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon variant="light" color={SUBJECT_COLOR[row.subject.kind]} size="sm" radius="sm" aria-hidden>
              <Icon size={13} />
            </ThemeIcon>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <RecordName to={`${SUBJECT_PATH[row.subject.kind]}/${row.subject.id}`} local={props.local}>
                {row.subject.name || t(`reports.rows.kinds.${row.subject.kind}`)}
              </RecordName>
              <Text size="xs" c="dimmed">
                {t(`reports.rows.kinds.${row.subject.kind}`)}
              </Text>
            </Stack>
          </Group>
        );
      },
    },
    {
      key: 'detail',
      header: t('reports.rows.detail'),
      cell: (row) => <Text size="sm">{readableDetail(row.detail, format)}</Text>,
    },
  ];
  if (share)
    columns.push({
      key: 'value',
      header: t('reports.rows.counted'),
      align: 'end',
      cell: (row) =>
        row.value ? (
          <Badge variant="light" color="brand">
            {t('reports.rows.yes')}
          </Badge>
        ) : (
          <Badge variant="light" color="gray">
            {t('reports.rows.no')}
          </Badge>
        ),
    });
  else if (showValue)
    columns.push({
      key: 'value',
      header: t('reports.rows.value'),
      align: 'end',
      cell: (row) => (
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {formatValue(figure.key, row.value)}
        </Text>
      ),
    });

  if (rows.isError) return <QueryError error={reportError(rows.error)} onRetry={() => void rows.refetch()} />;
  const data = rows.data;
  return (
    <Stack gap="md" ref={top}>
      <Stack gap={4}>
        {props.value !== undefined ? (
          <Text fz={30} fw={700} lh={1.15} data-testid="figure-value" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatValue(figure.key, props.value)}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {text.definition(figure.key)}
        </Text>
      </Stack>
      {data ? (
        <Text size="sm" fw={500} aria-live="polite">
          {share
            ? t('reports.rows.shareTotal', { count: data.total, formatted: format.number(data.total) })
            : t('reports.rows.total', { count: data.total, formatted: format.number(data.total) })}
        </Text>
      ) : null}
      {data && data.total === 0 ? (
        <EmptyState
          icon={<IconClipboardList size={28} />}
          title={t('reports.rows.empty')}
          description={text.definition(figure.key)}
        />
      ) : (
        <>
          <DataTable
            label={t('reports.rows.tableLabel', { label })}
            rows={(data?.rows ?? []).map((row) => ({ ...row, id: `${row.table}:${row.id}` }))}
            columns={columns}
            minWidth={520}
            loading={rows.isFetching}
            skeletonRows={6}
            striped
            rowTestId="report-row"
          />
          {data ? (
            <ListPaging
              offset={(page - 1) * PAGE_SIZE}
              shown={data.rows.length}
              total={data.total}
              page={page}
              pageSize={PAGE_SIZE}
              onPage={showPage}
            />
          ) : null}
        </>
      )}
    </Stack>
  );
}

function MissingCheckIns(props: { report: QuarterlyReport; quarterName: string; local: boolean }) {
  const { t } = useTranslation();
  const missing = missingCheckIns(props.report);
  if (missing.length === 0) {
    return (
      <EmptyState
        icon={<IconClipboardList size={28} />}
        title={t('reports.checkIns.missingEmpty')}
        description={t('reports.checkIns.description')}
      />
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('reports.checkIns.missingDescription', { quarter: props.quarterName })}
      </Text>
      <Table verticalSpacing="sm" striped aria-label={t('reports.checkIns.missingTitle')}>
        <Table.Tbody>
          {missing.map((s) => (
            <Table.Tr key={s.startupId} data-testid="missing-check-in">
              <Table.Td>
                <RecordName to={`/startups/${s.startupId}`} local={props.local}>
                  {s.name}
                </RecordName>
                <Text size="xs" c="dimmed">
                  {[s.sector ? t(`enums.sector.${s.sector}`) : null, s.cohortName].filter(Boolean).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td ta="end">
                {props.local ? (
                  <Button
                    component={Link}
                    to={`/startups/${s.startupId}/check-ins?quarter=${props.report.quarter}`}
                    size="xs"
                    variant="light"
                    aria-label={t('reports.checkIns.openCheckInFor', { name: s.name })}
                  >
                    {t('reports.checkIns.openCheckIn')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
