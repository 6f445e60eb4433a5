import { type FormEvent, type ReactNode } from 'react';
import {
  Badge,
  Button,
  Divider,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconLock, IconLockOpen, IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { can } from '../../../../shared/auth/permissions.js';
import type { QuarterlyMetrics } from '../../../../shared/records/startups.js';
import { isQuarter, recentQuarters } from '../../../../shared/reports/quarters.js';
import { changedFields, useApiForm, type ApiForm } from '../../../api/forms.js';
import { useApiMutation, useApiQuery } from '../../../api/query.js';
import { useDescribeIssue } from '../../../components/error-message.js';
import { FormError } from '../../../components/FormError.js';
import { useNotify } from '../../../components/notify.js';
import { QueryError } from '../../../components/QueryError.js';
import { useFormat } from '../../../format/index.js';
import { useSession } from '../../auth/session.js';
import { quarterOfDate } from './quarters.js';
import { useQuarterLabel } from './quarter-label.js';
import { TabSkeleton } from './TabSkeleton.js';

const NUMBER_FIELDS = [
  'revenuePkr',
  'exportRevenueUsd',
  'fundingCommittedPkr',
  'fundingRaisedPkr',
  'jobsFullTime',
  'jobsPartTime',
  'jobsWomen',
  'customers',
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

type CheckInValues = Record<NumberField, number | null> & { fundingSource: string };

function checkInValues(m: QuarterlyMetrics | null): CheckInValues {
  const out = { fundingSource: m?.fundingSource ?? '' } as CheckInValues;
  for (const f of NUMBER_FIELDS) out[f] = m?.[f] ?? null;
  return out;
}

function stored(v: CheckInValues) {
  return { ...v, fundingSource: v.fundingSource.trim() === '' ? null : v.fundingSource };
}

export function CheckInsTab(props: { startupId: string }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const quarterLabel = useQuarterLabel();
  const current = quarterOfDate(new Date());
  const asked = searchParams.get('quarter') ?? '';
  const quarter = isQuarter(asked) && asked <= current ? asked : current;
  const metrics = useApiQuery('metrics.list', {
    filter: { startupId: props.startupId },
    sort: { field: 'quarter', direction: 'desc' },
    limit: 200,
  });

  const setQuarter = (q: string) =>
    setSearchParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (q === current) next.delete('quarter');
        else next.set('quarter', q);
        return next;
      },
      { replace: true },
    );

  if (metrics.isPending) return <TabSkeleton rows={6} />;
  if (metrics.isError) return <QueryError error={metrics.error} onRetry={() => void metrics.refetch()} />;

  const saved = metrics.data.items;
  const record = saved.find((m) => m.quarter === quarter) ?? null;
  const quarters = [...new Set([...recentQuarters(current, 8), ...saved.map((m) => m.quarter)])]
    .filter((q) => q <= current)
    .sort()
    .reverse();
  const quarterOptions = quarters.map((q) => {
    const m = saved.find((s) => s.quarter === q);
    const state = m ? (m.lockedAt ? t('startups.checkIns.stateLocked') : t('startups.checkIns.stateSaved')) : null;
    return { value: q, label: state ? `${quarterLabel(q)} · ${state}` : quarterLabel(q) };
  });

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg">
        <CheckInForm
          key={`${quarter}|${record?.updatedAt ?? 'new'}`}
          startupId={props.startupId}
          quarter={quarter}
          record={record}
          picker={
            <Select
              label={t('startups.checkIns.quarter')}
              data={quarterOptions}
              value={quarter}
              onChange={(v) => v && setQuarter(v)}
              allowDeselect={false}
              w={260}
            />
          }
        />
      </Paper>
      {saved.length > 0 ? <PastQuarters rows={saved} selected={quarter} onSelect={setQuarter} /> : null}
    </Stack>
  );
}

function CheckInForm(props: { startupId: string; quarter: string; record: QuarterlyMetrics | null; picker: ReactNode }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const notify = useNotify();
  const quarterLabel = useQuarterLabel();
  const describeIssue = useDescribeIssue();
  const { record, quarter } = props;
  const form = useApiForm<CheckInValues>({ initialValues: checkInValues(record), pathPrefix: ['values'], describeIssue });
  const save = useApiMutation('metrics.save');
  const lock = useApiMutation('metrics.lock');
  const unlock = useApiMutation('metrics.unlock');
  const locked = Boolean(record?.lockedAt);
  const canWrite = can(role, 'metrics.write');
  const canLock = can(role, 'metrics.lock');
  const readOnly = locked || !canWrite;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (readOnly) return;
    form.clearErrors();
    const values = stored(form.values);
    const patch = record ? changedFields(values, stored(checkInValues(record))) : values;
    try {
      await save.mutateAsync({ startupId: props.startupId, quarter, values: patch });
      notify.saved(t('startups.checkIns.saved', { quarter: quarterLabel(quarter) }));
    } catch (error) {
      form.showFailure(error);
    }
  };

  const setLocked = async (next: boolean) => {
    try {
      await (next ? lock : unlock).mutateAsync({ startupId: props.startupId, quarter });
      notify.saved(
        t(next ? 'startups.checkIns.lockedToast' : 'startups.checkIns.unlockedToast', { quarter: quarterLabel(quarter) }),
      );
    } catch (error) {
      notify.failed(error, t('startups.checkIns.lockFailed'));
    }
  };

  const lockButton =
    canLock && record ? (
      locked ? (
        <Button
          variant="default"
          leftSection={<IconLockOpen size={16} aria-hidden />}
          loading={unlock.isPending}
          onClick={() => void setLocked(false)}
        >
          {t('startups.checkIns.unlock')}
        </Button>
      ) : (
        <Tooltip label={t('startups.checkIns.saveBeforeLock')} disabled={!form.isDirty}>
          <Button
            variant="light"
            leftSection={<IconLock size={16} aria-hidden />}
            loading={lock.isPending}
            disabled={form.isDirty}
            onClick={() => void setLocked(true)}
          >
            {t('startups.checkIns.lock')}
          </Button>
        </Tooltip>
      )
    ) : null;

  const money = (field: NumberField, currency: 'PKR' | 'USD') => (
    <NumberInput
      label={t(`startups.checkIns.fields.${field}` as 'startups.checkIns.fields.revenuePkr')}
      leftSection={
        <Text size="xs" fw={600} c="dimmed">
          {currency}
        </Text>
      }
      leftSectionWidth={44}
      thousandSeparator=","
      allowNegative={false}
      allowDecimal={currency === 'USD'}
      decimalScale={currency === 'USD' ? 2 : 0}
      fixedDecimalScale={currency === 'USD'}
      hideControls
      {...numberProps(form, field, readOnly)}
    />
  );
  const count = (field: NumberField) => (
    <NumberInput
      label={t(`startups.checkIns.fields.${field}` as 'startups.checkIns.fields.customers')}
      thousandSeparator=","
      allowNegative={false}
      allowDecimal={false}
      hideControls
      {...numberProps(form, field, readOnly)}
    />
  );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('startups.checkIns.formLabel')}>
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Group align="flex-end" gap="md" wrap="wrap">
            {props.picker}
            {locked && record ? <LockBadge record={record} /> : null}
            {!record ? (
              <Badge variant="light" color="gray" size="lg" mb={6}>
                {t('startups.checkIns.notYet')}
              </Badge>
            ) : null}
          </Group>
          <Group gap="sm">{lockButton}</Group>
        </Group>
        {locked ? (
          <Text size="sm" c="dimmed">
            {canLock ? t('startups.checkIns.lockedHintManager') : t('startups.checkIns.lockedHint')}
          </Text>
        ) : null}
        <FormError message={form.formError} />

        <Section title={t('startups.checkIns.revenue')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {money('revenuePkr', 'PKR')}
            {money('exportRevenueUsd', 'USD')}
          </SimpleGrid>
        </Section>
        <Section title={t('startups.checkIns.funding')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            {money('fundingCommittedPkr', 'PKR')}
            {money('fundingRaisedPkr', 'PKR')}
            <TextInput
              label={t('startups.checkIns.fields.fundingSource')}
              placeholder={t('startups.checkIns.fundingSourcePlaceholder')}
              readOnly={readOnly}
              variant={readOnly ? 'filled' : 'default'}
              {...form.textProps('fundingSource')}
            />
          </SimpleGrid>
        </Section>
        <Section title={t('startups.checkIns.jobsAndCustomers')}>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            {count('jobsFullTime')}
            {count('jobsPartTime')}
            {count('jobsWomen')}
            {count('customers')}
          </SimpleGrid>
        </Section>

        {!readOnly ? (
          <Group justify="flex-end" gap="sm">
            {form.isDirty ? (
              <Button variant="default" onClick={() => form.reset()} disabled={save.isPending}>
                {t('startups.checkIns.discard')}
              </Button>
            ) : null}
            <Button
              type="submit"
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              loading={save.isPending}
              disabled={record !== null && !form.isDirty}
            >
              {t('startups.checkIns.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}

function numberProps(form: ApiForm<CheckInValues>, field: NumberField, readOnly: boolean) {
  return {
    name: field,
    value: form.values[field] ?? '',
    onChange: (v: number | string) => form.setFieldValue(field, typeof v === 'number' ? v : v === '' ? null : Number(v)),
    error: form.errors[field],
    readOnly,
    variant: readOnly ? 'filled' : 'default',
  };
}

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Divider
        label={props.title}
        labelPosition="left"
        styles={{ label: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600 } }}
      />
      {props.children}
    </Stack>
  );
}

/** "Locked by Ayesha Khan on 3 Oct 2026": who comes from the record's history. */
function LockBadge(props: { record: QuarterlyMetrics }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useSession();
  const history = useApiQuery('history.list', { table: 'quarterly_metrics', rowId: props.record.id, limit: 50 });
  const entry = history.data?.find((h) => h.column === 'lockedAt' && h.newValue !== null);
  const who = props.record.lockedBy === user?.id ? t('startups.checkIns.you') : (entry?.userName ?? null);
  const when = props.record.lockedAt ? format.dateTime(props.record.lockedAt) : '';
  return (
    <Badge size="lg" color="orange" variant="light" leftSection={<IconLock size={14} aria-hidden />} tt="none" mb={6}>
      {who ? t('startups.checkIns.lockedBy', { who, when }) : t('startups.checkIns.lockedAt', { when })}
    </Badge>
  );
}

function PastQuarters(props: { rows: QuarterlyMetrics[]; selected: string; onSelect: (q: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const quarterLabel = useQuarterLabel();
  const dash = (
    <Text span c="dimmed">
      —
    </Text>
  );
  const n = (v: number | null, f: (x: number) => string = format.number) => (v === null ? dash : f(v));
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} size="h4" mb="md">
        {t('startups.checkIns.history')}
      </Title>
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="xs" highlightOnHover aria-label={t('startups.checkIns.history')} style={{ whiteSpace: 'nowrap' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('startups.checkIns.quarter')}</Table.Th>
              <Table.Th ta="end">{t('startups.checkIns.fields.revenuePkr')}</Table.Th>
              <Table.Th ta="end">{t('startups.checkIns.fields.exportRevenueUsd')}</Table.Th>
              <Table.Th ta="end">{t('startups.checkIns.fields.fundingRaisedPkr')}</Table.Th>
              <Table.Th ta="end">{t('startups.checkIns.jobs')}</Table.Th>
              <Table.Th ta="end">{t('startups.checkIns.fields.customers')}</Table.Th>
              <Table.Th>{t('startups.checkIns.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((m) => {
              const jobs =
                m.jobsFullTime === null && m.jobsPartTime === null ? null : (m.jobsFullTime ?? 0) + (m.jobsPartTime ?? 0);
              return (
                <Table.Tr key={m.id} bg={m.quarter === props.selected ? 'var(--mantine-primary-color-light)' : undefined}>
                  <Table.Td>
                    <UnstyledButton
                      onClick={() => props.onSelect(m.quarter)}
                      fw={600}
                      fz="sm"
                      c="var(--mantine-primary-color-filled)"
                    >
                      {quarterLabel(m.quarter, true)}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td ta="end">{n(m.revenuePkr, format.pkr)}</Table.Td>
                  <Table.Td ta="end">{n(m.exportRevenueUsd, format.usd)}</Table.Td>
                  <Table.Td ta="end">{n(m.fundingRaisedPkr, format.pkr)}</Table.Td>
                  <Table.Td ta="end">
                    {jobs === null ? dash : format.number(jobs)}
                    {m.jobsWomen !== null ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        {t('startups.checkIns.womenCount', { count: m.jobsWomen, formatted: format.number(m.jobsWomen) })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="end">{n(m.customers)}</Table.Td>
                  <Table.Td>
                    {m.lockedAt ? (
                      <Badge color="orange" variant="light" leftSection={<IconLock size={12} aria-hidden />}>
                        {t('startups.checkIns.stateLocked')}
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        {t('startups.checkIns.stateOpen')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
