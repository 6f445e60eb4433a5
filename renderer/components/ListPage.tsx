/**
 * The parts every list screen shares: a search box whose text reaches the address once
 * typing pauses, the filter bar, what an empty list says (with or without filters), sortable
 * column headers, and the "1–25 of 310" line with the page buttons.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import {
  Button,
  Center,
  Group,
  Pagination,
  Select,
  Table,
  Text,
  TextInput,
  UnstyledButton,
  type SelectProps,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconFilterOff, IconSearch } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiFailure } from '../../shared/api/errors.js';
import { useFormat } from '../format/index.js';
import { EmptyState } from './EmptyState.js';
import { QueryError } from './QueryError.js';

/** A text box whose value reaches the address (and so the query) once typing pauses. */
export function useAddressText(value: string, apply: (value: string) => void, delay = 250) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, delay);
  const lastApplied = useRef(debounced);
  useEffect(() => {
    // Only a settled value: after "Clear filters" the debounced value still lags behind.
    if (debounced !== text || debounced === lastApplied.current) return;
    lastApplied.current = debounced;
    if (debounced !== value) apply(debounced);
  }, [debounced, text, value, apply]);
  // The address changed from elsewhere (Clear filters, the back button).
  useEffect(() => {
    if (value !== lastApplied.current) {
      lastApplied.current = value;
      setText(value);
    }
  }, [value]);
  return [text, setText] as const;
}

/** The list's search box, first in its filter bar. */
export function SearchBox(props: { value: string; onChange: (value: string) => void; label?: string; placeholder?: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={props.label ?? t('lists.search')}
      placeholder={props.placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      type="search"
      style={{ flex: '1 1 200px' }}
    />
  );
}

/** The row of filters above a list; fields line up on their bottom edge and wrap when narrow. */
export function FilterBar(props: { children: ReactNode }) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      {props.children}
    </Group>
  );
}

/** A filter of the list: "Any" until one value is chosen; clearable, and searchable unless told otherwise. */
export function FilterSelect(props: Omit<SelectProps, 'clearable'>) {
  const { t } = useTranslation();
  return (
    <Select
      clearable
      searchable
      placeholder={t('lists.any')}
      nothingFoundMessage={t('common.noOptions')}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}

export function ClearFiltersButton(props: { onClick: () => void; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="subtle"
      size={props.compact ? 'compact-sm' : undefined}
      leftSection={<IconFilterOff size={16} aria-hidden />}
      onClick={props.onClick}
    >
      {t('lists.clearFilters')}
    </Button>
  );
}

/**
 * A list's results: the failure with a retry; when nothing came back, what to do next (clear
 * the filters, or add the first record); otherwise `children`.
 */
export function ListResults(props: {
  query: Pick<
    UseQueryResult<{ items: unknown[]; total: number; offset: number }, ApiFailure>,
    'isError' | 'error' | 'data' | 'isPlaceholderData' | 'refetch'
  >;
  filtered: boolean;
  onClearFilters?: () => void;
  empty: { icon: ReactNode; title: string; body: string; action?: ReactNode };
  emptyFiltered?: { title: string; body: string };
  /** The page buttons under the results, once a page has come. */
  paging?: Omit<ListPagingProps, 'offset' | 'shown' | 'total'>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { query } = props;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data && query.data.items.length === 0 && !query.isPlaceholderData) {
    if (props.filtered && props.emptyFiltered) {
      return (
        <EmptyState
          icon={<IconSearch size={28} />}
          title={props.emptyFiltered.title}
          description={props.emptyFiltered.body}
          action={
            props.onClearFilters ? (
              <Button variant="light" onClick={props.onClearFilters}>
                {t('lists.clearFilters')}
              </Button>
            ) : undefined
          }
        />
      );
    }
    return (
      <EmptyState icon={props.empty.icon} title={props.empty.title} description={props.empty.body} action={props.empty.action} />
    );
  }
  return (
    <>
      {props.children}
      {props.paging && query.data ? (
        <ListPaging offset={query.data.offset} shown={query.data.items.length} total={query.data.total} {...props.paging} />
      ) : null}
    </>
  );
}

interface ListPagingProps {
  offset: number;
  shown: number;
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  /** Offers these page sizes. */
  pageSizes?: readonly number[];
  onPageSize?: (size: number) => void;
  note?: ReactNode;
}

/** "26–50 of 310", a note after it, and the page buttons when there is more than one page. */
export function ListPaging(props: ListPagingProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('lists.showing', {
          from: format.number(props.total === 0 ? 0 : props.offset + 1),
          to: format.number(props.offset + props.shown),
          total: format.number(props.total),
        })}
        {props.note ? <> · {props.note}</> : null}
      </Text>
      <Group gap="md" wrap="wrap">
        {props.pageSizes && props.onPageSize ? (
          <Select
            label={t('lists.pageSize')}
            data={props.pageSizes.map((n) => ({ value: String(n), label: format.number(n) }))}
            value={String(props.pageSize)}
            onChange={(value) => value && props.onPageSize?.(Number(value))}
            allowDeselect={false}
            w={110}
            size="xs"
          />
        ) : null}
        {pages > 1 || props.pageSizes ? (
          <Pagination
            total={pages}
            value={Math.min(props.page, pages)}
            onChange={props.onPage}
            size="sm"
            getItemProps={(n) => ({ 'aria-label': t('lists.page', { page: n }) })}
            getControlProps={(control) => ({ 'aria-label': t(`lists.${control}`) })}
          />
        ) : null}
      </Group>
    </Group>
  );
}

export type SortDirection = 'asc' | 'desc';

/** A column header that sorts the list: a button, with aria-sort on the header when active. */
export function SortableHeader(props: {
  label: ReactNode;
  /** The column's name for the button's label. */
  name: string;
  direction: SortDirection | false;
  onSort: () => void;
}) {
  const { t } = useTranslation();
  const { direction } = props;
  return (
    <Table.Th aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}>
      <UnstyledButton onClick={props.onSort} aria-label={t('lists.sortBy', { column: props.name })}>
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm">
            {props.label}
          </Text>
          <Center aria-hidden>
            {direction === 'asc' ? (
              <IconArrowUp size={14} />
            ) : direction === 'desc' ? (
              <IconArrowDown size={14} />
            ) : (
              <IconArrowsSort size={14} opacity={0.5} />
            )}
          </Center>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
