import { useCallback, useMemo, useState } from 'react';
import { Button, Checkbox, Group, Paper, Popover, Stack, Text } from '@mantine/core';
import { IconColumns3, IconPlus, IconRestore, IconRocket } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/permissions.js';
import type { Sector, Stage } from '../../../shared/records/startups.js';
import { useApiQuery } from '../../api/query.js';
import {
  ClearFiltersButton,
  FilterBar,
  FilterSelect,
  ListResults,
  SearchBox,
  useAddressText,
} from '../../components/ListPage.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useFormat } from '../../format/index.js';
import { useSession } from '../auth/session.js';
import { ExportButtons } from '../import/ExportButtons.js';
import { ImportButton } from '../import/ImportButton.js';
import { viewerZone } from '../mentors/time.js';
import { NewStartupModal } from './NewStartupModal.js';
import { useStartupOptions } from './options.js';
import { hasFilters, listInput, PAGE_SIZES, useStartupListParams } from './list-params.js';
import { StartupsTable } from './StartupsTable.js';
import { COLUMN_IDS, columnLabel, exportOptions, useVisibleColumns } from './columns.js';

export function StartupsListPage() {
  const { t } = useTranslation();
  const { role } = useSession();
  const format = useFormat();
  const { sectors, stages } = useStartupOptions();
  const { params, update } = useStartupListParams();
  const [creating, setCreating] = useState(false);
  const canWrite = can(role, 'startups.write');

  const applySearch = useCallback((search: string) => update({ search }), [update]);
  const [searchText, setSearchText] = useAddressText(params.search, applySearch);
  const clearFilters = () => {
    update({ search: '', stage: null, sector: null, womenLed: null, cohortId: null });
  };

  const columns = useVisibleColumns();
  const cohorts = useApiQuery('cohorts.list', { sort: { field: 'name', direction: 'asc' }, limit: 1000 });
  const cohortNames = useMemo(() => new Map((cohorts.data?.items ?? []).map((c) => [c.id, c.name])), [cohorts.data]);
  const cohortOptions = useMemo(() => (cohorts.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })), [cohorts.data]);
  const womenOptions = [
    { value: 'yes', label: t('startups.filters.womenLedOnly') },
    { value: 'no', label: t('startups.filters.notWomenLed') },
  ];

  const list = useApiQuery('startups.list', listInput(params), { placeholderData: keepPreviousData });
  const { limit: _listLimit, offset: _listOffset, ...exportQuery } = listInput(params);
  const page = list.data;
  const total = page?.total ?? 0;
  const filtered = hasFilters(params);

  const newButton = canWrite ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('startups.new.open')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title={t('startups.title')}
        description={t('startups.description')}
        actions={
          <>
            <ImportButton kind="startups" />
            {newButton}
          </>
        }
      />
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <FilterBar>
            <SearchBox value={searchText} onChange={setSearchText} />
            <FilterSelect
              label={t('startups.fields.stage')}
              data={stages}
              value={params.stage}
              onChange={(value) => update({ stage: value as Stage | null })}
              searchable={false}
              w={150}
            />
            <FilterSelect
              label={t('startups.fields.sector')}
              data={sectors}
              value={params.sector}
              onChange={(value) => update({ sector: value as Sector | null })}
              w={190}
            />
            <FilterSelect
              label={t('startups.fields.womenLedShort')}
              data={womenOptions}
              value={params.womenLed === null ? null : params.womenLed ? 'yes' : 'no'}
              onChange={(value) => update({ womenLed: value === null ? null : value === 'yes' })}
              searchable={false}
              w={150}
            />
            <FilterSelect
              label={t('startups.fields.cohort')}
              data={cohortOptions}
              value={params.cohortId}
              onChange={(cohortId) => update({ cohortId })}
              {...(cohortOptions.length === 0 ? { placeholder: t('startups.filters.noCohorts') } : {})}
              disabled={cohortOptions.length === 0 && !params.cohortId}
              w={190}
            />
          </FilterBar>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Group gap="sm">
              <Text size="sm" c="dimmed">
                {page ? t('startups.listCount', { count: total, formatted: format.number(total) }) : '\u00a0'}
              </Text>
              {filtered ? <ClearFiltersButton onClick={clearFilters} compact /> : null}
            </Group>
            <Group gap="xs">
              <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
                <Popover.Target>
                  <Button variant="default" leftSection={<IconColumns3 size={16} aria-hidden />}>
                    {t('startups.columns.open')}
                  </Button>
                </Popover.Target>
                <Popover.Dropdown>
                  <Stack gap="xs" role="group" aria-label={t('startups.columns.label')}>
                    <Text size="xs" fw={600} c="dimmed">
                      {t('startups.columns.label')}
                    </Text>
                    {COLUMN_IDS.filter((id) => id !== 'name').map((id) => (
                      <Checkbox
                        key={id}
                        size="sm"
                        label={columnLabel(t, id)}
                        checked={columns.visible.includes(id)}
                        onChange={(e) => columns.toggle(id, e.currentTarget.checked)}
                      />
                    ))}
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      mt={4}
                      leftSection={<IconRestore size={14} aria-hidden />}
                      onClick={columns.reset}
                    >
                      {t('startups.columns.reset')}
                    </Button>
                  </Stack>
                </Popover.Dropdown>
              </Popover>
              <ExportButtons
                target={{ list: 'startups', query: exportQuery }}
                total={page?.total}
                filtered={filtered}
                options={exportOptions(t, columns.visible, viewerZone())}
              />
            </Group>
          </Group>

          <ListResults
            paging={{
              page: params.page,
              pageSize: params.pageSize,
              onPage: (value) => update({ page: value }),
              pageSizes: PAGE_SIZES,
              onPageSize: (pageSize) => update({ pageSize }),
            }}
            query={list}
            filtered={filtered}
            onClearFilters={clearFilters}
            empty={{
              icon: <IconRocket size={28} />,
              title: t('startups.empty.title'),
              body: canWrite ? t('startups.empty.body') : t('startups.empty.bodyReadOnly'),
              action: newButton,
            }}
            emptyFiltered={{ title: t('startups.empty.filteredTitle'), body: t('startups.empty.filteredBody') }}
          >
            <StartupsTable
              rows={page?.items ?? []}
              loading={list.isPending || list.isPlaceholderData}
              sort={params.sort}
              onSortChange={(sort) => update({ sort })}
              pageSize={params.pageSize}
              visible={columns.visible}
              cohortNames={cohortNames}
            />
          </ListResults>
        </Stack>
      </Paper>
      <NewStartupModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
