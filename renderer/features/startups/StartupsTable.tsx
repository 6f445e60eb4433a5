/**
 * The startups table: TanStack Table for columns and sort state, with sorting and paging
 * done by core (manual mode). Sortable headers are buttons; the active one carries
 * aria-sort.
 */
import { Skeleton, Table } from '@mantine/core';
import { flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { Startup } from '../../../shared/records/startups.js';
import { SortableHeader } from '../../components/ListPage.js';
import { COLUMN_IDS, useStartupColumns, type ColumnId } from './columns.js';
import { SORT_FIELDS, type SortField, type StartupListParams } from './list-params.js';

interface Props {
  rows: Startup[];
  loading: boolean;
  sort: StartupListParams['sort'];
  onSortChange: (sort: StartupListParams['sort']) => void;
  pageSize: number;
  visible: readonly ColumnId[];
  cohortNames: ReadonlyMap<string, string>;
}

export function StartupsTable(props: Props) {
  const { t } = useTranslation();

  const columns = useStartupColumns(props.cohortNames);
  const columnVisibility = Object.fromEntries(COLUMN_IDS.map((id) => [id, props.visible.includes(id)]));

  const sorting: SortingState = props.sort ? [{ id: props.sort.field, desc: props.sort.direction === 'desc' }] : [];
  const table = useReactTable({
    data: props.rows,
    columns,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: true,
    state: { sorting, columnVisibility },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      props.onSortChange(
        first && (SORT_FIELDS as readonly string[]).includes(first.id)
          ? { field: first.id as SortField, direction: first.desc ? 'desc' : 'asc' }
          : null,
      );
    },
  });

  return (
    <Table.ScrollContainer minWidth={Math.max(720, props.visible.length * 130)}>
      <Table
        highlightOnHover
        verticalSpacing="sm"
        aria-busy={props.loading || undefined}
        aria-label={t('startups.tableLabel')}
        style={{ whiteSpace: 'nowrap' }}
      >
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return header.column.getCanSort() ? (
                  <SortableHeader
                    key={header.id}
                    label={label}
                    name={String(header.column.columnDef.header)}
                    direction={header.column.getIsSorted()}
                    onSort={() => header.column.toggleSorting()}
                  />
                ) : (
                  <Table.Th key={header.id}>{label}</Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {props.loading && props.rows.length === 0
            ? Array.from({ length: Math.min(props.pageSize, 8) }, (_, i) => (
                <Table.Tr key={`skeleton-${i}`}>
                  {table.getVisibleLeafColumns().map((column) => (
                    <Table.Td key={column.id}>
                      <Skeleton height={14} radius="sm" />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : table.getRowModel().rows.map((row) => (
                <Table.Tr key={row.id}>
                  {row.getVisibleCells().map((cell) => (
                    <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
