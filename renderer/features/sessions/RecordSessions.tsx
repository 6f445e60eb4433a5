/** A mentor's or a startup's sessions on its own page: newest first, a page at a time. */
import { useState, type ReactNode } from 'react';
import { Stack } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { EmptyState } from '../../components/EmptyState.js';
import { ListPaging } from '../../components/ListPage.js';
import { Panel } from '../../components/Panel.js';
import { QueryError } from '../../components/QueryError.js';
import { useApiQuery } from '../../api/query.js';
import { SessionsTable, type SessionColumn } from './SessionsTable.js';

export function RecordSessions(props: {
  filter: { mentorId: string } | { startupId: string };
  title: string;
  /** Beside the title, given the number of sessions in all. */
  aside?: (total: number) => ReactNode;
  empty: { title: string; body: string };
  /** The column of the record whose page it is. */
  hide: SessionColumn[];
  pageSize: number;
}) {
  const [page, setPage] = useState(1);
  const sessions = useApiQuery(
    'sessions.list',
    {
      filter: props.filter,
      sort: { field: 'startsAt', direction: 'desc' },
      limit: props.pageSize,
      offset: (page - 1) * props.pageSize,
    },
    { placeholderData: keepPreviousData },
  );
  const total = sessions.data?.total ?? 0;
  return (
    <Panel title={props.title} actions={total > 0 ? props.aside?.(total) : null}>
      {sessions.isError ? (
        <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data && sessions.data.items.length === 0 ? (
        <EmptyState icon={<IconMessages size={28} />} title={props.empty.title} description={props.empty.body} />
      ) : (
        <Stack gap="sm">
          <SessionsTable
            rows={sessions.data?.items ?? []}
            loading={sessions.isPending || sessions.isPlaceholderData}
            label={props.title}
            hide={props.hide}
            skeletonRows={3}
          />
          {sessions.data && total > props.pageSize ? (
            <ListPaging
              offset={sessions.data.offset}
              shown={sessions.data.items.length}
              total={total}
              page={page}
              pageSize={props.pageSize}
              onPage={setPage}
            />
          ) : null}
        </Stack>
      )}
    </Panel>
  );
}
