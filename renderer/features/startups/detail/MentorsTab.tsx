/** The mentors who work with the startup now and before; assign one, or end an assignment. */
import { useState } from 'react';
import { Button, Stack } from '@mantine/core';
import { IconPlus, IconUserStar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/auth/permissions.js';
import type { MentorAssignment } from '../../../../shared/records/mentors.js';
import { useApiQuery } from '../../../api/query.js';
import { AssignDialog, AssignmentsTable, EndAssignmentDialog, isCurrent } from '../../../components/Assignments.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Panel } from '../../../components/Panel.js';
import { QueryError } from '../../../components/QueryError.js';
import { useSession } from '../../auth/session.js';
import { TabSkeleton } from './TabSkeleton.js';

export function MentorsTab(props: { startupId: string }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const canWrite = can(role, 'startups.write');
  const assignments = useApiQuery('assignments.list', {
    filter: { startupId: props.startupId },
    sort: { field: 'fromDate', direction: 'desc' },
    limit: 500,
  });
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<MentorAssignment | null>(null);

  if (assignments.isPending) return <TabSkeleton />;
  if (assignments.isError) return <QueryError error={assignments.error} onRetry={() => void assignments.refetch()} />;

  const current = assignments.data.items.filter((a) => isCurrent(a));
  const past = assignments.data.items.filter((a) => !isCurrent(a));

  const assignButton = canWrite ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAssigning(true)}>
      {t('startups.mentors.assign')}
    </Button>
  ) : null;

  return (
    <Stack gap="lg">
      <Panel title={t('startups.mentors.current')} actions={current.length > 0 ? assignButton : null}>
        {current.length === 0 ? (
          <EmptyState
            icon={<IconUserStar size={28} />}
            title={t('startups.mentors.emptyTitle')}
            description={canWrite ? t('startups.mentors.emptyBody') : t('startups.mentors.emptyBodyReadOnly')}
            action={assignButton}
          />
        ) : (
          <AssignmentsTable
            side="startup"
            rows={current}
            onEnd={canWrite ? setEnding : undefined}
            label={t('startups.mentors.current')}
          />
        )}
      </Panel>
      {past.length > 0 ? (
        <Panel title={t('startups.mentors.past')}>
          <AssignmentsTable side="startup" rows={past} label={t('startups.mentors.past')} />
        </Panel>
      ) : null}
      <AssignDialog
        side="startup"
        id={props.startupId}
        title={t('startups.mentors.assignTitle')}
        opened={assigning}
        onClose={() => setAssigning(false)}
      />
      <EndAssignmentDialog side="startup" assignment={ending} onClose={() => setEnding(null)} />
    </Stack>
  );
}
