/**
 * Choosing a training programme, then one of its cohorts. The option lists load when first
 * needed (`ready`, or when the list is opened), so a screen's own data comes first.
 */
import { useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/query.js';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (value: string | null) => void;
  /** Load the options now (otherwise on opening the list). */
  ready?: boolean;
};

export function ProgrammeSelect({ value, onChange, ready = true, ...rest }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const programmes = useApiQuery(
    'programmes.list',
    { filter: { kind: 'training' }, sort: { field: 'name', direction: 'asc' }, limit: 1000 },
    { enabled: ready || opened },
  );
  const data = (programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  return (
    <Select
      {...rest}
      data={data}
      value={programmes.data ? value : null}
      placeholder={value && !programmes.data ? t('common.loading') : rest.placeholder}
      onChange={onChange}
      onDropdownOpen={() => setOpened(true)}
      searchable
      nothingFoundMessage={programmes.isPending ? t('common.loading') : t('common.noOptions')}
    />
  );
}

export function CohortSelect({ value, onChange, ready = true, programmeId, ...rest }: Props & { programmeId: string | null }) {
  const { t } = useTranslation();
  const cohorts = useApiQuery(
    'cohorts.list',
    { filter: { programmeId: programmeId ?? '' }, limit: 1000 },
    { enabled: ready && programmeId !== null },
  );
  const data = (cohorts.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Select
      {...rest}
      data={data}
      value={cohorts.data ? value : null}
      onChange={onChange}
      disabled={programmeId === null || rest.disabled}
      placeholder={programmeId === null ? t('trainees.filters.chooseProgrammeFirst') : rest.placeholder}
      searchable
      nothingFoundMessage={cohorts.isPending ? t('common.loading') : t('trainees.filters.noCohorts')}
    />
  );
}
