/** Which startups the mentor works with, from when to when; assign to another, or end one. */
import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarOff, IconPlus, IconRocket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/permissions.js';
import type { MentorAssignment } from '../../../shared/records/mentors.js';
import { blankToNull, useApiForm } from '../../api/forms.js';
import { useApiMutation, useApiQuery } from '../../api/query.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormError } from '../../components/FormError.js';
import { useNotify } from '../../components/notify.js';
import { QueryError } from '../../components/QueryError.js';
import { useFormat } from '../../format/index.js';
import { useSession } from '../auth/session.js';
import { StartupLink } from '../sessions/names.js';
import { StartupPicker } from '../sessions/pickers.js';
import { todayIso } from './time.js';

export function MentorAssignments(props: { mentorId: string; mentorName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useSession();
  const canWrite = can(role, 'startups.write');
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<MentorAssignment | null>(null);
  const list = useApiQuery('assignments.list', {
    filter: { mentorId: props.mentorId },
    sort: { field: 'fromDate', direction: 'desc' },
    limit: 500,
  });
  const today = todayIso();

  const assignButton = canWrite ? (
    <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAssigning(true)}>
      {t('mentors.assignments.assign')}
    </Button>
  ) : null;

  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {t('mentors.assignments.title')}
        </Title>
        {list.data && list.data.items.length > 0 ? assignButton : null}
      </Group>
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
          description={t('mentors.assignments.emptyBody', { name: props.mentorName })}
          action={assignButton}
        />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="sm" aria-label={t('mentors.assignments.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mentors.assignments.fields.startup')}</Table.Th>
                <Table.Th>{t('mentors.assignments.fields.from')}</Table.Th>
                <Table.Th>{t('mentors.assignments.fields.to')}</Table.Th>
                {canWrite ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((a) => {
                const active = a.toDate === null || a.toDate >= today;
                return (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <StartupLink id={a.startupId} />
                    </Table.Td>
                    <Table.Td>{format.date(a.fromDate)}</Table.Td>
                    <Table.Td>
                      {a.toDate ? (
                        <Text size="sm" c={active ? undefined : 'dimmed'}>
                          {format.date(a.toDate)}
                        </Text>
                      ) : (
                        <Badge variant="light" color="teal" tt="none">
                          {t('mentors.assignments.ongoing')}
                        </Badge>
                      )}
                    </Table.Td>
                    {canWrite ? (
                      <Table.Td ta="end">
                        {a.toDate === null ? (
                          <Button
                            size="xs"
                            variant="default"
                            leftSection={<IconCalendarOff size={14} aria-hidden />}
                            onClick={() => setEnding(a)}
                          >
                            {t('mentors.assignments.end')}
                          </Button>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={assigning}
        onClose={() => setAssigning(false)}
        title={t('mentors.assignments.assignTitle', { name: props.mentorName })}
      >
        {assigning ? <AssignForm mentorId={props.mentorId} onDone={() => setAssigning(false)} /> : null}
      </Modal>
      <Modal opened={ending !== null} onClose={() => setEnding(null)} title={t('mentors.assignments.endTitle')}>
        {ending ? <EndForm assignment={ending} onDone={() => setEnding(null)} /> : null}
      </Modal>
    </Paper>
  );
}

function AssignForm(props: { mentorId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const form = useApiForm<{ startupId: string | null; fromDate: string; toDate: string }>({
    initialValues: { startupId: null, fromDate: todayIso(), toDate: '' },
    describeIssue,
  });
  const create = useApiMutation('assignments.create');
  const [startupName, setStartupName] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    try {
      const toDate = blankToNull(form.values.toDate);
      await create.mutateAsync({
        mentorId: props.mentorId,
        startupId: form.values.startupId ?? '',
        fromDate: form.values.fromDate,
        ...(toDate ? { toDate } : {}),
      });
      notify.saved(t('mentors.assignments.assigned', { name: startupName ?? '' }));
      props.onDone();
    } catch (error) {
      form.showFailure(error);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('mentors.assignments.formLabel')}>
      <Stack gap="md">
        <FormError message={form.formError} />
        <StartupPicker
          label={t('mentors.assignments.fields.startup')}
          required
          data-autofocus
          value={form.values.startupId}
          onChange={(id, label) => {
            form.setFieldValue('startupId', id);
            setStartupName(label);
          }}
          error={form.errors.startupId}
        />
        <SimpleGrid cols={2} spacing="md">
          <TextInput label={t('mentors.assignments.fields.from')} type="date" required {...form.textProps('fromDate')} />
          <TextInput
            label={t('mentors.assignments.fields.to')}
            description={t('mentors.assignments.toHint')}
            type="date"
            {...form.textProps('toDate')}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onDone} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('mentors.assignments.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EndForm(props: { assignment: MentorAssignment; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const form = useApiForm({ initialValues: { toDate: todayIso() }, describeIssue });
  const end = useApiMutation('assignments.end');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    try {
      await end.mutateAsync({ id: props.assignment.id, toDate: form.values.toDate });
      notify.saved(t('mentors.assignments.ended'));
      props.onDone();
    } catch (error) {
      form.showFailure(error);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('mentors.assignments.endTitle')}>
      <Stack gap="md">
        <div>
          <StartupLink id={props.assignment.startupId} />
        </div>
        <FormError message={form.formError} />
        <TextInput
          label={t('mentors.assignments.fields.lastDay')}
          type="date"
          required
          data-autofocus
          {...form.textProps('toDate')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onDone} disabled={end.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={end.isPending}>
            {t('mentors.assignments.endSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
