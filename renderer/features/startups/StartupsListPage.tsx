import { useEffect, useRef, useState } from 'react';
import { Button, Group, Pagination, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconPlus, IconRocket, IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/permissions.js';
import type { Sector, Stage } from '../../../shared/records/startups.js';
import { useApiQuery } from '../../api/query.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useFormat } from '../../format/index.js';
import { useSession } from '../auth/session.js';
import { NewStartupModal } from './NewStartupModal.js';
import { useStartupOptions } from './options.js';
import { hasFilters, listInput, PAGE_SIZES, useStartupListParams } from './list-params.js';
import { StartupsTable } from './StartupsTable.js';

export function StartupsListPage() {
  const { t } = useTranslation();
  const { role } = useSession();
  const format = useFormat();
  const { sectors, stages } = useStartupOptions();
  const { params, update } = useStartupListParams();
  const [creating, setCreating] = useState(false);
  const canWrite = can(role, 'startups.write');

  // The search box updates the address (and so the query) once typing pauses.
  const [searchText, setSearchText] = useState(params.search);
  const [debouncedSearch] = useDebouncedValue(searchText, 250);
  const lastTyped = useRef(debouncedSearch);
  useEffect(() => {
    if (debouncedSearch === lastTyped.current) return;
    lastTyped.current = debouncedSearch;
    if (debouncedSearch !== params.search) update({ search: debouncedSearch });
  }, [debouncedSearch, params.search, update]);
  const clearFilters = () => {
    setSearchText('');
    update({ search: '', stage: null, sector: null });
  };

  const list = useApiQuery('startups.list', listInput(params), { placeholderData: keepPreviousData });
  const page = list.data;
  const total = page?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / params.pageSize));
  const filtered = hasFilters(params);

  const newButton = canWrite ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('startups.new.open')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('startups.title')} description={t('startups.description')} actions={newButton} />
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label={t('startups.filters.search')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={searchText}
              onChange={(e) => setSearchText(e.currentTarget.value)}
              type="search"
              style={{ flex: '1 1 240px' }}
            />
            <Select
              label={t('startups.fields.stage')}
              data={stages}
              value={params.stage}
              onChange={(value) => update({ stage: value as Stage | null })}
              clearable
              w={180}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('startups.fields.sector')}
              data={sectors}
              value={params.sector}
              onChange={(value) => update({ sector: value as Sector | null })}
              clearable
              searchable
              nothingFoundMessage={t('common.noOptions')}
              w={200}
            />
            {filtered ? (
              <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clearFilters}>
                {t('startups.filters.clear')}
              </Button>
            ) : null}
          </Group>

          {list.isError ? (
            <QueryError error={list.error} onRetry={() => void list.refetch()} />
          ) : page && page.items.length === 0 && !list.isPlaceholderData ? (
            filtered ? (
              <EmptyState
                icon={<IconSearch size={28} />}
                title={t('startups.empty.filteredTitle')}
                description={t('startups.empty.filteredBody')}
                action={
                  <Button variant="light" onClick={clearFilters}>
                    {t('startups.filters.clear')}
                  </Button>
                }
              />
            ) : (
              <EmptyState
                icon={<IconRocket size={28} />}
                title={t('startups.empty.title')}
                description={canWrite ? t('startups.empty.body') : t('startups.empty.bodyReadOnly')}
                action={newButton}
              />
            )
          ) : (
            <>
              <StartupsTable
                rows={page?.items ?? []}
                loading={list.isPending || list.isPlaceholderData}
                sort={params.sort}
                onSortChange={(sort) => update({ sort })}
                pageSize={params.pageSize}
              />
              {page ? (
                <Group justify="space-between" wrap="wrap" gap="sm">
                  <Text size="sm" c="dimmed" aria-live="polite">
                    {t('startups.paging.showing', {
                      from: format.number(total === 0 ? 0 : page.offset + 1),
                      to: format.number(page.offset + page.items.length),
                      total: format.number(total),
                    })}
                  </Text>
                  <Group gap="md" wrap="wrap">
                    <Select
                      label={t('startups.paging.pageSize')}
                      data={PAGE_SIZES.map((n) => ({ value: String(n), label: format.number(n) }))}
                      value={String(params.pageSize)}
                      onChange={(value) => value && update({ pageSize: Number(value) })}
                      allowDeselect={false}
                      w={110}
                      size="xs"
                    />
                    <Pagination
                      total={pages}
                      value={Math.min(params.page, pages)}
                      onChange={(value) => update({ page: value })}
                      size="sm"
                      getItemProps={(n) => ({ 'aria-label': t('startups.paging.page', { page: n }) })}
                      getControlProps={(control) => ({ 'aria-label': t(`startups.paging.${control}`) })}
                    />
                  </Group>
                </Group>
              ) : null}
            </>
          )}
        </Stack>
      </Paper>
      <NewStartupModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
