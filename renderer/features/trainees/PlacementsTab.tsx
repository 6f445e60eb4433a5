import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlacementKind } from '../../../shared/records/trainees.js';
import { blankToNull, useApiForm } from '../../api/forms.js';
import { useApiMutation, useApiQuery } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormError } from '../../components/FormError.js';
import { useNotify } from '../../components/notify.js';
import { useFormat } from '../../format/index.js';
import { useTraineeOptions } from './options.js';
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
  const [adding, setAdding] = useState(false);
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
        addLabel={t('trainees.placement.add')}
        onAdd={props.canWrite ? () => setAdding(true) : undefined}
        row={(p) => [
          t(`trainees.enums.placementKind.${p.kind}`),
          p.startupId ? <StartupName key="s" id={p.startupId} /> : (p.employer ?? '—'),
          format.date(p.startedOn),
          p.monthlyIncomePkr === null ? '—' : format.pkr(p.monthlyIncomePkr),
        ]}
      />
      {adding ? <PlacementModal traineeId={props.traineeId} onClose={() => setAdding(false)} /> : null}
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

interface PlacementFormValues extends Record<string, unknown> {
  kind: Kind | null;
  employer: string;
  startupId: string | null;
  startedOn: string;
  monthlyIncomePkr: number | string;
}

function PlacementModal(props: { traineeId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const { placementKinds } = useTraineeOptions();
  const form = useApiForm<PlacementFormValues>({
    initialValues: { kind: 'job', employer: '', startupId: null, startedOn: '', monthlyIncomePkr: '' },
    describeIssue,
  });
  const create = useApiMutation('placements.create');
  const [startupSearch, setStartupSearch] = useState('');
  const [search] = useDebouncedValue(startupSearch.trim(), 150);
  const startups = useApiQuery('startups.list', { ...(search ? { search } : {}), limit: 20 });
  const startupOptions = (startups.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    const v = form.values;
    const employer = blankToNull(v.employer);
    try {
      await create.mutateAsync({
        traineeId: props.traineeId,
        kind: v.kind ?? ('' as Kind),
        startedOn: v.startedOn,
        ...(employer ? { employer } : {}),
        ...(v.startupId ? { startupId: v.startupId } : {}),
        ...(typeof v.monthlyIncomePkr === 'number' ? { monthlyIncomePkr: v.monthlyIncomePkr } : {}),
      });
      notify.saved(t('trainees.placement.saved'));
      props.onClose();
    } catch (error) {
      form.showFailure(error);
    }
  };

  return (
    <Modal opened onClose={props.onClose} title={t('trainees.placement.addTitle')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <FormError message={form.formError} />
          <Select label={t('trainees.placement.kind')} data={placementKinds} allowDeselect={false} required {...form.selectProps('kind')} />
          <TextInput label={t('trainees.placement.employer')} description={t('trainees.placement.employerHint')} {...form.textProps('employer')} />
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
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose} disabled={create.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('trainees.placement.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
