/**
 * The report's figures: a KPI tile (label, value in its unit, the definition behind an "i")
 * and a figure inside a table or a tile's smaller line. Every figure is a button whose
 * accessible name says what it is and its value, and opens the records behind it.
 */
import { createContext, use, useId, useMemo, type ReactNode } from 'react';
import { ActionIcon, Anchor, Group, Paper, SimpleGrid, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Sector } from '../../../shared/records/startups.js';
import { kpiByKey, type KpiKey, type KpiSection } from '../../../shared/reports/kpis.js';
import { useFormat } from '../../format/index.js';
import classes from './Figures.module.css';
import type { OpenFigure } from './report-view.js';

/** Opens a figure's records (the drawer); provided by the report. */
export const OpenFigureContext = createContext<(figure: OpenFigure) => void>(() => undefined);

/** A KPI's label and definition in the viewer's language. */
export function useKpiText() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      label: (key: KpiKey) => t(`reports.kpis.${key}.label`),
      definition: (key: KpiKey) => t(`reports.kpis.${key}.definition`),
      section: (section: KpiSection) => t(`reports.sections.${section}`),
    }),
    [t],
  );
}

/** A KPI's value in its unit: Rs 1,250,000 · $12,500 · 102.3 h · 31% · 12; "–" for a share with no denominator. */
export function useKpiValue() {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(
    () => (key: KpiKey, value: number | null | undefined) => {
      if (value === null || value === undefined) return t('reports.figure.none');
      switch (kpiByKey.get(key)?.unit) {
        case 'pkr':
          return format.pkr(value);
        case 'usd':
          return format.usd(value);
        case 'hours':
          return t('reports.units.hours', {
            value: format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
          });
        case 'share':
          return format.number(value, { style: 'percent', maximumFractionDigits: 1 });
        default:
          return format.number(value);
      }
    },
    [format, t],
  );
}

/** Which breakdown a figure belongs to (a sector, a cohort, a centre), for its records. */
export interface FigureFilter {
  sector?: Sector;
  cohortId?: string;
  centreId?: string;
}

/**
 * A figure in a table cell or a tile's smaller line: `part` names what it is a part of
 * ("Fintech", "Women"), for its accessible name.
 */
export function FigureButton(props: {
  kpi: KpiKey;
  value: number | null | undefined;
  part?: string;
  filter?: FigureFilter;
  testId?: string;
}) {
  const { t } = useTranslation();
  const open = use(OpenFigureContext);
  const text = useKpiText();
  const formatValue = useKpiValue();
  const shown = formatValue(props.kpi, props.value);
  const label = text.label(props.kpi);
  return (
    <UnstyledButton
      className={`${classes.inline} ${!props.value ? classes.zero : ''}`}
      onClick={() => open({ kind: 'kpi', key: props.kpi, ...props.filter })}
      aria-label={
        props.part
          ? t('reports.figure.openPart', { label, part: props.part, value: shown })
          : t('reports.figure.open', { label, value: shown })
      }
      data-testid={props.testId}
    >
      {shown}
    </UnstyledButton>
  );
}

/** A smaller figure under a tile's value: "Women 3". */
export interface TilePart {
  kpi: KpiKey;
  label: string;
}

/** One KPI as a card: the whole card opens its records; the "i" shows its definition. */
export function KpiTile(props: {
  kpi: KpiKey;
  value: number | null | undefined;
  parts?: TilePart[][];
  values?: Partial<Record<KpiKey, number | null>>;
}) {
  const { t } = useTranslation();
  const open = use(OpenFigureContext);
  const text = useKpiText();
  const formatValue = useKpiValue();
  const definitionId = useId();
  const label = text.label(props.kpi);
  const definition = text.definition(props.kpi);
  const shown = formatValue(props.kpi, props.value);
  return (
    <Paper withBorder radius="md" px="md" py="sm" className={classes.tile} data-testid={`kpi-${props.kpi}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap={4}>
        <Text size="sm" c="dimmed" fw={500} lh={1.3}>
          {label}
        </Text>
        <Tooltip label={definition} multiline w={280} events={{ hover: true, focus: true, touch: true }} openDelay={150}>
          <ActionIcon
            className={classes.above}
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={t('reports.figure.about', { label })}
            mt={-2}
            me={-6}
          >
            <IconInfoCircle size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
      <UnstyledButton
        className={classes.stretched}
        onClick={() => open({ kind: 'kpi', key: props.kpi })}
        aria-label={t('reports.figure.open', { label, value: shown })}
        aria-describedby={definitionId}
      >
        <Text
          fz={shown.length > 12 ? 20 : 24}
          fw={700}
          lh={1.25}
          mt={2}
          className={classes.value}
          c={props.value === null ? 'dimmed' : undefined}
          title={props.value === null ? t('reports.figure.noneHint') : undefined}
          data-testid={`kpi-${props.kpi}-value`}
        >
          {shown}
        </Text>
      </UnstyledButton>
      <VisuallyHidden id={definitionId}>{definition}</VisuallyHidden>
      {props.parts?.map((line, i) => (
        <Group key={i} gap="sm" mt={i === 0 ? 4 : 2} className={classes.above} style={{ display: 'inline-flex', width: '100%' }}>
          {line.map((part) => (
            <Text key={part.kpi} size="xs" c="dimmed" span>
              {part.label}{' '}
              <Text span fw={600} c="var(--mantine-color-text)" size="xs">
                <FigureButton kpi={part.kpi} value={props.values?.[part.kpi]} testId={`kpi-${part.kpi}-value`} />
              </Text>
            </Text>
          ))}
        </Group>
      ))}
    </Paper>
  );
}

/**
 * A grid of tiles that fits its container: up to `cols` a row where there is room, two or
 * one where there is not (the grid measures its container, not the window).
 */
export function TileGrid(props: { cols: 2 | 3 | 4; children: ReactNode }) {
  return (
    <SimpleGrid
      type="container"
      cols={{ base: 1, '330px': 2, '520px': Math.min(props.cols, 3), '700px': props.cols }}
      spacing="sm"
      verticalSpacing="sm"
    >
      {props.children}
    </SimpleGrid>
  );
}

/**
 * A startup, mentor or trainee of the report: a link to their page where this workstation
 * holds them (its own centre's report), their name only in a national report (a national
 * device does not hold the centres' records).
 */
export function RecordName(props: { to: string; local: boolean; children: ReactNode; label?: string }) {
  if (!props.local)
    return (
      <Text span size="sm" fw={500}>
        {props.children}
      </Text>
    );
  return (
    <Anchor component={Link} to={props.to} size="sm" fw={500} aria-label={props.label}>
      {props.children}
    </Anchor>
  );
}
