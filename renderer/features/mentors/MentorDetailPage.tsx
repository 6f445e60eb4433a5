/** One mentor: profile (editable), hours this quarter, assignments to startups and sessions. */
import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { IconEdit, IconPlus, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '../../../shared/auth/permissions.js';
import type { Mentor } from '../../../shared/records/mentors.js';
import { DeleteRecordButton, RecordPage, type RecordFrame } from '../../components/DetailFrame.js';
import { FieldList } from '../../components/FieldList.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProfileEditForm } from '../../components/ProfileEditForm.js';
import { StatCard } from '../../components/StatCard.js';
import { Tags } from '../../components/Tags.js';
import { useFormat } from '../../format/index.js';
import { useSession } from '../auth/session.js';
import { openLogSession } from '../sessions/log-session-store.js';
import { RecordSessions } from '../sessions/RecordSessions.js';
import { useMentorHours } from './HoursThisQuarter.js';
import { LocalTime } from './LocalTime.js';
import { MentorAssignments } from './MentorAssignments.js';
import { mentorFormValues, updateMentorPatch } from './mentor-form.js';
import { MentorFields } from './MentorFields.js';
import { isAbroad, quarterOf, useNow } from './time.js';

export function MentorDetailPage() {
  const { id = '' } = useParams();
  return (
    <RecordPage kind="mentors" id={id} icon={<IconUserOff size={28} />}>
      {(mentor, frame) => <MentorProfile key={mentor.id} mentor={mentor} {...frame} />}
    </RecordPage>
  );
}

function MentorProfile(props: { mentor: Mentor } & RecordFrame) {
  const { t } = useTranslation();
  const { role } = useSession();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const { mentor } = props;
  const canWrite = can(role, 'mentors.write');
  const now = useNow();
  const quarter = quarterOf(now);
  const quarterLabel = t('mentors.quarter', { q: quarter.q, year: quarter.year });
  const hours = useMentorHours(mentor.id, quarter);

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
          <DeleteRecordButton kind="mentors" id={mentor.id} name={mentor.name} onDeleting={props.onDeleting} />
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
          <StatCard
            label={t('mentors.fields.hoursIn', { quarter: quarterLabel })}
            testId="mentor-hours"
            value={hours.data ? format.number(hours.data.hours, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : null}
          />
          <StatCard
            label={t('mentors.stats.sessionsIn', { quarter: quarterLabel })}
            value={hours.data ? format.number(hours.data.sessions) : null}
          />
          <StatCard label={t('mentors.fields.localTime')} value={<LocalTime timeZone={mentor.timeZone} now={now} />} />
        </SimpleGrid>

        <Paper withBorder radius="md" p="lg">
          <Title order={2} size="h4" mb="md">
            {editing ? t('mentors.edit.title') : t('mentors.profile')}
          </Title>
          {editing ? (
            <ProfileEditForm
              kind="mentors"
              record={mentor}
              initialValues={mentorFormValues(mentor)}
              patch={updateMentorPatch}
              fields={(form) => <MentorFields form={form} />}
              onDone={() => setEditing(false)}
            />
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
    </>
  );
}

function MentorSessions(props: { mentorId: string }) {
  const { t } = useTranslation();
  return (
    <RecordSessions
      filter={{ mentorId: props.mentorId }}
      title={t('mentors.sessions.title')}
      aside={(total) => (
        <Anchor component={Link} to={`/sessions?mentor=${props.mentorId}`} size="sm">
          {t('mentors.sessions.all', { count: total })}
        </Anchor>
      )}
      empty={{ title: t('mentors.sessions.emptyTitle'), body: t('mentors.sessions.emptyBody') }}
      hide={['mentor']}
      pageSize={10}
    />
  );
}
