import { useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Paper, Tabs, Title } from '@mantine/core';
import {
  IconCalendarStats,
  IconEdit,
  IconFlag,
  IconHistory,
  IconId,
  IconMessages,
  IconRocketOff,
  IconTrash,
  IconUsers,
  IconUserStar,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { can } from '../../../shared/auth/permissions.js';
import type { Startup } from '../../../shared/records/startups.js';
import { apiQueryKey, useApiMutation, useApiQuery } from '../../api/query.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { DetailCrumbs, DetailLoadError } from '../../components/DetailFrame.js';
import { DetailSkeleton } from '../../components/DetailSkeleton.js';
import { FieldList } from '../../components/FieldList.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useNotify } from '../../components/notify.js';
import { useFormat } from '../../format/index.js';
import { useSession } from '../auth/session.js';
import { StageBadge } from './StageBadge.js';
import { StartupEditForm } from './StartupEditForm.js';
import { CheckInsTab } from './detail/CheckInsTab.js';
import { FoundersTab } from './detail/FoundersTab.js';
import { HistoryTab } from './detail/HistoryTab.js';
import { RevealPhone } from './detail/RevealPhone.js';
import { MentorsTab } from './detail/MentorsTab.js';
import { MilestonesTab } from './detail/MilestonesTab.js';
import { SessionsTab } from './detail/SessionsTab.js';

/** The detail page's tabs, in order; each has its own address (/startups/:id/founders). */
export const DETAIL_TABS = ['profile', 'founders', 'mentors', 'sessions', 'check-ins', 'milestones', 'history'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

const TAB_ICONS = {
  profile: IconId,
  founders: IconUsers,
  mentors: IconUserStar,
  sessions: IconMessages,
  'check-ins': IconCalendarStats,
  milestones: IconFlag,
  history: IconHistory,
} as const;

const TAB_LABEL_KEYS = {
  profile: 'startups.tabs.profile',
  founders: 'startups.tabs.founders',
  mentors: 'startups.tabs.mentors',
  sessions: 'startups.tabs.sessions',
  'check-ins': 'startups.tabs.checkIns',
  milestones: 'startups.tabs.milestones',
  history: 'startups.tabs.history',
} as const;

export function StartupDetailPage() {
  const { t } = useTranslation();
  const { id = '', tab: tabParam } = useParams();
  const tab: DetailTab = (DETAIL_TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as DetailTab) : 'profile';
  // Off while deleting, so that the change event does not refetch a record being removed.
  const [deleting, setDeleting] = useState(false);
  const startup = useApiQuery('startups.get', { id }, { enabled: !deleting });

  const crumbs = <DetailCrumbs listTo="/startups" listLabel={t('startups.title')} current={startup.data?.name} />;

  if (startup.isPending) return <DetailSkeleton />;
  if (startup.isError) {
    return (
      <DetailLoadError
        error={startup.error}
        onRetry={() => void startup.refetch()}
        crumbs={crumbs}
        notFound={{
          icon: <IconRocketOff size={28} />,
          title: t('startups.notFound.title'),
          body: t('startups.notFound.body'),
          backTo: '/startups',
          backLabel: t('startups.backToList'),
        }}
      />
    );
  }
  return <StartupPage startup={startup.data} tab={tab} crumbs={crumbs} onDeleting={setDeleting} />;
}

function StartupPage(props: { startup: Startup; tab: DetailTab; crumbs: ReactNode; onDeleting: (deleting: boolean) => void }) {
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

  const openTab = (next: string | null) => {
    if (!next || next === props.tab) return;
    void navigate(next === 'profile' ? `/startups/${startup.id}` : `/startups/${startup.id}/${next}`, { replace: true });
  };

  const actions =
    canWrite && !editing ? (
      <>
        {props.tab === 'profile' ? (
          <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)}>
            {t('startups.edit.open')}
          </Button>
        ) : null}
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
      <Tabs value={props.tab} onChange={openTab} keepMounted={false} variant="outline">
        <Tabs.List mb="lg" aria-label={t('startups.tabs.label')}>
          {DETAIL_TABS.map((value) => {
            const Icon = TAB_ICONS[value];
            return (
              <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} aria-hidden />}>
                {t(TAB_LABEL_KEYS[value])}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Tabs.Panel value="profile">
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
                  {
                    label: t('startups.fields.contactPhone'),
                    value: startup.contactPhone ? (
                      <RevealPhone
                        masked={startup.contactPhone}
                        table="startups"
                        field="contactPhone"
                        id={startup.id}
                        owner={startup.name}
                      />
                    ) : null,
                  },
                  { label: t('startups.fields.registrationNo'), value: startup.registrationNo },
                  { label: t('startups.fields.updatedAt'), value: format.dateTime(startup.updatedAt) },
                  { label: t('startups.fields.description'), value: startup.description, wide: true },
                ]}
              />
            )}
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="founders">
          <FoundersTab startupId={startup.id} />
        </Tabs.Panel>
        <Tabs.Panel value="mentors">
          <MentorsTab startupId={startup.id} />
        </Tabs.Panel>
        <Tabs.Panel value="sessions">
          <SessionsTab startupId={startup.id} />
        </Tabs.Panel>
        <Tabs.Panel value="check-ins">
          <CheckInsTab startupId={startup.id} />
        </Tabs.Panel>
        <Tabs.Panel value="milestones">
          <MilestonesTab startupId={startup.id} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryTab startupId={startup.id} />
        </Tabs.Panel>
      </Tabs>
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
