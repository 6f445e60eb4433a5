import { useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck, IconEdit, IconFlag, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { can } from '../../../../shared/auth/permissions.js';
import type { Milestone, MilestoneStatus } from '../../../../shared/records/startups.js';
import { blankToNull, changedFields, useApiForm } from '../../../api/forms.js';
import { useApiMutation, useApiQuery } from '../../../api/query.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { useDescribeIssue } from '../../../components/error-message.js';
import { FormError } from '../../../components/FormError.js';
import { useNotify } from '../../../components/notify.js';
import { QueryError } from '../../../components/QueryError.js';
import { useFormat } from '../../../format/index.js';
import { useSession } from '../../auth/session.js';
import { todayIso } from './quarters.js';
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
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null);
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

  const addButton = canWrite ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('startups.milestones.add')}
    </Button>
  ) : null;

  const doneCount = rows.filter((m) => m.status === 'done').length;

  return (
    <Paper withBorder radius="md" p="lg">
      {rows.length === 0 ? (
        <EmptyState
          icon={<IconFlag size={28} />}
          title={t('startups.milestones.emptyTitle')}
          description={canWrite ? t('startups.milestones.emptyBody') : t('startups.milestones.emptyBodyReadOnly')}
          action={addButton}
        />
      ) : (
        <Stack gap="md">
          <Group justify="space-between">
            <Stack gap={0}>
              <Title order={2} size="h4">
                {t('startups.milestones.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('startups.milestones.progress', { done: format.number(doneCount), total: format.number(rows.length) })}
              </Text>
            </Stack>
            {addButton}
          </Group>
          <Table.ScrollContainer minWidth={700}>
            <Table verticalSpacing="sm" highlightOnHover aria-label={t('startups.milestones.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('startups.milestones.fields.title')}</Table.Th>
                  <Table.Th>{t('startups.milestones.fields.dueOn')}</Table.Th>
                  <Table.Th>{t('startups.milestones.fields.status')}</Table.Th>
                  <Table.Th>{t('startups.milestones.fields.completedOn')}</Table.Th>
                  {canWrite ? (
                    <Table.Th>
                      <VisuallyHidden>{t('startups.actions')}</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((m) => {
                  const overdue = m.dueOn !== null && m.dueOn < today && (m.status === 'planned' || m.status === 'in-progress');
                  return (
                    <Table.Tr key={m.id}>
                      <Table.Td fw={600}>{m.title}</Table.Td>
                      <Table.Td>
                        {m.dueOn ? (
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
                        ) : (
                          <Text span c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <MilestoneBadge status={m.status} />
                      </Table.Td>
                      <Table.Td>
                        {m.completedOn ? (
                          format.date(m.completedOn)
                        ) : (
                          <Text span c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      {canWrite ? (
                        <Table.Td>
                          <Group gap={6} wrap="nowrap" justify="flex-end">
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
                            <Tooltip label={t('startups.milestones.edit')}>
                              <ActionIcon
                                variant="subtle"
                                color="gray"
                                onClick={() => setEditing(m)}
                                aria-label={t('startups.milestones.editNamed', { title: m.title })}
                              >
                                <IconEdit size={18} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('startups.milestones.addTitle') : t('startups.milestones.editTitle')}
      >
        {editing !== null ? (
          <MilestoneForm
            key={editing === 'new' ? 'new' : editing.id}
            startupId={props.startupId}
            milestone={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
    </Paper>
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    const values = { title: form.values.title, dueOn: blankToNull(form.values.dueOn), status: form.values.status ?? undefined };
    try {
      if (milestone) {
        const patch: Parameters<typeof update.mutateAsync>[0]['patch'] = changedFields(values, {
          title: milestone.title,
          dueOn: milestone.dueOn,
          status: milestone.status,
        });
        // Leaving "done" drops the completion date, which only a done milestone has.
        if (patch.status && patch.status !== 'done' && milestone.completedOn) patch.completedOn = null;
        if (Object.keys(patch).length > 0) {
          const saved = await update.mutateAsync({ id: milestone.id, patch });
          notify.saved(t('startups.milestones.saved', { title: saved.title }));
        }
      } else {
        const created = await create.mutateAsync({ startupId: props.startupId, ...values });
        notify.saved(t('startups.milestones.added', { title: created.title }));
      }
      props.onDone();
    } catch (error) {
      form.showFailure(error);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <FormError message={form.formError} />
        <TextInput label={t('startups.milestones.fields.title')} required data-autofocus {...form.textProps('title')} />
        <SimpleGrid cols={2} spacing="md">
          <TextInput label={t('startups.milestones.fields.dueOn')} type="date" {...form.textProps('dueOn')} />
          <Select
            label={t('startups.milestones.fields.status')}
            data={statuses}
            allowDeselect={false}
            {...form.selectProps('status')}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onDone} disabled={create.isPending || update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {milestone ? t('startups.milestones.submitEdit') : t('startups.milestones.submitAdd')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
