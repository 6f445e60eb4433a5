import { useState } from 'react';
import { Badge, Button, Group, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconCheck, IconFlag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { can } from '../../../../shared/auth/permissions.js';
import type { Milestone, MilestoneStatus } from '../../../../shared/records/startups.js';
import { blankToNull, changedFields, useApiForm } from '../../../api/forms.js';
import { useApiMutation, useApiQuery } from '../../../api/query.js';
import { Dash, OrDash } from '../../../components/Dash.js';
import { DateField } from '../../../components/DateField.js';
import { useDescribeIssue } from '../../../components/error-message.js';
import { FormFrame } from '../../../components/FormFrame.js';
import { useNotify } from '../../../components/notify.js';
import { QueryError } from '../../../components/QueryError.js';
import { RecordsSection, saveRow } from '../../../components/RecordsSection.js';
import { RowActionButton, RowActions } from '../../../components/RowActions.js';
import { todayIso, useFormat } from '../../../format/index.js';
import { useSession } from '../../auth/session.js';
import { TabSkeleton } from './TabSkeleton.js';

type Status = z.infer<typeof MilestoneStatus>;
const STATUSES: Status[] = ['planned', 'in-progress', 'done', 'missed'];
export const milestoneColor: Record<Status, string> = { planned: 'indigo', 'in-progress': 'blue', done: 'green', missed: 'red' };

export function MilestoneBadge(props: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge color={milestoneColor[props.status]} variant="light">
      {t(`startups.milestones.status.${props.status}`)}
    </Badge>
  );
}

export function MilestonesTab(props: { startupId: string }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const format = useFormat();
  const notify = useNotify();
  const canWrite = can(role, 'startups.write');
  const milestones = useApiQuery('milestones.list', {
    filter: { startupId: props.startupId },
    sort: { field: 'dueOn', direction: 'asc' },
    limit: 500,
  });
  const update = useApiMutation('milestones.update');
  const [marking, setMarking] = useState<string | null>(null);

  if (milestones.isPending) return <TabSkeleton />;
  if (milestones.isError) return <QueryError error={milestones.error} onRetry={() => void milestones.refetch()} />;
  const rows = milestones.data.items;
  const today = todayIso();

  const markDone = async (m: Milestone) => {
    setMarking(m.id);
    try {
      await update.mutateAsync({ id: m.id, patch: { status: 'done' } });
      notify.saved(t('startups.milestones.markedDone', { title: m.title }));
    } catch (error) {
      notify.failed(error);
    }
    setMarking(null);
  };

  const doneCount = rows.filter((m) => m.status === 'done').length;

  return (
    <RecordsSection
      rows={rows}
      title={t('startups.milestones.title')}
      subtitle={t('startups.milestones.progress', { done: format.number(doneCount), total: format.number(rows.length) })}
      empty={{
        icon: <IconFlag size={28} />,
        title: t('startups.milestones.emptyTitle'),
        body: canWrite ? t('startups.milestones.emptyBody') : t('startups.milestones.emptyBodyReadOnly'),
      }}
      table={{
        label: t('startups.milestones.title'),
        minWidth: 700,
        columns: [
          { key: 'title', header: t('startups.milestones.fields.title'), cell: (m) => m.title, strong: true },
          { key: 'dueOn', header: t('startups.milestones.fields.dueOn'), cell: (m) => <DueDate milestone={m} today={today} /> },
          { key: 'status', header: t('startups.milestones.fields.status'), cell: (m) => <MilestoneBadge status={m.status} /> },
          {
            key: 'completedOn',
            header: t('startups.milestones.fields.completedOn'),
            cell: (m) => <OrDash>{m.completedOn ? format.date(m.completedOn) : null}</OrDash>,
          },
        ],
        actions: canWrite
          ? (m, edit) => (
              <RowActions>
                {m.status !== 'done' ? (
                  <Button
                    size="xs"
                    variant="light"
                    color="green"
                    leftSection={<IconCheck size={14} aria-hidden />}
                    loading={marking === m.id}
                    onClick={() => void markDone(m)}
                    aria-label={t('startups.milestones.markDoneNamed', { title: m.title })}
                  >
                    {t('startups.milestones.markDone')}
                  </Button>
                ) : null}
                <RowActionButton
                  kind="edit"
                  tooltip={t('startups.milestones.edit')}
                  label={t('startups.milestones.editNamed', { title: m.title })}
                  onClick={() => edit(m)}
                />
              </RowActions>
            )
          : undefined,
      }}
      editor={
        canWrite
          ? {
              addLabel: t('startups.milestones.add'),
              dialogTitle: { add: t('startups.milestones.addTitle'), edit: t('startups.milestones.editTitle') },
              form: (milestone, done) => <MilestoneForm startupId={props.startupId} milestone={milestone} onDone={done} />,
            }
          : undefined
      }
    />
  );
}

/** The due date, red with "Overdue" while the milestone is open past it. */
function DueDate(props: { milestone: Milestone; today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const m = props.milestone;
  if (!m.dueOn) return <Dash />;
  const overdue = m.dueOn < props.today && (m.status === 'planned' || m.status === 'in-progress');
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c={overdue ? 'red' : undefined}>
        {format.date(m.dueOn)}
      </Text>
      {overdue ? (
        <Badge size="xs" color="red" variant="outline">
          {t('startups.milestones.overdue')}
        </Badge>
      ) : null}
    </Group>
  );
}

interface MilestoneFormValues extends Record<string, unknown> {
  title: string;
  dueOn: string;
  status: Status | null;
}

function MilestoneForm(props: { startupId: string; milestone: Milestone | null; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const { milestone } = props;
  const initial: MilestoneFormValues = {
    title: milestone?.title ?? '',
    dueOn: milestone?.dueOn ?? '',
    status: milestone?.status ?? 'planned',
  };
  const form = useApiForm({ initialValues: initial, pathPrefix: milestone ? ['patch'] : [], describeIssue });
  const create = useApiMutation('milestones.create');
  const update = useApiMutation('milestones.update');
  const statuses = STATUSES.map((value) => ({ value, label: t(`startups.milestones.status.${value}`) }));

  const submit = async () => {
    const values = { title: form.values.title, dueOn: blankToNull(form.values.dueOn), status: form.values.status ?? undefined };
    const patch: Parameters<typeof update.mutateAsync>[0]['patch'] = milestone
      ? changedFields(values, { title: milestone.title, dueOn: milestone.dueOn, status: milestone.status })
      : {};
    // Leaving "done" drops the completion date, which only a done milestone has.
    if (patch.status && patch.status !== 'done' && milestone?.completedOn) patch.completedOn = null;
    const saved = await saveRow(milestone !== null, patch, {
      create: () => create.mutateAsync({ startupId: props.startupId, ...values }),
      update: () => update.mutateAsync({ id: milestone!.id, patch }),
    });
    if (saved) notify.saved(t(milestone ? 'startups.milestones.saved' : 'startups.milestones.added', { title: saved.title }));
    props.onDone();
  };

  return (
    <FormFrame
      form={form}
      onSubmit={submit}
      submitLabel={milestone ? t('startups.milestones.submitEdit') : t('startups.milestones.submitAdd')}
      pending={create.isPending || update.isPending}
      onCancel={props.onDone}
    >
      <TextInput label={t('startups.milestones.fields.title')} required data-autofocus {...form.textProps('title')} />
      <SimpleGrid cols={2} spacing="md">
        <DateField
          label={t('startups.milestones.fields.dueOn')}
          value={form.values.dueOn}
          onChange={(value) => form.setFieldValue('dueOn', value)}
          error={form.errors.dueOn}
        />
        <Select
          label={t('startups.milestones.fields.status')}
          data={statuses}
          allowDeselect={false}
          {...form.selectProps('status')}
        />
      </SimpleGrid>
    </FormFrame>
  );
}
