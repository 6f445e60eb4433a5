import { useState } from 'react';
import { Anchor, Badge, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Enrolment } from '../../../shared/records/trainees.js';
import { blankToNull, useApiForm } from '../../api/forms.js';
import { useApiMutation, useApiQuery } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { useNotify } from '../../components/notify.js';
import { useFormat } from '../../format/index.js';
import { DeleteRecordModal, type DeleteTarget } from './DeleteRecordModal.js';
import type { Status } from './list-params.js';
import { useTraineeOptions } from './options.js';
import { CohortSelect, ProgrammeSelect } from './ProgrammeCohortSelect.js';
import { RecordFormModal } from './RecordFormModal.js';
import { RowActions } from './RowActions.js';
import { TabSection } from './TabSection.js';

const STATUS_COLOUR = { enrolled: 'blue', completed: 'brand', dropped: 'gray' } as const;

export function EnrolmentsTab(props: { traineeId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const enrolments = useApiQuery('enrolments.list', { filter: { traineeId: props.traineeId }, limit: 200 });
  // null: closed; 'new': enrolling; an enrolment: editing it.
  const [editing, setEditing] = useState<Enrolment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  return (
    <>
      <TabSection
        query={enrolments}
        label={t('trainees.tabs.enrolments')}
        columns={[
          t('trainees.enrolment.cohort'),
          t('trainees.enrolment.status'),
          t('trainees.enrolment.score'),
          t('trainees.enrolment.completedOn'),
        ]}
        empty={t('trainees.enrolment.empty')}
        count={(count) => t('trainees.enrolment.count', { count })}
        addLabel={t('trainees.enrolment.add')}
        onAdd={props.canWrite ? () => setEditing('new') : undefined}
        row={(e) => [
          <CohortName key="c" id={e.cohortId} />,
          <Badge key="s" variant="light" color={STATUS_COLOUR[e.status]}>
            {t(`trainees.enums.status.${e.status}`)}
          </Badge>,
          e.score === null ? '—' : format.number(e.score),
          e.completedOn ? format.date(e.completedOn) : '—',
        ]}
        actions={
          props.canWrite
            ? (e) => (
                <EnrolmentActions
                  enrolment={e}
                  onEdit={() => setEditing(e)}
                  onDelete={(name) => setDeleting({ id: e.id, name })}
                />
              )
            : undefined
        }
      />
      {editing !== null ? (
        <EnrolmentModal
          traineeId={props.traineeId}
          enrolment={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <DeleteRecordModal kind="enrolment" target={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

/** An enrolment's buttons, named after its cohort (already loaded for the row's first cell). */
function EnrolmentActions(props: { enrolment: Enrolment; onEdit: () => void; onDelete: (cohortName: string) => void }) {
  const { t } = useTranslation();
  const cohort = useApiQuery('cohorts.get', { id: props.enrolment.cohortId });
  const name = cohort.data?.name ?? t('trainees.enrolment.thisCohort');
  return (
    <RowActions
      editLabel={t('trainees.enrolment.editLabel', { name })}
      deleteLabel={t('trainees.enrolment.deleteLabel', { name })}
      onEdit={props.onEdit}
      onDelete={() => props.onDelete(name)}
    />
  );
}

/** A cohort's name and its programme's, linked to the programme. */
function CohortName(props: { id: string }) {
  const cohort = useApiQuery('cohorts.get', { id: props.id });
  const programme = useApiQuery('programmes.get', { id: cohort.data?.programmeId ?? '' }, { enabled: Boolean(cohort.data) });
  if (!cohort.data)
    return (
      <Text span c="dimmed">
        …
      </Text>
    );
  return (
    <Stack gap={0}>
      <Text span size="sm" fw={600}>
        {cohort.data.name}
      </Text>
      {programme.data ? (
        <Anchor component={Link} to={`/programmes/${programme.data.id}`} size="xs" c="dimmed">
          {programme.data.name}
        </Anchor>
      ) : null}
    </Stack>
  );
}

interface EnrolmentFormValues extends Record<string, unknown> {
  programmeId: string | null;
  cohortId: string | null;
  status: Status | null;
  score: number | string;
  completedOn: string;
}

function EnrolmentModal(props: { traineeId: string; enrolment: Enrolment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const { statuses } = useTraineeOptions();
  const { enrolment } = props;
  const form = useApiForm<EnrolmentFormValues>({
    initialValues: {
      programmeId: null,
      cohortId: enrolment?.cohortId ?? null,
      status: enrolment?.status ?? 'enrolled',
      score: enrolment?.score ?? '',
      completedOn: enrolment?.completedOn ?? '',
    },
    pathPrefix: enrolment ? ['patch'] : [],
    describeIssue,
  });
  const create = useApiMutation('enrolments.create');
  const update = useApiMutation('enrolments.update');
  const saving = create.isPending || update.isPending;

  const submit = async () => {
    form.clearErrors();
    const v = form.values;
    const score = typeof v.score === 'number' ? v.score : null;
    const completedOn = blankToNull(v.completedOn);
    try {
      if (enrolment) {
        const patch: Record<string, unknown> = {};
        if (v.status && v.status !== enrolment.status) patch.status = v.status;
        if (score !== enrolment.score) patch.score = score;
        if (completedOn !== enrolment.completedOn) patch.completedOn = completedOn;
        if (Object.keys(patch).length > 0) {
          await update.mutateAsync({ id: enrolment.id, patch });
          notify.saved(t('trainees.enrolment.saved'));
        }
      } else {
        if (!v.cohortId) {
          form.setFieldError('cohortId', t('trainees.enrolment.chooseCohort'));
          return;
        }
        await create.mutateAsync({
          traineeId: props.traineeId,
          cohortId: v.cohortId,
          ...(v.status ? { status: v.status } : {}),
          ...(score !== null ? { score } : {}),
          ...(completedOn ? { completedOn } : {}),
        });
        notify.saved(t('trainees.enrolment.saved'));
      }
      props.onClose();
    } catch (error) {
      form.showFailure(error);
    }
  };

  return (
    <RecordFormModal
      title={enrolment ? t('trainees.enrolment.editTitle') : t('trainees.enrolment.addTitle')}
      submitLabel={t('trainees.enrolment.submit')}
      formError={form.formError}
      saving={saving}
      onSubmit={submit}
      onClose={props.onClose}
    >
      {enrolment ? (
        <div>
          <Text size="sm" c="dimmed">
            {t('trainees.enrolment.cohort')}
          </Text>
          <CohortName id={enrolment.cohortId} />
        </div>
      ) : (
        <>
          <ProgrammeSelect
            label={t('trainees.filters.programme')}
            value={form.values.programmeId}
            onChange={(value) => {
              form.setFieldValue('programmeId', value);
              form.setFieldValue('cohortId', null);
            }}
            required
            data-autofocus
          />
          <CohortSelect
            label={t('trainees.enrolment.cohort')}
            programmeId={form.values.programmeId}
            value={form.values.cohortId}
            onChange={(value) => form.setFieldValue('cohortId', value)}
            error={form.errors.cohortId}
            required
          />
        </>
      )}
      <SimpleGrid cols={2} spacing="md">
        <Select
          label={t('trainees.enrolment.status')}
          data={statuses}
          allowDeselect={false}
          data-autofocus={enrolment ? true : undefined}
          {...form.selectProps('status')}
        />
        <NumberInput
          label={t('trainees.enrolment.score')}
          min={0}
          max={100}
          value={form.values.score}
          onChange={(value) => form.setFieldValue('score', value)}
          error={form.errors.score}
        />
      </SimpleGrid>
      <TextInput label={t('trainees.enrolment.completedOn')} type="date" {...form.textProps('completedOn')} />
    </RecordFormModal>
  );
}
