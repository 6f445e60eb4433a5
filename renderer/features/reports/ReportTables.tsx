/**
 * The report's tables: figures by sector, by cohort and (national) by centre, each cell a
 * figure that opens its records for that sector, cohort or centre; funding by source; the
 * mentors' sessions and hours.
 */
import { useState, type ReactNode } from 'react';
import { Button, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuarterlyReport } from '../../../shared/api/reports.js';
import type { KpiKey } from '../../../shared/reports/kpis.js';
import { SectionHeading } from '../../components/Panel.js';
import { useFormat } from '../../format/index.js';
import { FigureButton, RecordName, useKpiText, type FigureFilter } from './Figures.js';
import { mentorsByHours, withFigures } from './report-view.js';

/** How many rows a long table shows until "Show all". */
const SHOWN = 8;

export function TablePanel(props: { title: string; hint?: string; children: ReactNode; label?: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={props.label ?? props.title} h="100%">
      <Stack gap="sm">
        <SectionHeading title={props.title} description={props.hint} small />
        {props.children}
      </Stack>
    </Paper>
  );
}

function ShowAll(props: { total: number; all: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  if (props.total <= SHOWN) return null;
  return (
    <Button variant="subtle" size="compact-sm" onClick={props.onToggle} style={{ alignSelf: 'flex-start' }}>
      {props.all ? t('reports.tables.showFewer') : t('reports.tables.showAll', { count: props.total })}
    </Button>
  );
}

interface BreakdownColumn {
  kpi: KpiKey;
  header: string;
}

interface BreakdownRow {
  id: string;
  name: ReactNode;
  /** For the figures' accessible names: "Fintech". */
  part: string;
  filter: FigureFilter;
  values: Partial<Record<KpiKey, number | null>>;
}

/** A table of breakdown rows, a figure button in every cell. */
function BreakdownTable(props: {
  label: string;
  nameHeader: string;
  columns: BreakdownColumn[];
  rows: BreakdownRow[];
  testId: string;
}) {
  const text = useKpiText();
  const [all, setAll] = useState(false);
  const shown = all ? props.rows : props.rows.slice(0, SHOWN);
  return (
    <>
      <Table.ScrollContainer minWidth={190 + props.columns.length * 84}>
        <Table verticalSpacing={6} striped highlightOnHover aria-label={props.label} data-testid={props.testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={190}>{props.nameHeader}</Table.Th>
              {props.columns.map((c) => (
                <Table.Th key={c.kpi} ta="end" title={text.definition(c.kpi)} style={{ whiteSpace: 'nowrap' }}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td fw={500}>{row.name}</Table.Td>
                {props.columns.map((c) => (
                  <Table.Td key={c.kpi} ta="end" style={{ whiteSpace: 'nowrap' }}>
                    <FigureButton kpi={c.kpi} value={row.values[c.kpi] ?? 0} part={row.part} filter={row.filter} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ShowAll total={props.rows.length} all={all} onToggle={() => setAll((v) => !v)} />
    </>
  );
}

const SECTOR_COLUMNS = [
  ['startups.active', 'active'],
  ['startups.inducted', 'inducted'],
  ['startups.graduated', 'graduated'],
  ['mentoring.sessions', 'sessions'],
  ['mentoring.hours', 'hours'],
  ['jobs.fullTime', 'jobs'],
  ['revenue.pkr', 'revenue'],
] as const;

const COHORT_COLUMNS = [
  ['startups.active', 'active'],
  ['mentoring.sessions', 'sessions'],
  ['trainees.enrolled', 'enrolled'],
  ['trainees.completed', 'completed'],
  ['trainees.certified', 'certified'],
  ['trainees.placed', 'placed'],
] as const;

function useColumns(spec: readonly (readonly [KpiKey, string])[]): BreakdownColumn[] {
  const { t } = useTranslation();
  return spec.map(([kpi, name]) => ({ kpi, header: t(`reports.tables.columns.${name}` as 'reports.tables.columns.active') }));
}

export function SectorTable({ report }: { report: QuarterlyReport }) {
  const { t } = useTranslation();
  const columns = useColumns(SECTOR_COLUMNS);
  const rows = withFigures(
    report.bySector,
    columns.map((c) => c.kpi),
  )
    .map((s) => ({ ...s, label: t(`enums.sector.${s.sector}`) }))
    .sort((a, b) => (b.values['startups.active'] ?? 0) - (a.values['startups.active'] ?? 0) || a.label.localeCompare(b.label));
  return (
    <TablePanel title={t('reports.tables.bySector')} hint={t('reports.tables.bySectorHint')}>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.tables.noSectors')}
        </Text>
      ) : (
        <BreakdownTable
          label={t('reports.tables.bySector')}
          nameHeader={t('reports.tables.sector')}
          columns={columns}
          testId="table-by-sector"
          rows={rows.map((s) => ({ id: s.sector, name: s.label, part: s.label, filter: { sector: s.sector }, values: s.values }))}
        />
      )}
    </TablePanel>
  );
}

export function CohortTable({ report }: { report: QuarterlyReport }) {
  const { t } = useTranslation();
  const columns = useColumns(COHORT_COLUMNS);
  const rows = withFigures(
    report.byCohort,
    columns.map((c) => c.kpi),
  );
  const hidden = report.byCohort.length - rows.length;
  return (
    <TablePanel title={t('reports.tables.byCohort')} hint={t('reports.tables.byCohortHint')}>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.tables.noCohorts')}
        </Text>
      ) : (
        <BreakdownTable
          label={t('reports.tables.byCohort')}
          nameHeader={t('reports.tables.cohort')}
          columns={columns}
          testId="table-by-cohort"
          rows={rows.map((c) => ({
            id: c.cohortId,
            name: (
              <>
                <Text size="sm" fw={500} lh={1.3}>
                  {c.cohortName}
                </Text>
                {c.programmeName ? (
                  <Text size="xs" c="dimmed" lh={1.3}>
                    {c.programmeName}
                  </Text>
                ) : null}
              </>
            ),
            part: c.cohortName,
            filter: { cohortId: c.cohortId },
            values: c.values,
          }))}
        />
      )}
      {hidden > 0 && rows.length > 0 ? (
        <Text size="xs" c="dimmed">
          {t('reports.tables.hiddenZero', { count: hidden })}
        </Text>
      ) : null}
    </TablePanel>
  );
}

export function CentreTable({ report }: { report: QuarterlyReport }) {
  const { t } = useTranslation();
  const columns = useColumns(SECTOR_COLUMNS);
  return (
    <TablePanel title={t('reports.tables.byCentre')} hint={t('reports.tables.byCentreHint')}>
      <BreakdownTable
        label={t('reports.tables.byCentre')}
        nameHeader={t('reports.tables.centre')}
        columns={columns}
        testId="table-by-centre"
        rows={report.byCentre.map((c) => ({
          id: c.centreId,
          name: c.centreName,
          part: c.centreName,
          filter: { centreId: c.centreId },
          values: c.values,
        }))}
      />
    </TablePanel>
  );
}

export function FundingTable({ report }: { report: QuarterlyReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const sources = report.fundingBySource.filter((s) => s.committedPkr !== 0 || s.raisedPkr !== 0);
  return (
    <TablePanel title={t('reports.tables.funding')} hint={t('reports.tables.fundingHint')}>
      {sources.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.tables.fundingEmpty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={380}>
          <Table verticalSpacing={6} striped aria-label={t('reports.tables.funding')} data-testid="table-funding">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.tables.source')}</Table.Th>
                <Table.Th ta="end">{t('reports.tables.committed')}</Table.Th>
                <Table.Th ta="end">{t('reports.tables.raised')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sources.map((s) => (
                <Table.Tr key={s.source}>
                  <Table.Td>{s.source}</Table.Td>
                  <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                    {format.pkr(s.committedPkr)}
                  </Table.Td>
                  <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                    {format.pkr(s.raisedPkr)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('reports.tables.total')}</Table.Th>
                <Table.Th ta="end" style={{ whiteSpace: 'nowrap' }}>
                  <FigureButton
                    kpi="funding.committedPkr"
                    value={report.values['funding.committedPkr']}
                    part={t('reports.tables.total')}
                  />
                </Table.Th>
                <Table.Th ta="end" style={{ whiteSpace: 'nowrap' }}>
                  <FigureButton
                    kpi="funding.raisedPkr"
                    value={report.values['funding.raisedPkr']}
                    part={t('reports.tables.total')}
                  />
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </TablePanel>
  );
}

export function MentorTable({ report }: { report: QuarterlyReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [all, setAll] = useState(false);
  const mentors = mentorsByHours(report);
  const local = report.source === 'workstation';
  const shown = all ? mentors : mentors.slice(0, SHOWN);
  const sessionsLink = (mentorId: string) => {
    const last = new Date(Date.parse(`${report.end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    return `/sessions?mentor=${mentorId}&from=${report.start}&to=${last}`;
  };
  return (
    <TablePanel title={t('reports.tables.mentors')} hint={t('reports.tables.mentorsHint')}>
      {mentors.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.tables.mentorsEmpty')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={520}>
            <Table
              verticalSpacing={6}
              striped
              highlightOnHover
              aria-label={t('reports.tables.mentors')}
              data-testid="table-mentors"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.tables.mentor')}</Table.Th>
                  <Table.Th>{t('reports.tables.country')}</Table.Th>
                  <Table.Th ta="end">{t('reports.tables.sessions')}</Table.Th>
                  <Table.Th ta="end">{t('reports.tables.hours')}</Table.Th>
                  <Table.Th ta="end">{t('reports.tables.startups')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((m) => (
                  <Table.Tr key={m.mentorId}>
                    <Table.Td>
                      <RecordName to={`/mentors/${m.mentorId}`} local={local}>
                        {m.name}
                      </RecordName>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={m.country ? undefined : 'dimmed'}>
                        {m.country ?? t('reports.figure.none')}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="end">
                      <RecordName
                        to={sessionsLink(m.mentorId)}
                        local={local}
                        label={t('reports.tables.mentorSessions', { name: m.name, count: m.sessions })}
                      >
                        {format.number(m.sessions)}
                      </RecordName>
                    </Table.Td>
                    <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {format.number(m.hours, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}
                    </Table.Td>
                    <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {format.number(m.startups)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ShowAll total={mentors.length} all={all} onToggle={() => setAll((v) => !v)} />
        </>
      )}
    </TablePanel>
  );
}
