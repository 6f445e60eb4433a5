import { useState, type ReactNode } from 'react';
import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, Text, Title } from '@mantine/core';
import { IconEdit, IconRocketOff, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { can } from '../../../shared/auth/permissions.js';
import type { Startup } from '../../../shared/records/startups.js';
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
import { StageBadge } from './StageBadge.js';
import { StartupEditForm } from './StartupEditForm.js';

export function StartupDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // Off while deleting, so that the change event does not refetch a record being removed.
  const [deleting, setDeleting] = useState(false);
  const startup = useApiQuery('startups.get', { id }, { enabled: !deleting });

  const crumbs = (
    <Breadcrumbs aria-label={t('common.breadcrumbs')}>
      <Anchor component={Link} to="/startups" size="sm">
        {t('startups.title')}
      </Anchor>
      {startup.data ? <Text size="sm">{startup.data.name}</Text> : null}
    </Breadcrumbs>
  );

  if (startup.isPending) return <DetailSkeleton />;
  if (startup.isError) {
    return startup.error.error.code === 'not-found' ? (
      <EmptyState
        icon={<IconRocketOff size={28} />}
        title={t('startups.notFound.title')}
        description={t('startups.notFound.body')}
        action={
          <Button component={Link} to="/startups" variant="light">
            {t('startups.backToList')}
          </Button>
        }
      />
    ) : (
      <>
        {crumbs}
        <QueryError error={startup.error} onRetry={() => void startup.refetch()} />
      </>
    );
  }
  return <StartupProfile startup={startup.data} crumbs={crumbs} onDeleting={setDeleting} />;
}

function StartupProfile(props: { startup: Startup; crumbs: ReactNode; onDeleting: (deleting: boolean) => void }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const format = useFormat();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const remove = useApiMutation('startups.delete');
  const { startup } = props;
  const canWrite = can(role, 'startups.write');

  const deleteStartup = async () => {
    props.onDeleting(true);
    try {
      await remove.mutateAsync({ id: startup.id });
      setConfirmingDelete(false);
      notify.saved(t('startups.deleted', { name: startup.name }));
      void navigate('/startups');
      queryClient.removeQueries({ queryKey: apiQueryKey('startups.get', { id: startup.id }) });
    } catch (error) {
      props.onDeleting(false);
      setConfirmingDelete(false);
      notify.failed(error, t('startups.delete.failed'));
    }
  };

  const actions =
    canWrite && !editing ? (
      <>
        <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)}>
          {t('startups.edit.open')}
        </Button>
        <Button
          variant="light"
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => setConfirmingDelete(true)}
        >
          {t('startups.delete.open')}
        </Button>
      </>
    ) : null;

  return (
    <>
      <PageHeader
        above={props.crumbs}
        title={startup.name}
        description={
          <Group gap="xs" component="span">
            <StageBadge stage={startup.stage} size="md" />
            <Badge variant="outline" color="gray" size="md">
              {t(`enums.sector.${startup.sector}`)}
            </Badge>
            {startup.womenLed ? (
              <Badge variant="light" color="grape" size="md">
                {t('startups.fields.womenLed')}
              </Badge>
            ) : null}
          </Group>
        }
        actions={actions}
      />
      <Paper withBorder radius="md" p="lg">
        <Title order={2} size="h4" mb="md">
          {editing ? t('startups.edit.title') : t('startups.profile')}
        </Title>
        {editing ? (
          <StartupEditForm startup={startup} onDone={() => setEditing(false)} />
        ) : (
          <FieldList
            items={[
              { label: t('startups.fields.sector'), value: t(`enums.sector.${startup.sector}`) },
              { label: t('startups.fields.stage'), value: t(`enums.stage.${startup.stage}`) },
              { label: t('startups.fields.city'), value: startup.city },
              {
                label: t('startups.fields.website'),
                value: startup.website ? (
                  <Anchor href={startup.website} target="_blank" rel="noopener noreferrer">
                    {startup.website}
                  </Anchor>
                ) : null,
              },
              { label: t('startups.fields.womenLed'), value: startup.womenLed ? t('common.yes') : t('common.no') },
              { label: t('startups.fields.foundedOn'), value: startup.foundedOn ? format.date(startup.foundedOn) : null },
              { label: t('startups.fields.contactEmail'), value: startup.contactEmail },
              { label: t('startups.fields.contactPhone'), value: startup.contactPhone },
              { label: t('startups.fields.registrationNo'), value: startup.registrationNo },
              { label: t('startups.fields.updatedAt'), value: format.dateTime(startup.updatedAt) },
              { label: t('startups.fields.description'), value: startup.description, wide: true },
            ]}
          />
        )}
      </Paper>
      <ConfirmModal
        opened={confirmingDelete}
        title={t('startups.delete.title')}
        message={t('startups.delete.body', { name: startup.name })}
        confirmLabel={t('startups.delete.confirm')}
        danger
        loading={remove.isPending}
        onConfirm={() => void deleteStartup()}
        onClose={() => setConfirmingDelete(false)}
      />
    </>
  );
}
