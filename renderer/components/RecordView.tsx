import type { ReactNode } from 'react';
import { Button } from '@mantine/core';
import { IconFileOff } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ApiFailure } from '../../shared/api/errors.js';
import { DetailSkeleton } from './DetailSkeleton.js';
import { EmptyState } from './EmptyState.js';
import { QueryError } from './QueryError.js';

/** The loading, missing and failed states of a page that shows one record. */
export function RecordView<T>(props: {
  query: UseQueryResult<T, ApiFailure>;
  notFoundTitle: string;
  notFoundBody: string;
  children: (record: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { query } = props;
  if (query.isPending) return <DetailSkeleton />;
  if (query.isError) {
    if (query.error.error.code === 'not-found') {
      return (
        <EmptyState
          icon={<IconFileOff size={28} />}
          title={props.notFoundTitle}
          description={props.notFoundBody}
          action={
            <Button variant="light" onClick={() => void navigate(-1)}>
              {t('common.goBack')}
            </Button>
          }
        />
      );
    }
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{props.children(query.data)}</>;
}
