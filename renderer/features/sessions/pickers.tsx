/**
 * Searchable selects for a mentor or a startup: the search runs in core as the user types
 * (a directory may be long), and the chosen record stays among the options while the
 * search text changes.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/query.js';

interface Option {
  value: string;
  label: string;
  description: string;
}

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'filter'> & {
  value: string | null;
  onChange: (id: string | null, label: string | null) => void;
  error?: ReactNode;
};

function renderWithDescription(options: Option[]): SelectProps['renderOption'] {
  return function OptionWithDescription({ option }) {
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
  };
}

/** The search text to send: none while it is just the chosen option's label. */
function useSearchText(chosenLabel: string | null) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const text = debounced.trim() && debounced !== chosenLabel ? debounced.trim() : '';
  return { search, setSearch, text };
}

export function MentorPicker({ value, onChange, ...rest }: PickerProps) {
  const { t } = useTranslation();
  const chosen = useApiQuery('mentors.get', { id: value ?? '' }, { enabled: !!value, staleTime: 60_000 });
  const chosenLabel = value && chosen.data ? chosen.data.name : null;
  const { search, setSearch, text } = useSearchText(chosenLabel);
  const list = useApiQuery(
    'mentors.list',
    { ...(text ? { search: text } : {}), sort: { field: 'name', direction: 'asc' }, limit: 30 },
    { placeholderData: keepPreviousData, staleTime: 10_000 },
  );
  const options = useMemo(() => {
    const out: Option[] = (list.data?.items ?? []).map((m) => ({
      value: m.id,
      label: m.name,
      description: [m.organisation, m.city ?? m.country].filter(Boolean).join(' · '),
    }));
    if (value && chosen.data && !out.some((o) => o.value === value)) {
      out.unshift({ value, label: chosen.data.name, description: chosen.data.organisation ?? '' });
    }
    return out;
  }, [list.data, value, chosen.data]);
  return (
    <Select
      searchable
      placeholder={t('sessions.pickers.mentorPlaceholder')}
      nothingFoundMessage={list.isFetching ? t('common.loading') : t('common.noOptions')}
      comboboxProps={{ withinPortal: true }}
      {...rest}
      data={options}
      filter={({ options: all }) => all}
      renderOption={renderWithDescription(options)}
      searchValue={search}
      onSearchChange={setSearch}
      value={value}
      onChange={(id, option) => onChange(id, id ? option.label : null)}
    />
  );
}

export function StartupPicker({ value, onChange, ...rest }: PickerProps) {
  const { t } = useTranslation();
  const chosen = useApiQuery('startups.get', { id: value ?? '' }, { enabled: !!value, staleTime: 60_000 });
  const chosenLabel = value && chosen.data ? chosen.data.name : null;
  const { search, setSearch, text } = useSearchText(chosenLabel);
  const list = useApiQuery(
    'startups.list',
    { ...(text ? { search: text } : {}), sort: { field: 'name', direction: 'asc' }, limit: 30 },
    { placeholderData: keepPreviousData, staleTime: 10_000 },
  );
  const options = useMemo(() => {
    const out: Option[] = (list.data?.items ?? []).map((s) => ({
      value: s.id,
      label: s.name,
      description: [t(`enums.sector.${s.sector}`), s.city].filter(Boolean).join(' · '),
    }));
    if (value && chosen.data && !out.some((o) => o.value === value)) {
      out.unshift({ value, label: chosen.data.name, description: '' });
    }
    return out;
  }, [list.data, value, chosen.data, t]);
  return (
    <Select
      searchable
      placeholder={t('sessions.pickers.startupPlaceholder')}
      nothingFoundMessage={list.isFetching ? t('common.loading') : t('common.noOptions')}
      comboboxProps={{ withinPortal: true }}
      {...rest}
      data={options}
      filter={({ options: all }) => all}
      renderOption={renderWithDescription(options)}
      searchValue={search}
      onSearchChange={setSearch}
      value={value}
      onChange={(id, option) => onChange(id, id ? option.label : null)}
    />
  );
}
