import { useMemo, useState, type FormEvent } from 'react';
import { Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendarOff, IconPlus, IconUserStar } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/auth/permissions.js';
import type { MentorAssignment } from '../../../../shared/records/mentors.js';
import { useApiForm } from '../../../api/forms.js';
import { useApiMutation, useApiQuery } from '../../../api/query.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { useDescribeIssue } from '../../../components/error-message.js';
import { FormError } from '../../../components/FormError.js';
import { useNotify } from '../../../components/notify.js';
import { QueryError } from '../../../components/QueryError.js';
import { useFormat } from '../../../format/index.js';
import { useSession } from '../../auth/session.js';
import { MentorName } from './MentorName.js';
import { todayIso } from './quarters.js';
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

  const today = todayIso();
  const current = assignments.data.items.filter((a) => a.toDate === null || a.toDate >= today);
  const past = assignments.data.items.filter((a) => a.toDate !== null && a.toDate < today);

  const assignButton = canWrite ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAssigning(true)}>
      {t('startups.mentors.assign')}
    </Button>
  ) : null;

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg">
        <Group justify="space-between" mb="md">
          <Title order={2} size="h4">
            {t('startups.mentors.current')}
          </Title>
          {current.length > 0 ? assignButton : null}
        </Group>
        {current.length === 0 ? (
          <EmptyState
            icon={<IconUserStar size={28} />}
            title={t('startups.mentors.emptyTitle')}
            description={canWrite ? t('startups.mentors.emptyBody') : t('startups.mentors.emptyBodyReadOnly')}
            action={assignButton}
          />
        ) : (
          <AssignmentTable rows={current} onEnd={canWrite ? setEnding : undefined} label={t('startups.mentors.current')} />
        )}
      </Paper>
      {past.length > 0 ? (
        <Paper withBorder radius="md" p="lg">
          <Title order={2} size="h4" mb="md">
            {t('startups.mentors.past')}
          </Title>
          <AssignmentTable rows={past} label={t('startups.mentors.past')} />
        </Paper>
      ) : null}
      <Modal opened={assigning} onClose={() => setAssigning(false)} title={t('startups.mentors.assignTitle')}>
        {assigning ? <AssignForm startupId={props.startupId} onDone={() => setAssigning(false)} /> : null}
      </Modal>
      <Modal opened={ending !== null} onClose={() => setEnding(null)} title={t('startups.mentors.endTitle')}>
        {ending ? <EndForm assignment={ending} onDone={() => setEnding(null)} /> : null}
      </Modal>
    </Stack>
  );
}

function AssignmentTable(props: { rows: MentorAssignment[]; label: string; onEnd?: (a: MentorAssignment) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" aria-label={props.label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('startups.mentors.fields.mentor')}</Table.Th>
            <Table.Th>{t('startups.mentors.fields.from')}</Table.Th>
            <Table.Th>{t('startups.mentors.fields.to')}</Table.Th>
            {props.onEnd ? <Table.Th /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <MentorName id={a.mentorId} />
              </Table.Td>
              <Table.Td>{format.date(a.fromDate)}</Table.Td>
              <Table.Td>
                {a.toDate ? (
                  format.date(a.toDate)
                ) : (
                  <Badge variant="light" color="brand">
                    {t('startups.mentors.ongoing')}
                  </Badge>
                )}
              </Table.Td>
              {props.onEnd ? (
                <Table.Td ta="end">
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconCalendarOff size={14} aria-hidden />}
                    onClick={() => props.onEnd?.(a)}
                  >
                    {t('startups.mentors.end')}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AssignForm(props: { startupId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const form = useApiForm<{ mentorId: string | null; fromDate: string }>({
    initialValues: { mentorId: null, fromDate: todayIso() },
    describeIssue,
  });
  const create = useApiMutation('assignments.create');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [chosenLabel, setChosenLabel] = useState<{ value: string; label: string } | null>(null);
  const mentors = useApiQuery(
    'mentors.list',
    {
      ...(debounced.trim() && debounced !== chosenLabel?.label ? { search: debounced.trim() } : {}),
      sort: { field: 'name', direction: 'asc' },
      limit: 30,
    },
    { placeholderData: keepPreviousData },
  );
  const options = useMemo(() => {
    const list = (mentors.data?.items ?? []).map((m) => ({
      value: m.id,
      label: m.name,
      description: [m.organisation, m.city].filter(Boolean).join(' · '),
    }));
    if (chosenLabel && !list.some((o) => o.value === chosenLabel.value)) list.unshift({ ...chosenLabel, description: '' });
    return list;
  }, [mentors.data, chosenLabel]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    try {
      await create.mutateAsync({
        startupId: props.startupId,
        mentorId: form.values.mentorId ?? '',
        fromDate: form.values.fromDate,
      });
      notify.saved(t('startups.mentors.assigned', { name: chosenLabel?.label ?? '' }));
      props.onDone();
    } catch (error) {
      form.showFailure(error);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('startups.mentors.assignTitle')}>
      <Stack gap="md">
        <FormError message={form.formError} />
        <Select
          label={t('startups.mentors.fields.mentor')}
          placeholder={t('startups.mentors.searchPlaceholder')}
          required
          searchable
          data-autofocus
          data={options}
          filter={({ options: all }) => all}
          searchValue={search}
          onSearchChange={setSearch}
          nothingFoundMessage={mentors.isFetching ? t('common.loading') : t('common.noOptions')}
          renderOption={({ option }) => {
            const description = options.find((o) => o.value === option.value)?.description;
            return (
              <Stack gap={0}>
                <Text size="sm">{option.label}</Text>
                {description ? (
                  <Text size="xs" c="dimmed">
                    {description}
                  </Text>
                ) : null}
              </Stack>
            );
          }}
          value={form.values.mentorId}
          onChange={(value, option) => {
            form.setFieldValue('mentorId', value);
            setChosenLabel(value ? { value, label: option.label } : null);
          }}
          error={form.errors.mentorId}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput label={t('startups.mentors.fields.from')} type="date" required {...form.textProps('fromDate')} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onDone} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('startups.mentors.assignSubmit')}
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
      notify.saved(t('startups.mentors.ended'));
      props.onDone();
    } catch (error) {
      form.showFailure(error);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('startups.mentors.endTitle')}>
      <Stack gap="md">
        <Text size="sm">
          <MentorName id={props.assignment.mentorId} />
        </Text>
        <FormError message={form.formError} />
        <TextInput
          label={t('startups.mentors.fields.lastDay')}
          description={t('startups.mentors.lastDayHint')}
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
            {t('startups.mentors.endSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
