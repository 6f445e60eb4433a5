/** The mentor directory: search, filters, and each mentor's local time and hours this quarter. */
import { useCallback, useState } from 'react';
import { Anchor, Badge, Button, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconUserStar } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../../shared/auth/permissions.js';
import type { Mentor } from '../../../shared/records/mentors.js';
import { useApiQuery } from '../../api/query.js';
import {
  ClearFiltersButton,
  FilterBar,
  FilterSelect,
  ListResults,
  SearchBox,
  SortableHeader,
  useAddressText,
} from '../../components/ListPage.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Tags } from '../../components/Tags.js';
import { Dash } from '../../components/Dash.js';
import { useSession } from '../auth/session.js';
import { ExportButtons } from '../import/ExportButtons.js';
import { ImportButton } from '../import/ImportButton.js';
import { useMentorFacets } from './facets.js';
import { HoursCell } from './HoursThisQuarter.js';
import {
  hasMentorFilters,
  mentorListInput,
  PAGE_SIZE,
  useMentorListParams,
  type MentorListParams,
  type SortField,
} from './list-params.js';
import { LocalTime } from './LocalTime.js';
import { NewMentorModal } from './NewMentorModal.js';
import { quarterOf, useNow, type Quarter } from './time.js';

export function MentorsListPage() {
  const { t } = useTranslation();
  const { role } = useSession();
  const facets = useMentorFacets();
  const { params, update } = useMentorListParams();
  const [creating, setCreating] = useState(false);
  const canWrite = can(role, 'mentors.write');
  const now = useNow();
  const quarter = quarterOf(now);

  const applySearch = useCallback((search: string) => update({ search }), [update]);
  const [searchText, setSearchText] = useAddressText(params.search, applySearch);
  const clearFilters = () => update({ search: '', expertise: null, city: null, country: null });

  const list = useApiQuery('mentors.list', mentorListInput(params), { placeholderData: keepPreviousData });
  const { limit: _limit, offset: _offset, ...exportQuery } = mentorListInput(params);
  const page = list.data;
  const filtered = hasMentorFilters(params);

  const newButton = canWrite ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('mentors.new.open')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title={t('mentors.title')}
        description={t('mentors.description')}
        actions={
          <>
            <ExportButtons target={{ list: 'mentors', query: exportQuery }} total={page?.total} filtered={filtered} />
            <ImportButton kind="mentors" />
            {newButton}
          </>
        }
      />
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <FilterBar>
            <SearchBox value={searchText} onChange={setSearchText} />
            <FilterSelect
              label={t('mentors.fields.expertise')}
              data={facets.expertise}
              value={params.expertise}
              onChange={(expertise) => update({ expertise })}
              w={200}
            />
            <FilterSelect
              label={t('mentors.fields.city')}
              data={facets.cities}
              value={params.city}
              onChange={(city) => update({ city })}
              w={170}
            />
            <FilterSelect
              label={t('mentors.fields.country')}
              data={facets.countries}
              value={params.country}
              onChange={(country) => update({ country })}
              w={170}
            />
            {filtered ? <ClearFiltersButton onClick={clearFilters} /> : null}
          </FilterBar>

          <ListResults
            paging={{ page: params.page, pageSize: PAGE_SIZE, onPage: (value) => update({ page: value }) }}
            query={list}
            filtered={filtered}
            onClearFilters={clearFilters}
            empty={{
              icon: <IconUserStar size={28} />,
              title: t('mentors.empty.title'),
              body: canWrite ? t('mentors.empty.body') : t('mentors.empty.bodyReadOnly'),
              action: newButton,
            }}
            emptyFiltered={{ title: t('mentors.empty.filteredTitle'), body: t('mentors.empty.filteredBody') }}
          >
            <MentorsTable
              rows={page?.items ?? []}
              loading={list.isPending || list.isPlaceholderData}
              params={params}
              onSort={(sort) => update({ sort })}
              now={now}
              quarter={quarter}
            />
          </ListResults>
        </Stack>
      </Paper>
      <NewMentorModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function SortHeader(props: {
  field: SortField;
  label: string;
  params: MentorListParams;
  onSort: (s: MentorListParams['sort']) => void;
}) {
  const active = props.params.sort.field === props.field;
  const direction = active ? props.params.sort.direction : false;
  return (
    <SortableHeader
      label={props.label}
      name={props.label}
      direction={direction}
      onSort={() => props.onSort({ field: props.field, direction: direction === 'asc' ? 'desc' : 'asc' })}
    />
  );
}

function MentorsTable(props: {
  rows: Mentor[];
  loading: boolean;
  params: MentorListParams;
  onSort: (sort: MentorListParams['sort']) => void;
  now: Date;
  quarter: Quarter;
}) {
  const { t } = useTranslation();
  const quarterLabel = t('mentors.quarter', { q: props.quarter.q, year: props.quarter.year });
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="sm" aria-label={t('mentors.tableLabel')} aria-busy={props.loading || undefined}>
        <Table.Thead>
          <Table.Tr>
            <SortHeader field="name" label={t('mentors.fields.name')} params={props.params} onSort={props.onSort} />
            <Table.Th>{t('mentors.fields.expertise')}</Table.Th>
            <SortHeader field="city" label={t('mentors.fields.location')} params={props.params} onSort={props.onSort} />
            <Table.Th>{t('mentors.fields.localTime')}</Table.Th>
            <Table.Th ta="end" style={{ whiteSpace: 'nowrap' }}>
              {t('mentors.fields.hoursIn', { quarter: quarterLabel })}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ opacity: props.loading && props.rows.length > 0 ? 0.6 : 1 }}>
          {props.loading && props.rows.length === 0
            ? Array.from({ length: 8 }, (_, i) => (
                <Table.Tr key={i}>
                  {Array.from({ length: 5 }, (_, j) => (
                    <Table.Td key={j}>
                      <Skeleton height={14} radius="sm" />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : props.rows.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/mentors/${m.id}`} fw={600}>
                      {m.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {m.organisation ?? ''}
                      {m.centreId === null ? (
                        <Badge component="span" ml={m.organisation ? 6 : 0} size="xs" variant="light" color="indigo">
                          {t('mentors.nationalShort')}
                        </Badge>
                      ) : null}
                    </Text>
                  </Table.Td>
                  <Table.Td>{m.expertise.length ? <Tags values={m.expertise} max={3} size="sm" /> : <Dash />}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{[m.city, m.country].filter(Boolean).join(', ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <LocalTime timeZone={m.timeZone} now={props.now} />
                  </Table.Td>
                  <Table.Td ta="end">
                    <HoursCell mentorId={m.id} quarter={props.quarter} />
                  </Table.Td>
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
