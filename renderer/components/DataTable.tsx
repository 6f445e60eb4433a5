import type { ReactNode } from 'react';
import { Skeleton, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface DataColumn<T> {
  /** Identifies the column (React key). */
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Numbers and row buttons sit at the end of their cell. */
  align?: 'end';
  width?: number;
  /** Keeps the column at least this wide (tags, badges) when the table is narrow. */
  minWidth?: number;
  /** The row's name: in bold. */
  strong?: boolean;
}

/**
 * A plain table of rows with a header, scrolling sideways when narrower than `minWidth`; a
 * last column of row buttons when `actions` is given, and placeholder rows while `loading`
 * with nothing to show yet.
 */
export function DataTable<T extends { id: string }>(props: {
  label: string;
  rows: readonly T[];
  columns: readonly DataColumn<T>[];
  minWidth: number;
  actions?: (row: T) => ReactNode;
  loading?: boolean;
  skeletonRows?: number;
  highlightOnHover?: boolean;
  striped?: boolean;
  rowTestId?: string;
}) {
  const { t } = useTranslation();
  const { columns, actions } = props;
  const span = columns.length + (actions ? 1 : 0);
  return (
    <Table.ScrollContainer minWidth={props.minWidth}>
      <Table
        verticalSpacing="sm"
        highlightOnHover={props.highlightOnHover}
        striped={props.striped}
        aria-label={props.label}
        aria-busy={props.loading || undefined}
      >
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} ta={c.align} w={c.width} miw={c.minWidth}>
                {c.header}
              </Table.Th>
            ))}
            {actions ? (
              <Table.Th>
                <VisuallyHidden>{t('lists.actions')}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ opacity: props.loading && props.rows.length > 0 ? 0.6 : 1 }}>
          {props.loading && props.rows.length === 0
            ? Array.from({ length: props.skeletonRows ?? 4 }, (_, i) => (
                <Table.Tr key={`skeleton-${i}`}>
                  {Array.from({ length: span }, (_, j) => (
                    <Table.Td key={j}>
                      <Skeleton height={14} radius="sm" />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : props.rows.map((row) => (
                <Table.Tr key={row.id} data-testid={props.rowTestId}>
                  {columns.map((c) => (
                    <Table.Td key={c.key} ta={c.align} fw={c.strong ? 600 : undefined}>
                      {c.cell(row)}
                    </Table.Td>
                  ))}
                  {actions ? <Table.Td ta="end">{actions(row)}</Table.Td> : null}
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
