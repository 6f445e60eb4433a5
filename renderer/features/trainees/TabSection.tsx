import type { ReactNode } from 'react';
import { Button, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiFailure } from '../../../shared/api/errors.js';
import { QueryError } from '../../components/QueryError.js';

/**
 * One tab of a trainee's record: a small table of rows, an Add button, an empty message, and
 * (for those who may change them) each row's edit and delete buttons from `actions`.
 */
export function TabSection<T extends { id: string }>(props: {
  query: UseQueryResult<{ items: T[] }, ApiFailure>;
  label: string;
  columns: string[];
  row: (item: T) => ReactNode[];
  empty: string;
  /** How many rows there are, in words ("2 enrolments"), shown above the table. */
  count: (count: number) => string;
  addLabel?: string;
  onAdd?: () => void;
  actions?: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const { query, actions } = props;
  const add = props.onAdd ? (
    <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={props.onAdd}>
      {props.addLabel}
    </Button>
  ) : null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Skeleton height={80} />;
  const items = query.data.items;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {items.length === 0 ? props.empty : props.count(items.length)}
        </Text>
        {add}
      </Group>
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table highlightOnHover={Boolean(actions)} aria-label={props.label} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                {props.columns.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
                {actions ? (
                  <Table.Th w={88}>
                    <VisuallyHidden>{t('trainees.rowActions.column')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  {props.row(item).map((cell, i) => (
                    <Table.Td key={i}>{cell}</Table.Td>
                  ))}
                  {actions ? <Table.Td>{actions(item)}</Table.Td> : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
