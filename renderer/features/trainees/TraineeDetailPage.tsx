import { useState, type ReactNode } from 'react';
import { Badge, Button, Group, Paper, Tabs, Title } from '@mantine/core';
import { IconArrowMerge, IconAward, IconBriefcase, IconEdit, IconSchool, IconTrash, IconUserOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { can } from '../../../shared/auth/permissions.js';
import type { Trainee } from '../../../shared/records/trainees.js';
import { apiQueryKey, useApiMutation, useApiQuery } from '../../api/query.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { DetailCrumbs, DetailLoadError } from '../../components/DetailFrame.js';
import { DetailSkeleton } from '../../components/DetailSkeleton.js';
import { FieldList } from '../../components/FieldList.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Tags } from '../../components/Tags.js';
import { useNotify } from '../../components/notify.js';
import { useFormat } from '../../format/index.js';
import { useSession } from '../auth/session.js';
import { MergeTraineeModal } from '../import/MergeTraineeModal.js';
import { CertificationsTab } from './CertificationsTab.js';
import { EnrolmentsTab } from './EnrolmentsTab.js';
import { PersonalValue } from './PersonalValue.js';
import { PlacementsTab } from './PlacementsTab.js';
import { TraineeEditForm } from './TraineeEditForm.js';

export function TraineeDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // Off while deleting, so that the change event does not refetch a record being removed.
  const [deleting, setDeleting] = useState(false);
  const trainee = useApiQuery('trainees.get', { id }, { enabled: !deleting });

  const crumbs = <DetailCrumbs listTo="/trainees" listLabel={t('trainees.title')} current={trainee.data?.name} />;

  if (trainee.isPending) return <DetailSkeleton />;
  if (trainee.isError) {
    return (
      <DetailLoadError
        error={trainee.error}
        onRetry={() => void trainee.refetch()}
        crumbs={crumbs}
        notFound={{
          icon: <IconUserOff size={28} />,
          title: t('trainees.notFound.title'),
          body: t('trainees.notFound.body'),
          backTo: '/trainees',
          backLabel: t('trainees.backToList'),
        }}
      />
    );
  }
  return <TraineeProfile key={trainee.data.id} trainee={trainee.data} crumbs={crumbs} onDeleting={setDeleting} />;
}

function TraineeProfile(props: { trainee: Trainee; crumbs: ReactNode; onDeleting: (deleting: boolean) => void }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const format = useFormat();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [merging, setMerging] = useState(false);
  const remove = useApiMutation('trainees.delete');
  const { trainee } = props;
  const canWrite = can(role, 'trainees.write');

  const deleteTrainee = async () => {
    props.onDeleting(true);
    try {
      await remove.mutateAsync({ id: trainee.id });
      setConfirmingDelete(false);
      notify.saved(t('trainees.deleted', { name: trainee.name }));
      void navigate('/trainees');
      queryClient.removeQueries({ queryKey: apiQueryKey('trainees.get', { id: trainee.id }) });
    } catch (error) {
      props.onDeleting(false);
      setConfirmingDelete(false);
      notify.failed(error, t('trainees.delete.failed'));
    }
  };

  const actions =
    canWrite && !editing ? (
      <>
        <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)}>
          {t('trainees.edit.open')}
        </Button>
        <Button variant="default" leftSection={<IconArrowMerge size={16} aria-hidden />} onClick={() => setMerging(true)}>
          {t('import.merge.open')}
        </Button>
        <Button
          variant="light"
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => setConfirmingDelete(true)}
        >
          {t('trainees.delete.open')}
        </Button>
      </>
    ) : null;

  const place = [trainee.city, trainee.district].filter(Boolean).join(' · ');
  return (
    <>
      <PageHeader
        above={props.crumbs}
        title={trainee.name}
        description={
          <Group gap="xs" component="span">
            {place ? <span>{place}</span> : null}
            <Badge variant="light" color={trainee.consent ? 'brand' : 'gray'} component="span">
              {trainee.consent ? t('trainees.consentGiven') : t('trainees.consentNotGiven')}
            </Badge>
          </Group>
        }
        actions={actions}
      />
      <Paper withBorder radius="md" p="lg" mb="lg">
        <Title order={2} size="h4" mb="md">
          {editing ? t('trainees.edit.title') : t('trainees.profile')}
        </Title>
        {editing ? (
          <TraineeEditForm trainee={trainee} onDone={() => setEditing(false)} />
        ) : (
          <FieldList
            cols={3}
            items={[
              {
                label: t('trainees.fields.cnic'),
                value: (
                  <PersonalValue traineeId={trainee.id} field="cnic" masked={trainee.cnic} label={t('trainees.fields.cnic')} />
                ),
              },
              {
                label: t('trainees.fields.phone'),
                value: (
                  <PersonalValue traineeId={trainee.id} field="phone" masked={trainee.phone} label={t('trainees.fields.phone')} />
                ),
              },
              { label: t('trainees.fields.email'), value: trainee.email },
              { label: t('trainees.fields.gender'), value: trainee.gender ? t(`enums.gender.${trainee.gender}`) : null },
              { label: t('trainees.fields.dateOfBirth'), value: trainee.dateOfBirth ? format.date(trainee.dateOfBirth) : null },
              { label: t('trainees.fields.updatedAt'), value: format.dateTime(trainee.updatedAt) },
              { label: t('trainees.fields.city'), value: trainee.city },
              { label: t('trainees.fields.district'), value: trainee.district },
              { label: t('trainees.fields.consent'), value: trainee.consent ? t('common.yes') : t('common.no') },
              {
                label: t('trainees.fields.skills'),
                value: trainee.skills.length ? <Tags values={trainee.skills} /> : null,
                wide: true,
              },
            ]}
          />
        )}
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <Tabs defaultValue="enrolments" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="enrolments" leftSection={<IconSchool size={16} aria-hidden />}>
              {t('trainees.tabs.enrolments')}
            </Tabs.Tab>
            <Tabs.Tab value="certifications" leftSection={<IconAward size={16} aria-hidden />}>
              {t('trainees.tabs.certifications')}
            </Tabs.Tab>
            <Tabs.Tab value="placements" leftSection={<IconBriefcase size={16} aria-hidden />}>
              {t('trainees.tabs.placements')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="enrolments">
            <EnrolmentsTab traineeId={trainee.id} canWrite={canWrite} />
          </Tabs.Panel>
          <Tabs.Panel value="certifications">
            <CertificationsTab traineeId={trainee.id} canWrite={canWrite} />
          </Tabs.Panel>
          <Tabs.Panel value="placements">
            <PlacementsTab traineeId={trainee.id} canWrite={canWrite} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
      <MergeTraineeModal trainee={trainee} opened={merging} onClose={() => setMerging(false)} />
      <ConfirmModal
        opened={confirmingDelete}
        title={t('trainees.delete.title')}
        message={t('trainees.delete.body', { name: trainee.name })}
        confirmLabel={t('trainees.delete.confirm')}
        danger
        loading={remove.isPending}
        onConfirm={() => void deleteTrainee()}
        onClose={() => setConfirmingDelete(false)}
      />
    </>
  );
}
