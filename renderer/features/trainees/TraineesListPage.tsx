import { useEffect, useRef, useState } from 'react';
import { Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { IconFilterOff, IconPlus, IconSchool, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/permissions.js';
import type { Gender } from '../../../shared/records/base.js';
import { useApiQuery } from '../../api/query.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useSession } from '../auth/session.js';
import { ExportButtons } from '../import/ExportButtons.js';
import { ImportButton } from '../import/ImportButton.js';
import { hasFilters, listQuery, useTraineeListParams, type Status, type TraineeListParams } from './list-params.js';
import { NewTraineeModal } from './NewTraineeModal.js';
import { useTraineeOptions } from './options.js';
import { CohortSelect, ProgrammeSelect } from './ProgrammeCohortSelect.js';
import { TraineesTable } from './TraineesTable.js';
import { firstPageInput } from './use-trainee-pages.js';

// No pause before searching: a search answers in tens of milliseconds on a million trainees
// (FTS counted in the index, broad matches read in name order), so results follow each key.
const SEARCH_DEBOUNCE_MS = 0;

/** A text box whose value reaches the address (and so the query) once typing pauses. */
function useDebouncedParam(value: string, apply: (value: string) => void, delay: number) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, delay);
  const lastApplied = useRef(debounced);
  useEffect(() => {
    // Only a settled value: after "Clear filters" the debounced value still lags behind.
    if (debounced !== text || debounced === lastApplied.current) return;
    lastApplied.current = debounced;
    if (debounced !== value) apply(debounced);
  }, [debounced, text, value, apply]);
  // The address changed from elsewhere (Clear filters, back button).
  useEffect(() => {
    if (value !== lastApplied.current) {
      lastApplied.current = value;
      setText(value);
    }
  }, [value]);
  return [text, setText] as const;
}

export function TraineesListPage() {
  const { t } = useTranslation();
  const { role } = useSession();
  const { genders, statuses } = useTraineeOptions();
  const { params, update } = useTraineeListParams();
  const [creating, setCreating] = useState(false);
  // The filters' option lists wait for the first page of trainees: nothing delays it.
  const [listShown, setListShown] = useState(false);
  const canWrite = can(role, 'trainees.write');

  const [searchText, setSearchText] = useDebouncedParam(params.search, (search) => update({ search }), SEARCH_DEBOUNCE_MS);
  const [skillText, setSkillText] = useDebouncedParam(params.skill, (skill) => update({ skill }), 300);
  const [cityText, setCityText] = useDebouncedParam(params.city, (city) => update({ city }), 300);

  const filtered = hasFilters(params);
  // The table's own first page (the same query, so not fetched twice) tells whether the list is empty.
  const firstPage = useApiQuery('trainees.list', firstPageInput(listQuery(params)), { placeholderData: keepPreviousData });
  const clearFilters = () => {
    const cleared: Partial<TraineeListParams> = {
      search: '',
      programmeId: null,
      cohortId: null,
      status: null,
      skill: '',
      city: '',
      gender: null,
      certified: null,
    };
    update(cleared);
  };

  const newButton = canWrite ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('trainees.new.open')}
    </Button>
  ) : null;

  const empty = filtered ? (
    <EmptyState
      icon={<IconSearch size={28} />}
      title={t('trainees.empty.filteredTitle')}
      description={t('trainees.empty.filteredBody')}
      action={
        <Button variant="light" onClick={clearFilters}>
          {t('trainees.filters.clear')}
        </Button>
      }
    />
  ) : (
    <EmptyState
      icon={<IconSchool size={28} />}
      title={t('trainees.empty.title')}
      description={canWrite ? t('trainees.empty.body') : t('trainees.empty.bodyReadOnly')}
      action={newButton}
    />
  );

  return (
    <>
      <PageHeader
        title={t('trainees.title')}
        description={t('trainees.description')}
        actions={
          <>
            <ExportButtons target={{ list: 'trainees', query: listQuery(params) }} total={firstPage.data?.total} filtered={filtered} />
            <ImportButton kind="trainees" />
            {newButton}
          </>
        }
      />
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label={t('trainees.filters.search')}
              placeholder={t('trainees.filters.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={searchText}
              onChange={(e) => setSearchText(e.currentTarget.value)}
              type="search"
              style={{ flex: '2 1 220px' }}
            />
            <ProgrammeSelect
              label={t('trainees.filters.programme')}
              value={params.programmeId}
              onChange={(programmeId) => update({ programmeId })}
              w={190}
              ready={listShown}
              clearable
            />
            <CohortSelect
              label={t('trainees.filters.cohort')}
              programmeId={params.programmeId}
              value={params.cohortId}
              onChange={(cohortId) => update({ cohortId })}
              w={170}
              ready={listShown}
              clearable
            />
            <Select
              label={t('trainees.filters.status')}
              data={statuses}
              value={params.status}
              onChange={(value) => update({ status: value as Status | null })}
              clearable
              w={130}
            />
          </Group>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label={t('trainees.filters.skill')}
              value={skillText}
              onChange={(e) => setSkillText(e.currentTarget.value)}
              w={170}
            />
            <TextInput
              label={t('trainees.filters.city')}
              value={cityText}
              onChange={(e) => setCityText(e.currentTarget.value)}
              w={150}
            />
            <Select
              label={t('trainees.filters.gender')}
              data={genders}
              value={params.gender}
              onChange={(value) => update({ gender: value as Gender | null })}
              clearable
              w={120}
            />
            <Select
              label={t('trainees.filters.certified')}
              data={[
                { value: 'yes', label: t('trainees.filters.certifiedYes') },
                { value: 'no', label: t('trainees.filters.certifiedNo') },
              ]}
              value={params.certified === null ? null : params.certified ? 'yes' : 'no'}
              onChange={(value) => update({ certified: value === null ? null : value === 'yes' })}
              clearable
              w={150}
            />
            {filtered ? (
              <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clearFilters}>
                {t('trainees.filters.clear')}
              </Button>
            ) : null}
          </Group>
          <TraineesTable
            query={listQuery(params)}
            height="max(320px, calc(100dvh - 440px))"
            empty={empty}
            sort={params.sort}
            onSortChange={(sort) => update({ sort })}
            onShown={() => setListShown(true)}
          />
        </Stack>
      </Paper>
      <NewTraineeModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
