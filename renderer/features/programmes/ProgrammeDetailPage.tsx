import { useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconEdit, IconPlus, IconStack2, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { OutputOf } from '../../../shared/api/index.js';
import { can } from '../../../shared/auth/permissions.js';
import { apiQueryKey, useApiMutation, useApiQuery } from '../../api/query.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { DetailSkeleton } from '../../components/DetailSkeleton.js';
import { EmptyState } from '../../components/EmptyState.js';
import { FieldList } from '../../components/FieldList.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
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
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [deleting, setDeleting] = useState(false);
  const programme = useApiQuery('programmes.get', { id }, { enabled: !deleting });
  if (programme.isPending) return <DetailSkeleton />;
  if (programme.isError) {
    return programme.error.error.code === 'not-found' ? (
      <EmptyState
        icon={<IconStack2 size={28} />}
        title={t('programmes.notFound.title')}
        description={t('programmes.notFound.body')}
        action={
          <Button component={Link} to="/programmes" variant="light">
            {t('programmes.backToList')}
          </Button>
        }
      />
    ) : (
      <QueryError error={programme.error} onRetry={() => void programme.refetch()} />
    );
  }
  return <ProgrammeView key={programme.data.id} programme={programme.data} onDeleting={setDeleting} />;
}

function ProgrammeView(props: { programme: Programme; onDeleting: (deleting: boolean) => void }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const format = useFormat();
  const dateSpan = useDateSpan();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { programme } = props;
  const national = programme.centreId === null;
  const canWrite = can(role, 'programmes.write');
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const remove = useApiMutation('programmes.delete');

  const deleteProgramme = async () => {
    props.onDeleting(true);
    try {
      await remove.mutateAsync({ id: programme.id });
      setConfirmingDelete(false);
      notify.saved(t('programmes.deleted', { name: programme.name }));
      void navigate('/programmes');
      queryClient.removeQueries({ queryKey: apiQueryKey('programmes.get', { id: programme.id }) });
    } catch (error) {
      props.onDeleting(false);
      setConfirmingDelete(false);
      notify.failed(error, t('programmes.delete.failed'));
    }
  };

  const actions =
    canWrite && !national ? (
      <>
        <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)}>
          {t('programmes.edit.open')}
        </Button>
        <Button
          variant="light"
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => setConfirmingDelete(true)}
        >
          {t('programmes.delete.open')}
        </Button>
      </>
    ) : null;

  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs aria-label={t('common.breadcrumbs')}>
            <Anchor component={Link} to="/programmes" size="sm">
              {t('programmes.title')}
            </Anchor>
            <Text size="sm">{programme.name}</Text>
          </Breadcrumbs>
        }
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
      <ConfirmModal
        opened={confirmingDelete}
        title={t('programmes.delete.title')}
        message={t('programmes.delete.body', { name: programme.name })}
        confirmLabel={t('programmes.delete.confirm')}
        danger
        loading={remove.isPending}
        onConfirm={() => void deleteProgramme()}
        onClose={() => setConfirmingDelete(false)}
      />
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
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {t('programmes.cohorts.title')}
        </Title>
        {props.canWrite ? (
          <Button size="sm" variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('programmes.cohorts.new')}
          </Button>
        ) : null}
      </Group>
      {cohorts.isError ? (
        <QueryError error={cohorts.error} onRetry={() => void cohorts.refetch()} />
      ) : cohorts.isPending ? (
        <Skeleton height={100} />
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('programmes.cohorts.empty')}
        </Text>
      ) : (
        <Stack gap={0}>
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="sm" aria-label={t('programmes.cohorts.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('programmes.cohorts.name')}</Table.Th>
                  <Table.Th>{t('programmes.fields.dates')}</Table.Th>
                  <Table.Th ta="end">{t('programmes.fields.startups')}</Table.Th>
                  <Table.Th ta="end">{t('programmes.fields.trainees')}</Table.Th>
                  {props.canWrite ? <Table.Th w={90} /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id} data-testid="cohort-row">
                    <Table.Td fw={600}>{c.name}</Table.Td>
                    <Table.Td>
                      {dateSpan(c.startDate, c.endDate) ?? (
                        <Text span c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="end">{format.number(c.startups)}</Table.Td>
                    <Table.Td ta="end">
                      {c.trainees > 0 ? (
                        <Anchor component={Link} to={`/trainees?programme=${programme.id}&cohort=${c.id}`} size="sm">
                          {format.number(c.trainees)}
                        </Anchor>
                      ) : (
                        format.number(0)
                      )}
                    </Table.Td>
                    {props.canWrite ? (
                      <Table.Td>
                        {c.centreId !== null ? (
                          <Group gap={4} justify="flex-end" wrap="nowrap">
                            <Tooltip label={t('programmes.cohorts.editLabel', { name: c.name })}>
                              <ActionIcon
                                variant="subtle"
                                onClick={() => setEditing(c)}
                                aria-label={t('programmes.cohorts.editLabel', { name: c.name })}
                              >
                                <IconEdit size={16} />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label={t('programmes.cohorts.deleteLabel', { name: c.name })}>
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                onClick={() => setDeleting(c)}
                                aria-label={t('programmes.cohorts.deleteLabel', { name: c.name })}
                              >
                                <IconTrash size={16} />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
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
    </Paper>
  );
}
