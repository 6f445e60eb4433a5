import { useState } from 'react';
import { Anchor, Button, Group, Paper, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconStack2 } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { can } from '../../../shared/auth/permissions.js';
import { ProgrammeKind } from '../../../shared/records/programmes.js';
import { useApiQuery } from '../../api/query.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useFormat } from '../../format/index.js';
import { useSession } from '../auth/session.js';
import { KindBadge, NationalBadge } from './badges.js';
import { useDateSpan } from './dates.js';
import { ProgrammeModal } from './ProgrammeModal.js';

export function ProgrammesListPage() {
  const { t } = useTranslation();
  const { role } = useSession();
  const format = useFormat();
  const dateSpan = useDateSpan();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const parsedKind = ProgrammeKind.safeParse(searchParams.get('kind'));
  const kind = parsedKind.success ? parsedKind.data : null;
  const [creating, setCreating] = useState(false);
  const canWrite = can(role, 'programmes.write');

  const list = useApiQuery(
    'programmes.list',
    { ...(kind ? { filter: { kind } } : {}), sort: { field: 'name', direction: 'asc' }, limit: 1000 },
    { placeholderData: keepPreviousData },
  );

  const newButton = canWrite ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('programmes.new.open')}
    </Button>
  ) : null;

  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('programmes.title')} description={t('programmes.description')} actions={newButton} />
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <Group justify="space-between">
            <SegmentedControl
              aria-label={t('programmes.fields.kind')}
              value={kind ?? 'all'}
              onChange={(value) => setSearchParams(value === 'all' ? {} : { kind: value }, { replace: true })}
              data={[
                { value: 'all', label: t('programmes.kinds.all') },
                { value: 'incubation', label: t('programmes.kinds.incubation') },
                { value: 'training', label: t('programmes.kinds.training') },
              ]}
            />
            {list.data ? (
              <Text size="sm" c="dimmed">
                {t('programmes.count', { count: list.data.total, formatted: format.number(list.data.total) })}
              </Text>
            ) : null}
          </Group>
          {list.isError ? (
            <QueryError error={list.error} onRetry={() => void list.refetch()} />
          ) : list.isPending ? (
            <Skeleton height={160} />
          ) : items.length === 0 ? (
            <EmptyState
              icon={<IconStack2 size={28} />}
              title={kind ? t('programmes.empty.filteredTitle') : t('programmes.empty.title')}
              description={canWrite ? t('programmes.empty.body') : t('programmes.empty.bodyReadOnly')}
              action={newButton}
            />
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table
                highlightOnHover
                verticalSpacing="sm"
                aria-label={t('programmes.tableLabel')}
                aria-busy={list.isPlaceholderData || undefined}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('programmes.fields.name')}</Table.Th>
                    <Table.Th>{t('programmes.fields.kind')}</Table.Th>
                    <Table.Th>{t('programmes.fields.dates')}</Table.Th>
                    <Table.Th ta="end">{t('programmes.fields.cohorts')}</Table.Th>
                    <Table.Th ta="end">{t('programmes.fields.participants')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((p) => (
                    <Table.Tr
                      key={p.id}
                      style={{ cursor: 'pointer' }}
                      onClick={(e) => {
                        if (!(e.target as HTMLElement).closest('a')) void navigate(`/programmes/${p.id}`);
                      }}
                    >
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Anchor component={Link} to={`/programmes/${p.id}`} fw={600}>
                            {p.name}
                          </Anchor>
                          {p.centreId === null ? <NationalBadge /> : null}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <KindBadge kind={p.kind} />
                      </Table.Td>
                      <Table.Td>
                        {dateSpan(p.startDate, p.endDate) ?? (
                          <Text span c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="end" data-testid="programme-cohorts">
                        {format.number(p.cohorts)}
                      </Table.Td>
                      <Table.Td ta="end" data-testid="programme-participants">
                        {format.number(p.participants)}
                        <Text span size="xs" c="dimmed" ms={4}>
                          {p.kind === 'training' ? t('programmes.traineesUnit') : t('programmes.startupsUnit')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>
      {creating ? <ProgrammeModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
