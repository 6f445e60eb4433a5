/**
 * Mentor assignments (which mentor works with which startup, from when to when), as both a
 * mentor's page and a startup's Mentors tab show them: the table, and the dialogs to assign
 * and to end an assignment. `side` is whose page it is; the other party is the one listed
 * and picked.
 */
import { useState } from 'react';
import { Badge, Button, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MentorAssignment } from '../../shared/records/mentors.js';
import { blankToNull, useApiForm } from '../api/forms.js';
import { useApiMutation } from '../api/query.js';
import { todayIso, useFormat } from '../format/index.js';
import { DataTable } from './DataTable.js';
import { DateField } from './DateField.js';
import { useDescribeIssue } from './error-message.js';
import { FormFrame } from './FormFrame.js';
import { useNotify } from './notify.js';
import { MentorLink, StartupLink } from './RecordLinks.js';
import { MentorPicker, StartupPicker } from './RecordPickers.js';

export type AssignmentSide = 'mentor' | 'startup';

/** The words that differ with the side: on a mentor's page the other party is a startup. */
const WORDS = {
  mentor: {
    other: 'mentors.assignments.fields.startup',
    formLabel: 'mentors.assignments.formLabel',
    submit: 'mentors.assignments.submit',
    assigned: 'mentors.assignments.assigned',
  },
  startup: {
    other: 'startups.mentors.fields.mentor',
    formLabel: 'startups.mentors.formLabel',
    submit: 'startups.mentors.assignSubmit',
    assigned: 'startups.mentors.assigned',
  },
} as const;

/** Whether an assignment still runs today (no end, or an end today or later). */
export function isCurrent(assignment: MentorAssignment, today: string = todayIso()): boolean {
  return assignment.toDate === null || assignment.toDate >= today;
}

function OtherParty(props: { side: AssignmentSide; assignment: MentorAssignment }) {
  return props.side === 'mentor' ? (
    <StartupLink id={props.assignment.startupId} />
  ) : (
    <MentorLink id={props.assignment.mentorId} />
  );
}

export function AssignmentsTable(props: {
  side: AssignmentSide;
  rows: MentorAssignment[];
  label: string;
  /** Offers "End assignment" on the current rows. */
  onEnd?: (assignment: MentorAssignment) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = todayIso();
  return (
    <DataTable
      label={props.label}
      rows={props.rows}
      minWidth={560}
      columns={[
        { key: 'other', header: t(WORDS[props.side].other), cell: (a) => <OtherParty side={props.side} assignment={a} /> },
        { key: 'from', header: t('assignments.from'), cell: (a) => format.date(a.fromDate) },
        {
          key: 'to',
          header: t('assignments.to'),
          cell: (a) =>
            a.toDate ? (
              <Text size="sm" c={isCurrent(a, today) ? undefined : 'dimmed'}>
                {format.date(a.toDate)}
              </Text>
            ) : (
              <Badge variant="light" color="brand" tt="none">
                {t('assignments.ongoing')}
              </Badge>
            ),
        },
      ]}
      actions={
        props.onEnd
          ? (a) =>
              isCurrent(a, today) ? (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconCalendarOff size={14} aria-hidden />}
                  onClick={() => props.onEnd?.(a)}
                >
                  {t('assignments.end')}
                </Button>
              ) : null
          : undefined
      }
    />
  );
}

/** Assigns the mentor (or the startup) whose page it is to one the user picks. */
export function AssignDialog(props: { side: AssignmentSide; id: string; title: string; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      {props.opened ? <AssignForm side={props.side} id={props.id} onDone={props.onClose} /> : null}
    </Modal>
  );
}

function AssignForm(props: { side: AssignmentSide; id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const form = useApiForm<{ otherId: string | null; fromDate: string; toDate: string }>({
    initialValues: { otherId: null, fromDate: todayIso(), toDate: '' },
    fieldOf: props.side === 'mentor' ? { startupId: 'otherId' } : { mentorId: 'otherId' },
    describeIssue,
  });
  const create = useApiMutation('assignments.create');
  const [otherName, setOtherName] = useState<string | null>(null);
  const words = WORDS[props.side];
  const Picker = props.side === 'mentor' ? StartupPicker : MentorPicker;

  const submit = async () => {
    const other = form.values.otherId ?? '';
    const toDate = blankToNull(form.values.toDate);
    await create.mutateAsync({
      mentorId: props.side === 'mentor' ? props.id : other,
      startupId: props.side === 'mentor' ? other : props.id,
      fromDate: form.values.fromDate,
      ...(toDate ? { toDate } : {}),
    });
    notify.saved(t(words.assigned, { name: otherName ?? '' }));
    props.onDone();
  };

  return (
    <FormFrame
      form={form}
      onSubmit={submit}
      submitLabel={t(words.submit)}
      pending={create.isPending}
      onCancel={props.onDone}
      label={t(words.formLabel)}
    >
      <Picker
        label={t(words.other)}
        required
        data-autofocus
        value={form.values.otherId}
        onChange={(id, label) => {
          form.setFieldValue('otherId', id);
          setOtherName(label);
        }}
        error={form.errors.otherId}
      />
      <SimpleGrid cols={2} spacing="md">
        <DateField
          label={t('assignments.from')}
          required
          clearable={false}
          value={form.values.fromDate}
          onChange={(value) => form.setFieldValue('fromDate', value)}
          error={form.errors.fromDate}
        />
        <DateField
          label={t('assignments.to')}
          description={t('assignments.toHint')}
          value={form.values.toDate}
          onChange={(value) => form.setFieldValue('toDate', value)}
          error={form.errors.toDate}
        />
      </SimpleGrid>
    </FormFrame>
  );
}

/** Ends an assignment on a day the user gives (today unless changed). */
export function EndAssignmentDialog(props: { side: AssignmentSide; assignment: MentorAssignment | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.assignment !== null} onClose={props.onClose} title={t('assignments.endTitle')}>
      {props.assignment ? <EndForm side={props.side} assignment={props.assignment} onDone={props.onClose} /> : null}
    </Modal>
  );
}

function EndForm(props: { side: AssignmentSide; assignment: MentorAssignment; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const form = useApiForm({ initialValues: { toDate: todayIso() }, describeIssue });
  const end = useApiMutation('assignments.end');

  const submit = async () => {
    await end.mutateAsync({ id: props.assignment.id, toDate: form.values.toDate });
    notify.saved(t('assignments.ended'));
    props.onDone();
  };

  return (
    <FormFrame
      form={form}
      onSubmit={submit}
      submitLabel={t('assignments.endSubmit')}
      pending={end.isPending}
      onCancel={props.onDone}
      danger
      label={t('assignments.endTitle')}
    >
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {t(WORDS[props.side].other)}
        </Text>
        <div>
          <OtherParty side={props.side} assignment={props.assignment} />
        </div>
      </Stack>
      <DateField
        label={t('assignments.lastDay')}
        description={t('assignments.lastDayHint')}
        required
        clearable={false}
        data-autofocus
        value={form.values.toDate}
        onChange={(value) => form.setFieldValue('toDate', value)}
        error={form.errors.toDate}
      />
    </FormFrame>
  );
}
