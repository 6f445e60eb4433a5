/**
 * The frame every record's detail page shares: breadcrumbs back to its list, the record
 * loaded (a placeholder meanwhile), what to show when it cannot be loaded (gone: an empty
 * state with a way back; any other failure: the error with a retry), and deleting it.
 */
import { useState, type ReactNode } from 'react';
import { Anchor, Breadcrumbs, Button, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiFailure } from '../../shared/api/errors.js';
import type { InputOf, OutputOf } from '../../shared/api/index.js';
import { apiQueryKey, useApiMutation, useApiQuery } from '../api/query.js';
import { ConfirmModal } from './ConfirmModal.js';
import { DetailSkeleton } from './DetailSkeleton.js';
import { EmptyState } from './EmptyState.js';
import { useNotify } from './notify.js';
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

/**
 * The records that have a page of their own, at /<kind>/:id. Their strings follow one pattern
 * in the i18n files: <kind>.title (the list), .notFound, .backToList, .delete, .deleted.
 */
export type RecordKind = 'startups' | 'mentors' | 'programmes' | 'trainees';

/** What a record's page gets besides the record: its breadcrumbs, and a switch to stop reloading it while it is deleted. */
export interface RecordFrame {
  crumbs: ReactNode;
  onDeleting: (deleting: boolean) => void;
}

/** Loads the record `id` for its page and shows `children` with it, or the loading and failed states. */
export function RecordPage<K extends RecordKind>(props: {
  kind: K;
  id: string;
  /** Shown when the record is not there. */
  icon: ReactNode;
  children: (record: OutputOf<`${K}.get`>, frame: RecordFrame) => ReactNode;
}) {
  const { t } = useTranslation();
  const { kind } = props;
  // Off while deleting, so that the change event does not refetch a record being removed.
  const [deleting, setDeleting] = useState(false);
  const method = `${kind}.get` as const;
  const record = useApiQuery(method, { id: props.id } as InputOf<typeof method>, { enabled: !deleting });
  const name = (record.data as { name?: string } | undefined)?.name;
  const crumbs = <DetailCrumbs listTo={`/${kind}`} listLabel={t(`${kind}.title`)} current={name} />;

  if (record.isPending) return <DetailSkeleton />;
  if (record.isError) {
    return (
      <DetailLoadError
        error={record.error}
        onRetry={() => void record.refetch()}
        crumbs={crumbs}
        notFound={{
          icon: props.icon,
          title: t(`${kind}.notFound.title`),
          body: t(`${kind}.notFound.body`),
          backTo: `/${kind}`,
          backLabel: t(`${kind}.backToList`),
        }}
      />
    );
  }
  return <>{props.children(record.data as OutputOf<`${K}.get`>, { crumbs, onDeleting: setDeleting })}</>;
}

/**
 * "Delete" on a record's page: asks first, then deletes, says so and returns to the list; a
 * refusal (the record is still in use) is shown as core words it and the page stays.
 */
export function DeleteRecordButton(props: {
  kind: RecordKind;
  id: string;
  name: string;
  onDeleting: (deleting: boolean) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const { kind, name } = props;
  const remove = useApiMutation(`${kind}.delete`);

  const deleteRecord = async () => {
    props.onDeleting(true);
    try {
      await remove.mutateAsync({ id: props.id });
      setConfirming(false);
      notify.saved(t(`${kind}.deleted`, { name }));
      void navigate(`/${kind}`);
      queryClient.removeQueries({ queryKey: apiQueryKey(`${kind}.get`, { id: props.id }) });
    } catch (error) {
      props.onDeleting(false);
      setConfirming(false);
      notify.failed(error, t(`${kind}.delete.failed`));
    }
  };

  return (
    <>
      <Button variant="light" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setConfirming(true)}>
        {t(`${kind}.delete.open`)}
      </Button>
      <ConfirmModal
        opened={confirming}
        title={t(`${kind}.delete.title`)}
        message={t(`${kind}.delete.body`, { name })}
        confirmLabel={t(`${kind}.delete.confirm`)}
        danger
        loading={remove.isPending}
        onConfirm={() => void deleteRecord()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
