import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Tabs, Title } from '@mantine/core';
import {
  IconCalendarStats,
  IconEdit,
  IconFlag,
  IconHistory,
  IconId,
  IconMessages,
  IconRocketOff,
  IconUsers,
  IconUserStar,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { can } from '../../../shared/auth/permissions.js';
import type { Startup } from '../../../shared/records/startups.js';
import { DeleteRecordButton, RecordPage, type RecordFrame } from '../../components/DetailFrame.js';
import { FieldList } from '../../components/FieldList.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProfileEditForm } from '../../components/ProfileEditForm.js';
import { useFormat } from '../../format/index.js';
import { useSession } from '../auth/session.js';
import { StageBadge } from './StageBadge.js';
import { startupFormValues, updateStartupPatch } from './startup-form.js';
import { StartupFields } from './StartupFields.js';
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

const TABS = {
  profile: { icon: IconId, labelKey: 'startups.tabs.profile', Panel: null },
  founders: { icon: IconUsers, labelKey: 'startups.tabs.founders', Panel: FoundersTab },
  mentors: { icon: IconUserStar, labelKey: 'startups.tabs.mentors', Panel: MentorsTab },
  sessions: { icon: IconMessages, labelKey: 'startups.tabs.sessions', Panel: SessionsTab },
  'check-ins': { icon: IconCalendarStats, labelKey: 'startups.tabs.checkIns', Panel: CheckInsTab },
  milestones: { icon: IconFlag, labelKey: 'startups.tabs.milestones', Panel: MilestonesTab },
  history: { icon: IconHistory, labelKey: 'startups.tabs.history', Panel: HistoryTab },
} as const satisfies Record<DetailTab, unknown>;

export function StartupDetailPage() {
  const { id = '', tab: tabParam } = useParams();
  const tab: DetailTab = (DETAIL_TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as DetailTab) : 'profile';
  return (
    <RecordPage kind="startups" id={id} icon={<IconRocketOff size={28} />}>
      {(startup, frame) => <StartupPage key={startup.id} startup={startup} tab={tab} {...frame} />}
    </RecordPage>
  );
}

function StartupPage(props: { startup: Startup; tab: DetailTab } & RecordFrame) {
  const { t } = useTranslation();
  const { role } = useSession();
  const format = useFormat();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const { startup } = props;
  const canWrite = can(role, 'startups.write');

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
        <DeleteRecordButton kind="startups" id={startup.id} name={startup.name} onDeleting={props.onDeleting} />
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
            const Icon = TABS[value].icon;
            return (
              <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} aria-hidden />}>
                {t(TABS[value].labelKey)}
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
              <ProfileEditForm
                kind="startups"
                record={startup}
                initialValues={startupFormValues(startup)}
                patch={updateStartupPatch}
                fields={(form) => <StartupFields form={form} />}
                onDone={() => setEditing(false)}
              />
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
        {DETAIL_TABS.map((value) => {
          const { Panel } = TABS[value];
          return Panel ? (
            <Tabs.Panel key={value} value={value}>
              <Panel startupId={startup.id} />
            </Tabs.Panel>
          ) : null;
        })}
      </Tabs>
    </>
  );
}
