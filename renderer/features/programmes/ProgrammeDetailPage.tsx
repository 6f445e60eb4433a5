import { useState } from 'react';
import { Anchor, Button, Group, Paper, Skeleton, Text } from '@mantine/core';
import { IconCalendarStats, IconEdit, IconPlus, IconStack2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { OutputOf } from '../../../shared/api/index.js';
import { can } from '../../../shared/auth/permissions.js';
import { useApiMutation, useApiQuery } from '../../api/query.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { OrDash } from '../../components/Dash.js';
import { DataTable } from '../../components/DataTable.js';
import { DeleteRecordButton, RecordPage, type RecordFrame } from '../../components/DetailFrame.js';
import { EmptyState } from '../../components/EmptyState.js';
import { FieldList } from '../../components/FieldList.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { QueryError } from '../../components/QueryError.js';
import { RowActionButton, RowActions } from '../../components/RowActions.js';
import { useNotify } from '../../components/notify.js';
import { useFormat } from '../../format/index.js';
import { useSession } from '../auth/session.js';
import { KindBadge, NationalBadge } from './badges.js';
import { CohortModal } from './CohortModal.js';
import { useDateSpan } from './dates.js';
import { ProgrammeModal } from './ProgrammeModal.js';

type Programme = OutputOf<'programmes.get'>;
type Cohort = OutputOf<'cohorts.get'>;

export function ProgrammeDetailPage() {
  const { id = '' } = useParams();
  return (
    <RecordPage kind="programmes" id={id} icon={<IconStack2 size={28} />}>
      {(programme, frame) => <ProgrammeView key={programme.id} programme={programme} {...frame} />}
    </RecordPage>
  );
}

function ProgrammeView(props: { programme: Programme } & RecordFrame) {
  const { t } = useTranslation();
  const { role } = useSession();
  const format = useFormat();
  const dateSpan = useDateSpan();
  const { programme } = props;
  const national = programme.centreId === null;
  const canWrite = can(role, 'programmes.write');
  const [editing, setEditing] = useState(false);

  const actions =
    canWrite && !national ? (
      <>
        <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)}>
          {t('programmes.edit.open')}
        </Button>
        <DeleteRecordButton kind="programmes" id={programme.id} name={programme.name} onDeleting={props.onDeleting} />
      </>
    ) : null;

  return (
    <>
      <PageHeader
        above={props.crumbs}
        title={programme.name}
        description={
          <Group gap="xs" component="span">
            <KindBadge kind={programme.kind} />
            {national ? <NationalBadge /> : null}
          </Group>
        }
        actions={actions}
      />
      <Paper withBorder radius="md" p="lg" mb="lg">
        <FieldList
          cols={3}
          items={[
            { label: t('programmes.fields.dates'), value: dateSpan(programme.startDate, programme.endDate) },
            { label: t('programmes.fields.cohorts'), value: format.number(programme.cohorts) },
            {
              label: programme.kind === 'training' ? t('programmes.fields.trainees') : t('programmes.fields.startups'),
              value: format.number(programme.participants),
            },
            { label: t('programmes.fields.description'), value: programme.description, wide: true },
          ]}
        />
        {national ? (
          <Text size="sm" c="dimmed" mt="md">
            {t('programmes.nationalHint')}
          </Text>
        ) : null}
      </Paper>
      <CohortsSection programme={programme} canWrite={canWrite} />
      {editing ? <ProgrammeModal programme={programme} onClose={() => setEditing(false)} /> : null}
    </>
  );
}

function CohortsSection(props: { programme: Programme; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const dateSpan = useDateSpan();
  const notify = useNotify();
  const { programme } = props;
  const cohorts = useApiQuery('cohorts.list', { filter: { programmeId: programme.id }, limit: 1000 });
  const [editing, setEditing] = useState<Cohort | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Cohort | null>(null);
  const remove = useApiMutation('cohorts.delete');

  const deleteCohort = async (cohort: Cohort) => {
    try {
      await remove.mutateAsync({ id: cohort.id });
      notify.saved(t('programmes.cohorts.deleted', { name: cohort.name }));
    } catch (error) {
      notify.failed(error, t('programmes.cohorts.deleteFailed'));
    } finally {
      setDeleting(null);
    }
  };

  const items = cohorts.data?.items ?? [];
  const newButton = props.canWrite ? (
    <Button size="sm" variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('programmes.cohorts.new')}
    </Button>
  ) : null;
  return (
    <Panel title={t('programmes.cohorts.title')} actions={items.length > 0 ? newButton : null}>
      {cohorts.isError ? (
        <QueryError error={cohorts.error} onRetry={() => void cohorts.refetch()} />
      ) : cohorts.isPending ? (
        <Skeleton height={100} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconCalendarStats size={28} />}
          title={t('programmes.cohorts.emptyTitle')}
          description={props.canWrite ? t('programmes.cohorts.emptyBody') : t('programmes.cohorts.emptyBodyReadOnly')}
          action={newButton}
        />
      ) : (
        <DataTable
          label={t('programmes.cohorts.title')}
          rows={items}
          minWidth={600}
          rowTestId="cohort-row"
          columns={[
            {
              key: 'name',
              header: t('programmes.cohorts.name'),
              cell: (c) => c.name,
              strong: true,
            },
            {
              key: 'dates',
              header: t('programmes.fields.dates'),
              cell: (c) => <OrDash>{dateSpan(c.startDate, c.endDate)}</OrDash>,
            },
            { key: 'startups', header: t('programmes.fields.startups'), align: 'end', cell: (c) => format.number(c.startups) },
            {
              key: 'trainees',
              header: t('programmes.fields.trainees'),
              align: 'end',
              cell: (c) =>
                c.trainees > 0 ? (
                  <Anchor component={Link} to={`/trainees?programme=${programme.id}&cohort=${c.id}`} size="sm">
                    {format.number(c.trainees)}
                  </Anchor>
                ) : (
                  format.number(0)
                ),
            },
          ]}
          actions={
            props.canWrite
              ? (c) =>
                  c.centreId !== null ? (
                    <RowActions>
                      <RowActionButton
                        kind="edit"
                        tooltip={t('programmes.cohorts.editLabel', { name: c.name })}
                        label={t('programmes.cohorts.editLabel', { name: c.name })}
                        onClick={() => setEditing(c)}
                      />
                      <RowActionButton
                        kind="delete"
                        tooltip={t('programmes.cohorts.deleteLabel', { name: c.name })}
                        label={t('programmes.cohorts.deleteLabel', { name: c.name })}
                        onClick={() => setDeleting(c)}
                      />
                    </RowActions>
                  ) : null
              : undefined
          }
        />
      )}
      {editing !== null ? (
        <CohortModal
          programmeId={programme.id}
          cohort={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmModal
        opened={deleting !== null}
        title={t('programmes.cohorts.deleteTitle')}
        message={t('programmes.cohorts.deleteBody', { name: deleting?.name ?? '' })}
        confirmLabel={t('programmes.cohorts.deleteConfirm')}
        danger
        loading={remove.isPending}
        onConfirm={() => deleting && void deleteCohort(deleting)}
        onClose={() => setDeleting(null)}
      />
    </Panel>
  );
}
