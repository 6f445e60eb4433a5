import { useState } from 'react';
import { Anchor, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Placement, PlacementKind } from '../../../shared/records/trainees.js';
import { blankToNull, changedFields, useApiForm } from '../../api/forms.js';
import { useApiMutation, useApiQuery } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { useNotify } from '../../components/notify.js';
import { useFormat } from '../../format/index.js';
import { DeleteRecordModal, type DeleteTarget } from './DeleteRecordModal.js';
import { useTraineeOptions } from './options.js';
import { RecordFormModal } from './RecordFormModal.js';
import { RowActions } from './RowActions.js';
import { TabSection } from './TabSection.js';

type Kind = (typeof PlacementKind.options)[number];

export function PlacementsTab(props: { traineeId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const placements = useApiQuery('placements.list', {
    filter: { traineeId: props.traineeId },
    sort: { field: 'startedOn', direction: 'desc' },
    limit: 200,
  });
  // null: closed; 'new': adding; a placement: editing it.
  const [editing, setEditing] = useState<Placement | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  /** "Job from 3 Mar 2025": how the buttons and the question name a placement. */
  const nameOf = (p: Placement) =>
    t('trainees.placement.name', { kind: t(`trainees.enums.placementKind.${p.kind}`), date: format.date(p.startedOn) });
  return (
    <>
      <TabSection
        query={placements}
        label={t('trainees.tabs.placements')}
        columns={[
          t('trainees.placement.kind'),
          t('trainees.placement.where'),
          t('trainees.placement.startedOn'),
          t('trainees.placement.monthlyIncome'),
        ]}
        empty={t('trainees.placement.empty')}
        count={(count) => t('trainees.placement.count', { count })}
        addLabel={t('trainees.placement.add')}
        onAdd={props.canWrite ? () => setEditing('new') : undefined}
        row={(p) => [
          t(`trainees.enums.placementKind.${p.kind}`),
          p.startupId ? <StartupName key="s" id={p.startupId} /> : (p.employer ?? '—'),
          format.date(p.startedOn),
          p.monthlyIncomePkr === null ? '—' : format.pkr(p.monthlyIncomePkr),
        ]}
        actions={
          props.canWrite
            ? (p) => (
                <RowActions
                  editLabel={t('trainees.placement.editLabel', { name: nameOf(p) })}
                  deleteLabel={t('trainees.placement.deleteLabel', { name: nameOf(p) })}
                  onEdit={() => setEditing(p)}
                  onDelete={() => setDeleting({ id: p.id, name: nameOf(p) })}
                />
              )
            : undefined
        }
      />
      {editing !== null ? (
        <PlacementModal
          traineeId={props.traineeId}
          placement={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <DeleteRecordModal kind="placement" target={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

function StartupName(props: { id: string }) {
  const startup = useApiQuery('startups.get', { id: props.id });
  return (
    <Anchor component={Link} to={`/startups/${props.id}`} size="sm">
      {startup.data?.name ?? '…'}
    </Anchor>
  );
}

/**
 * Startups to choose from: the first twenty matching what is typed, and the chosen one
 * (which, when editing, may not be among them).
 */
function useStartupOptions(search: string, chosenId: string | null) {
  const [debounced] = useDebouncedValue(search.trim(), 150);
  const startups = useApiQuery('startups.list', { ...(debounced ? { search: debounced } : {}), limit: 20 });
  const chosen = useApiQuery('startups.get', { id: chosenId ?? '' }, { enabled: chosenId !== null });
  const options = (startups.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
  if (chosen.data && !options.some((o) => o.value === chosen.data.id))
    options.unshift({ value: chosen.data.id, label: chosen.data.name });
  return options;
}

interface PlacementFormValues extends Record<string, unknown> {
  kind: Kind | null;
  employer: string;
  startupId: string | null;
  startedOn: string;
  monthlyIncomePkr: number | string;
}

function placementFormValues(p: Placement | null): PlacementFormValues {
  return {
    kind: p?.kind ?? 'job',
    employer: p?.employer ?? '',
    startupId: p?.startupId ?? null,
    startedOn: p?.startedOn ?? '',
    monthlyIncomePkr: p?.monthlyIncomePkr ?? '',
  };
}

/** The values as core stores them; a missing kind or date goes as it is, for core to point out. */
function stored(v: PlacementFormValues) {
  return {
    kind: v.kind ?? ('' as Kind),
    employer: blankToNull(v.employer),
    startupId: v.startupId,
    startedOn: v.startedOn,
    monthlyIncomePkr: typeof v.monthlyIncomePkr === 'number' ? v.monthlyIncomePkr : null,
  };
}

/** Adds a placement (`placement` null) or edits one: only changed fields are sent. */
function PlacementModal(props: { traineeId: string; placement: Placement | null; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const { placementKinds } = useTraineeOptions();
  const { placement } = props;
  const form = useApiForm({
    initialValues: placementFormValues(placement),
    pathPrefix: placement ? ['patch'] : [],
    describeIssue,
  });
  const create = useApiMutation('placements.create');
  const update = useApiMutation('placements.update');
  const [startupSearch, setStartupSearch] = useState('');
  const startupOptions = useStartupOptions(startupSearch, form.values.startupId);

  const submit = async () => {
    form.clearErrors();
    const values = stored(form.values);
    try {
      if (placement) {
        const patch = changedFields(values, stored(placementFormValues(placement)));
        if (Object.keys(patch).length > 0) {
          await update.mutateAsync({ id: placement.id, patch });
          notify.saved(t('trainees.placement.saved'));
        }
      } else {
        await create.mutateAsync({ traineeId: props.traineeId, ...values });
        notify.saved(t('trainees.placement.added'));
      }
      props.onClose();
    } catch (error) {
      form.showFailure(error);
    }
  };

  return (
    <RecordFormModal
      title={placement ? t('trainees.placement.editTitle') : t('trainees.placement.addTitle')}
      submitLabel={placement ? t('trainees.placement.submitEdit') : t('trainees.placement.submitAdd')}
      formError={form.formError}
      saving={create.isPending || update.isPending}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <Select
        label={t('trainees.placement.kind')}
        data={placementKinds}
        allowDeselect={false}
        required
        data-autofocus
        {...form.selectProps('kind')}
      />
      <TextInput
        label={t('trainees.placement.employer')}
        description={t('trainees.placement.employerHint')}
        {...form.textProps('employer')}
      />
      <Select
        label={t('trainees.placement.startup')}
        description={t('trainees.placement.startupHint')}
        data={startupOptions}
        searchable
        clearable
        searchValue={startupSearch}
        onSearchChange={setStartupSearch}
        filter={({ options }) => options}
        nothingFoundMessage={t('common.noOptions')}
        {...form.selectProps('startupId')}
      />
      <SimpleGrid cols={2} spacing="md">
        <TextInput label={t('trainees.placement.startedOn')} type="date" required {...form.textProps('startedOn')} />
        <NumberInput
          label={t('trainees.placement.monthlyIncome')}
          min={0}
          thousandSeparator=","
          allowDecimal={false}
          value={form.values.monthlyIncomePkr}
          onChange={(value) => form.setFieldValue('monthlyIncomePkr', value)}
          error={form.errors.monthlyIncomePkr}
        />
      </SimpleGrid>
    </RecordFormModal>
  );
}
