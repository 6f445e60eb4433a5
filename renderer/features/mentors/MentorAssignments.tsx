/** Which startups the mentor works with, from when to when; assign to another, or end one. */
import { useState } from 'react';
import { Button, Text } from '@mantine/core';
import { IconPlus, IconRocket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/permissions.js';
import type { MentorAssignment } from '../../../shared/records/mentors.js';
import { useApiQuery } from '../../api/query.js';
import { AssignDialog, AssignmentsTable, EndAssignmentDialog } from '../../components/Assignments.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Panel } from '../../components/Panel.js';
import { QueryError } from '../../components/QueryError.js';
import { useSession } from '../auth/session.js';

export function MentorAssignments(props: { mentorId: string; mentorName: string }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const canWrite = can(role, 'startups.write');
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<MentorAssignment | null>(null);
  const list = useApiQuery('assignments.list', {
    filter: { mentorId: props.mentorId },
    sort: { field: 'fromDate', direction: 'desc' },
    limit: 500,
  });

  const assignButton = canWrite ? (
    <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAssigning(true)}>
      {t('mentors.assignments.assign')}
    </Button>
  ) : null;

  return (
    <Panel title={t('mentors.assignments.title')} actions={list.data && list.data.items.length > 0 ? assignButton : null}>
      {list.isPending ? (
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          icon={<IconRocket size={28} />}
          title={t('mentors.assignments.emptyTitle')}
          description={
            canWrite ? t('mentors.assignments.emptyBody', { name: props.mentorName }) : t('mentors.assignments.emptyBodyReadOnly')
          }
          action={assignButton}
        />
      ) : (
        <AssignmentsTable
          side="mentor"
          rows={list.data.items}
          label={t('mentors.assignments.title')}
          onEnd={canWrite ? setEnding : undefined}
        />
      )}
      <AssignDialog
        side="mentor"
        id={props.mentorId}
        title={t('mentors.assignments.assignTitle', { name: props.mentorName })}
        opened={assigning}
        onClose={() => setAssigning(false)}
      />
      <EndAssignmentDialog side="mentor" assignment={ending} onClose={() => setEnding(null)} />
    </Panel>
  );
}
