/**
 * The frame every record's detail page shares: breadcrumbs back to its list, and what to
 * show when the record cannot be loaded (gone: an empty state with a way back; any other
 * failure: the error with a retry).
 */
import type { ReactNode } from 'react';
import { Anchor, Breadcrumbs, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiFailure } from '../../shared/api/errors.js';
import { EmptyState } from './EmptyState.js';
import { QueryError } from './QueryError.js';

export function DetailCrumbs(props: { listTo: string; listLabel: string; current?: string | null }) {
  const { t } = useTranslation();
  return (
    <Breadcrumbs aria-label={t('common.breadcrumbs')}>
      <Anchor component={Link} to={props.listTo} size="sm">
        {props.listLabel}
      </Anchor>
      {props.current ? <Text size="sm">{props.current}</Text> : null}
    </Breadcrumbs>
  );
}

export function DetailLoadError(props: {
  error: unknown;
  onRetry: () => void;
  crumbs: ReactNode;
  notFound: { icon: ReactNode; title: string; body: string; backTo: string; backLabel: string };
}) {
  const { notFound } = props;
  if (props.error instanceof ApiFailure && props.error.error.code === 'not-found') {
    return (
      <EmptyState
        icon={notFound.icon}
        title={notFound.title}
        description={notFound.body}
        action={
          <Button component={Link} to={notFound.backTo} variant="light">
            {notFound.backLabel}
          </Button>
        }
      />
    );
  }
  return (
    <>
      {props.crumbs}
      <QueryError error={props.error} onRetry={props.onRetry} />
    </>
  );
}
