/**
 * The startups table's columns: what each shows on screen, which of them the user has
 * chosen to see (kept in localStorage), and the export of those columns as they read on
 * screen (export.list's options: headers, words for enums, the cohort's name, local times).
 */
import { useCallback, useMemo } from 'react';
import { Anchor, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Sector, Stage, type Startup } from '../../../shared/records/startups.js';
import { useFormat } from '../../format/index.js';
import type { ExportOptions } from '../import/ExportButtons.js';
import { StageBadge } from './StageBadge.js';

export const COLUMN_IDS = [
  'name',
  'sector',
  'stage',
  'cohort',
  'city',
  'womenLed',
  'foundedOn',
  'website',
  'contactEmail',
  'registrationNo',
  'createdAt',
  'updatedAt',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** Shown until the user chooses otherwise. The name is always shown. */
export const DEFAULT_COLUMNS: ColumnId[] = ['name', 'sector', 'stage', 'city', 'womenLed', 'updatedAt'];

const LABEL_KEYS = {
  name: 'startups.fields.name',
  sector: 'startups.fields.sector',
  stage: 'startups.fields.stage',
  cohort: 'startups.fields.cohort',
  city: 'startups.fields.city',
  womenLed: 'startups.fields.womenLedShort',
  foundedOn: 'startups.fields.foundedOn',
  website: 'startups.fields.website',
  contactEmail: 'startups.fields.contactEmail',
  registrationNo: 'startups.fields.registrationNo',
  createdAt: 'startups.fields.createdAt',
  updatedAt: 'startups.fields.updatedAt',
} as const;

export function columnLabel(t: TFunction, id: ColumnId): string {
  return t(LABEL_KEYS[id]);
}

type PlainColumn = Exclude<ColumnId, 'name' | 'stage' | 'foundedOn' | 'createdAt' | 'updatedAt' | 'website'>;

/** A plain cell's text: labels in the viewer's language, the cohort's name, "Yes"/"No". */
function plainText(t: TFunction, id: PlainColumn, s: Startup, cohortNames: ReadonlyMap<string, string>): string {
  switch (id) {
    case 'sector':
      return t(`enums.sector.${s.sector}`);
    case 'cohort':
      return s.cohortId ? (cohortNames.get(s.cohortId) ?? '') : '';
    case 'womenLed':
      return s.womenLed ? t('common.yes') : t('common.no');
    default:
      return s[id] ?? '';
  }
}

/**
 * What "Export CSV/XLSX" asks core for: the visible columns in their order under their
 * headers, sector and stage in words, Yes/No, the cohort's name and times in the viewer's
 * zone, as the table shows them.
 */
export function exportOptions(t: TFunction, visible: readonly ColumnId[], timeZone: string): ExportOptions {
  return {
    columns: visible.map((id) => (id === 'cohort' ? 'cohortId' : id)),
    headers: visible.map((id) => columnLabel(t, id)),
    valueLabels: {
      sector: Object.fromEntries(Sector.options.map((v) => [v, t(`enums.sector.${v}`)])),
      stage: Object.fromEntries(Stage.options.map((v) => [v, t(`enums.stage.${v}`)])),
      womenLed: { true: t('common.yes'), false: t('common.no') },
    },
    references: 'names',
    timeZone,
  };
}

const SORTABLE: ReadonlySet<ColumnId> = new Set(['name', 'sector', 'stage', 'foundedOn', 'createdAt', 'updatedAt']);

export function useStartupColumns(cohortNames: ReadonlyMap<string, string>): ColumnDef<Startup>[] {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo<ColumnDef<Startup>[]>(() => {
    const dash = (
      <Text span c="dimmed">
        —
      </Text>
    );
    const cell = (id: ColumnId, s: Startup) => {
      switch (id) {
        case 'name':
          return (
            <Anchor component={Link} to={`/startups/${s.id}`} fw={600}>
              {s.name}
            </Anchor>
          );
        case 'stage':
          return <StageBadge stage={s.stage} />;
        case 'foundedOn':
          return s.foundedOn ? format.date(s.foundedOn) : dash;
        case 'createdAt':
        case 'updatedAt':
          return format.dateTime(s[id]);
        case 'website':
          return s.website ? (
            <Anchor href={s.website} target="_blank" rel="noopener noreferrer" size="sm">
              {s.website.replace(/^https?:\/\//, '')}
            </Anchor>
          ) : (
            dash
          );
        default: {
          const text = plainText(t, id, s, cohortNames);
          return text === '' ? dash : text;
        }
      }
    };
    return COLUMN_IDS.map((id) => ({
      id,
      accessorKey: id === 'cohort' ? 'cohortId' : id,
      header: columnLabel(t, id),
      enableSorting: SORTABLE.has(id),
      cell: ({ row }) => cell(id, row.original),
    }));
  }, [t, format, cohortNames]);
}

/** The columns the user chose to see, remembered on this workstation. */
export function useVisibleColumns() {
  const [stored, setStored] = useLocalStorage<ColumnId[]>({
    key: 'incubator.startups.columns',
    defaultValue: DEFAULT_COLUMNS,
    getInitialValueInEffect: false,
  });
  const visible = useMemo(() => {
    const valid = Array.isArray(stored) ? stored.filter((id) => (COLUMN_IDS as readonly string[]).includes(id)) : DEFAULT_COLUMNS;
    return COLUMN_IDS.filter((id) => id === 'name' || valid.includes(id));
  }, [stored]);
  const toggle = useCallback(
    (id: ColumnId, on: boolean) => {
      if (id === 'name') return;
      setStored((current) => {
        const base = Array.isArray(current) ? current : DEFAULT_COLUMNS;
        return on ? [...new Set([...base, id])] : base.filter((c) => c !== id);
      });
    },
    [setStored],
  );
  const reset = useCallback(() => setStored(DEFAULT_COLUMNS), [setStored]);
  return { visible, toggle, reset };
}
