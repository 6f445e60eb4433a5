/**
 * Searchable selects for a mentor, a startup or a trainee: the search runs in core as the user types
 * (a directory may be long), and the chosen record stays among the options while the
 * search text changes.
 */
import { useState, type ReactNode } from 'react';
import { Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Mentor } from '../../shared/records/mentors.js';
import type { Startup } from '../../shared/records/startups.js';
import type { Trainee } from '../../shared/records/trainees.js';
import { useApiQuery } from '../api/query.js';

interface Option {
  value: string;
  label: string;
  /** A second, dimmed line: organisation and city, or sector and city. */
  description: string;
}

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'filter'> & {
  value: string | null;
  onChange: (id: string | null, label: string | null) => void;
  error?: ReactNode;
};

/** The search text to send: none while it is just the chosen option's label. */
function useSearchText(chosenLabel: string | null) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const text = debounced.trim() && debounced !== chosenLabel ? debounced.trim() : '';
  return { search, setSearch, text };
}

/**
 * The options of a picker: core's matches for what is typed (no filtering here), and the
 * chosen record kept among them while it is not one of the matches.
 */
function useRecordOptions(kind: 'mentors', value: string | null, describe: (mentor: Mentor) => string): PickerData;
function useRecordOptions(kind: 'startups', value: string | null, describe: (startup: Startup) => string): PickerData;
function useRecordOptions(kind: 'trainees', value: string | null, describe: (trainee: Trainee) => string): PickerData;
function useRecordOptions(
  kind: 'mentors' | 'startups' | 'trainees',
  value: string | null,
  describe: (record: never) => string,
): PickerData {
  const chosen = useApiQuery(`${kind}.get`, { id: value ?? '' }, { enabled: !!value, staleTime: 60_000 });
  const chosenRecord = value && chosen.data ? chosen.data : null;
  const search = useSearchText(chosenRecord?.name ?? null);
  const list = useApiQuery(
    `${kind}.list`,
    { ...(search.text ? { search: search.text } : {}), sort: { field: 'name', direction: 'asc' }, limit: 30 },
    { placeholderData: keepPreviousData, staleTime: 10_000 },
  );
  const describeRecord = describe as (record: Mentor | Startup | Trainee) => string;
  const records: (Mentor | Startup | Trainee)[] = list.data?.items ?? [];
  const options = records.map((r) => ({ value: r.id, label: r.name, description: describeRecord(r) }));
  if (chosenRecord && !options.some((o) => o.value === chosenRecord.id)) {
    options.unshift({ value: chosenRecord.id, label: chosenRecord.name, description: describeRecord(chosenRecord) });
  }
  return { options, fetching: list.isFetching, search };
}

interface PickerData {
  options: Option[];
  fetching: boolean;
  search: { search: string; setSearch: (text: string) => void };
}

/** A searchable Select of records, each with its description under its name. */
function PickerSelect({ data, placeholder, value, onChange, ...rest }: PickerProps & { data: PickerData; placeholder: string }) {
  const { t } = useTranslation();
  const { options } = data;
  return (
    <Select
      searchable
      placeholder={placeholder}
      nothingFoundMessage={data.fetching ? t('common.loading') : t('common.noOptions')}
      comboboxProps={{ withinPortal: true }}
      {...rest}
      data={options}
      filter={({ options: all }) => all}
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
      searchValue={data.search.search}
      onSearchChange={data.search.setSearch}
      value={value}
      onChange={(id, option) => onChange(id, id ? option.label : null)}
    />
  );
}

export function MentorPicker(props: PickerProps) {
  const { t } = useTranslation();
  const data = useRecordOptions('mentors', props.value, (m) => [m.organisation, m.city ?? m.country].filter(Boolean).join(' · '));
  return <PickerSelect {...props} data={data} placeholder={t('pickers.mentorPlaceholder')} />;
}

export function StartupPicker(props: PickerProps) {
  const { t } = useTranslation();
  const data = useRecordOptions('startups', props.value, (s) =>
    [t(`enums.sector.${s.sector}`), s.city].filter(Boolean).join(' · '),
  );
  return <PickerSelect {...props} data={data} placeholder={t('pickers.startupPlaceholder')} />;
}

/** A trainee other than `exclude` (e.g. the duplicate to merge with). */
export function TraineePicker(props: PickerProps & { exclude?: string }) {
  const { t } = useTranslation();
  const { exclude, ...rest } = props;
  const data = useRecordOptions('trainees', props.value, (tr) => [tr.cnic, tr.email, tr.city].filter(Boolean).join(' · '));
  const options = exclude ? data.options.filter((o) => o.value !== exclude) : data.options;
  return <PickerSelect {...rest} data={{ ...data, options }} placeholder={t('pickers.traineePlaceholder')} />;
}
