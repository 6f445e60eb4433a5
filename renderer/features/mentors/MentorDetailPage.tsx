/** One mentor: profile (editable), hours this quarter, assignments to startups and sessions. */
import { useState, type ReactNode } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Pagination,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconEdit, IconMessages, IconPlus, IconTrash, IconUserOff } from '@tabler/icons-react';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { can } from '../../../shared/auth/permissions.js';
import type { Mentor } from '../../../shared/records/mentors.js';
import { apiQueryKey, useApiMutation, useApiQuery } from '../../api/query.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { DetailCrumbs, DetailLoadError } from '../../components/DetailFrame.js';
import { DetailSkeleton } from '../../components/DetailSkeleton.js';
import { EmptyState } from '../../components/EmptyState.js';
import { FieldList } from '../../components/FieldList.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { Tags } from '../../components/Tags.js';
import { useNotify } from '../../components/notify.js';
import { useFormat } from '../../format/index.js';
import { useSession } from '../auth/session.js';
import { openLogSession } from '../sessions/log-session-store.js';
import { SessionsTable } from '../sessions/SessionsTable.js';
import { useMentorHours } from './HoursThisQuarter.js';
import { LocalTime } from './LocalTime.js';
import { MentorAssignments } from './MentorAssignments.js';
import { MentorEditForm } from './MentorEditForm.js';
import { isAbroad, quarterOf, useNow } from './time.js';

export function MentorDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // Off while deleting, so that the change event does not refetch a record being removed.
  const [deleting, setDeleting] = useState(false);
  const mentor = useApiQuery('mentors.get', { id }, { enabled: !deleting });

  const crumbs = <DetailCrumbs listTo="/mentors" listLabel={t('mentors.title')} current={mentor.data?.name} />;

  if (mentor.isPending) return <DetailSkeleton />;
  if (mentor.isError) {
    return (
      <DetailLoadError
        error={mentor.error}
        onRetry={() => void mentor.refetch()}
        crumbs={crumbs}
        notFound={{
          icon: <IconUserOff size={28} />,
          title: t('mentors.notFound.title'),
          body: t('mentors.notFound.body'),
          backTo: '/mentors',
          backLabel: t('mentors.backToList'),
        }}
      />
    );
  }
  return <MentorProfile mentor={mentor.data} crumbs={crumbs} onDeleting={setDeleting} />;
}

function MentorProfile(props: { mentor: Mentor; crumbs: ReactNode; onDeleting: (deleting: boolean) => void }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const format = useFormat();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const remove = useApiMutation('mentors.delete');
  const { mentor } = props;
  const canWrite = can(role, 'mentors.write');
  const now = useNow();
  const quarter = quarterOf(now);
  const quarterLabel = t('mentors.quarter', { q: quarter.q, year: quarter.year });
  const hours = useMentorHours(mentor.id, quarter);

  const deleteMentor = async () => {
    props.onDeleting(true);
    try {
      await remove.mutateAsync({ id: mentor.id });
      setConfirmingDelete(false);
      notify.saved(t('mentors.deleted', { name: mentor.name }));
      void navigate('/mentors');
      queryClient.removeQueries({ queryKey: apiQueryKey('mentors.get', { id: mentor.id }) });
    } catch (error) {
      props.onDeleting(false);
      setConfirmingDelete(false);
      notify.failed(error, t('mentors.delete.failed'));
    }
  };

  const actions = !editing ? (
    <>
      {can(role, 'sessions.write') ? (
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openLogSession({ mentorId: mentor.id })}>
          {t('sessions.log.open')}
        </Button>
      ) : null}
      {canWrite ? (
        <>
          <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)}>
            {t('mentors.edit.open')}
          </Button>
          <Button
            variant="light"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => setConfirmingDelete(true)}
          >
            {t('mentors.delete.open')}
          </Button>
        </>
      ) : null}
    </>
  ) : null;

  return (
    <>
      <PageHeader
        above={props.crumbs}
        title={mentor.name}
        description={
          <Group gap="xs" component="span">
            {mentor.organisation ? <span>{mentor.organisation}</span> : null}
            {mentor.centreId === null ? (
              <Badge variant="light" color="indigo" component="span">
                {t('mentors.national')}
              </Badge>
            ) : null}
            {isAbroad(mentor.timeZone) ? (
              <Badge variant="light" color="grape" component="span" tt="none">
                {t('mentors.abroad', { zone: mentor.timeZone })}
              </Badge>
            ) : null}
          </Group>
        }
        actions={actions}
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Stat
            label={t('mentors.fields.hoursIn', { quarter: quarterLabel })}
            testId="mentor-hours"
            value={hours.data ? format.number(hours.data.hours, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : null}
          />
          <Stat
            label={t('mentors.stats.sessionsIn', { quarter: quarterLabel })}
            value={hours.data ? format.number(hours.data.sessions) : null}
          />
          <Paper withBorder radius="md" p="md">
            <Text size="sm" c="dimmed">
              {t('mentors.fields.localTime')}
            </Text>
            <LocalTime timeZone={mentor.timeZone} now={now} />
          </Paper>
        </SimpleGrid>

        <Paper withBorder radius="md" p="lg">
          <Title order={2} size="h4" mb="md">
            {editing ? t('mentors.edit.title') : t('mentors.profile')}
          </Title>
          {editing ? (
            <MentorEditForm mentor={mentor} onDone={() => setEditing(false)} />
          ) : (
            <FieldList
              items={[
                { label: t('mentors.fields.organisation'), value: mentor.organisation },
                {
                  label: t('mentors.fields.expertise'),
                  value: mentor.expertise.length ? <Tags values={mentor.expertise} /> : null,
                },
                { label: t('mentors.fields.city'), value: mentor.city },
                { label: t('mentors.fields.country'), value: mentor.country },
                { label: t('mentors.fields.timeZone'), value: mentor.timeZone },
                {
                  label: t('mentors.fields.email'),
                  value: mentor.email ? <Anchor href={`mailto:${mentor.email}`}>{mentor.email}</Anchor> : null,
                },
                { label: t('mentors.fields.phone'), value: mentor.phone },
                { label: t('mentors.fields.availability'), value: mentor.availability, wide: true },
              ]}
            />
          )}
        </Paper>

        <MentorAssignments mentorId={mentor.id} mentorName={mentor.name} />
        <MentorSessions mentorId={mentor.id} />
      </Stack>
      <ConfirmModal
        opened={confirmingDelete}
        title={t('mentors.delete.title')}
        message={t('mentors.delete.body', { name: mentor.name })}
        confirmLabel={t('mentors.delete.confirm')}
        danger
        loading={remove.isPending}
        onConfirm={() => void deleteMentor()}
        onClose={() => setConfirmingDelete(false)}
      />
    </>
  );
}

function Stat(props: { label: string; value: string | null; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      {props.value === null ? (
        <Skeleton height={28} width={60} mt={4} />
      ) : (
        <Text fz={26} fw={650} lh={1.3} data-testid={props.testId}>
          {props.value}
        </Text>
      )}
    </Paper>
  );
}

const SESSIONS_PAGE = 10;

function MentorSessions(props: { mentorId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const sessions = useApiQuery(
    'sessions.list',
    {
      filter: { mentorId: props.mentorId },
      sort: { field: 'startsAt', direction: 'desc' },
      limit: SESSIONS_PAGE,
      offset: (page - 1) * SESSIONS_PAGE,
    },
    { placeholderData: keepPreviousData },
  );
  const total = sessions.data?.total ?? 0;
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {t('mentors.sessions.title')}
        </Title>
        {total > 0 ? (
          <Anchor component={Link} to={`/sessions?mentor=${props.mentorId}`} size="sm">
            {t('mentors.sessions.all', { count: total })}
          </Anchor>
        ) : null}
      </Group>
      {sessions.isError ? (
        <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data && sessions.data.items.length === 0 ? (
        <EmptyState
          icon={<IconMessages size={28} />}
          title={t('mentors.sessions.emptyTitle')}
          description={t('mentors.sessions.emptyBody')}
        />
      ) : (
        <Stack gap="sm">
          <SessionsTable
            rows={sessions.data?.items ?? []}
            loading={sessions.isPending || sessions.isPlaceholderData}
            label={t('mentors.sessions.title')}
            hide={['mentor']}
            skeletonRows={3}
          />
          {total > SESSIONS_PAGE ? (
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('sessions.paging.showing', {
                  from: format.number((page - 1) * SESSIONS_PAGE + 1),
                  to: format.number((page - 1) * SESSIONS_PAGE + (sessions.data?.items.length ?? 0)),
                  total: format.number(total),
                })}
              </Text>
              <Pagination
                total={Math.ceil(total / SESSIONS_PAGE)}
                value={page}
                onChange={setPage}
                size="sm"
                getItemProps={(n) => ({ 'aria-label': t('sessions.paging.page', { page: n }) })}
                getControlProps={(control) => ({ 'aria-label': t(`sessions.paging.${control}`) })}
              />
            </Group>
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}
