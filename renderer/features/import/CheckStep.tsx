/**
 * Step 3: what `import.analyse` found: the counts, every rejected row with its reason, and
 * each duplicate group with the stored record's values beside the file's and a decision.
 */
import { useState, type ReactNode } from 'react';
import { Button, Group, Pagination, Paper, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCopy, IconTable, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AnalyseResult, DuplicateDecision, DuplicateGroup, RowIssue } from '../../../shared/api/import.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { SectionHeading } from '../../components/Panel.js';
import { StatCard } from '../../components/StatCard.js';
import { useFormat } from '../../format/index.js';
import type { FieldName } from './ColumnsStep.js';
import { StepFooter } from './StepFooter.js';

const ISSUES_PER_PAGE = 50;
const GROUPS_PER_PAGE = 10;
const DECISIONS: DuplicateDecision[] = ['skip', 'update', 'new'];

export interface CheckChoices {
  decisions: Record<string, DuplicateDecision>;
  validOnly: boolean;
  onDuplicate: DuplicateDecision;
}

/** The decision a group gets at commit: the one chosen for it, else the default where it is allowed. */
export function decisionOf(group: DuplicateGroup, choices: CheckChoices): DuplicateDecision {
  const chosen = choices.decisions[group.id];
  if (chosen) return chosen;
  return group.allowed.includes(choices.onDuplicate) ? choices.onDuplicate : 'skip';
}

/** Rows with at least one issue. */
export function invalidRowCount(analysis: AnalyseResult): number {
  return new Set(analysis.issues.map((i) => i.row)).size;
}

function Paged<T>(props: { items: readonly T[]; perPage: number; label: string; children: (page: readonly T[]) => ReactNode }) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(props.items.length / props.perPage));
  const current = Math.min(page, pages);
  return (
    <Stack gap="sm">
      {props.children(props.items.slice((current - 1) * props.perPage, current * props.perPage))}
      {pages > 1 ? <Pagination total={pages} value={current} onChange={setPage} size="sm" aria-label={props.label} /> : null}
    </Stack>
  );
}

function GroupCard(props: { group: DuplicateGroup; decision: DuplicateDecision; onDecision: (d: DuplicateDecision) => void }) {
  const { t } = useTranslation();
  const { group } = props;
  const rows = group.rows.join(', ');
  const title = group.existing
    ? t('import.check.groupTitleExisting', { rows, label: group.existing.label, count: group.rows.length })
    : t('import.check.groupTitleFile', { rows, count: group.rows.length });
  type Difference = DuplicateGroup['differences'][number] & { id: string };
  const columns: DataColumn<Difference>[] = [
    {
      key: 'field',
      header: t('import.check.field'),
      cell: (d) => t(`import.fields.${d.field as FieldName}`, d.field),
      width: 180,
    },
    {
      key: 'existing',
      header: group.existing ? t('import.check.existing') : t('import.check.firstRow'),
      cell: (d) =>
        d.existing ?? (
          <Text c="dimmed" span size="sm">
            —
          </Text>
        ),
    },
    {
      key: 'incoming',
      header: t('import.check.incomingShort'),
      cell: (d) => (
        <Text span size="sm" fw={600} px={4} style={{ background: 'var(--mantine-color-yellow-light)', borderRadius: 4 }}>
          {d.incoming ?? '—'}
          <Text span size="xs" c="dimmed" fw={400}>
            {' '}
            ({t('import.check.issueRow')} {d.row})
          </Text>
        </Text>
      ),
    },
  ];
  return (
    <Paper withBorder radius="md" p="md" data-testid="duplicate-group">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={2}>
            <Text fw={600}>{title}</Text>
            <Text size="xs" c="dimmed">
              {t('import.check.matchedBy', { field: t(`import.fields.${group.matchedBy as FieldName}`, group.matchedBy) })}
            </Text>
          </Stack>
          <SegmentedControl
            aria-label={`${t('import.check.decision')}: ${title}`}
            value={props.decision}
            onChange={(value) => props.onDecision(value as DuplicateDecision)}
            data={DECISIONS.map((d) => ({
              value: d,
              label: t(`import.check.decisions.${d}`),
              disabled: !group.allowed.includes(d),
            }))}
            size="xs"
          />
        </Group>
        {group.differences.length ? (
          <DataTable
            label={title}
            rows={group.differences.map((d, i) => ({ ...d, id: `${d.field}-${i}` }))}
            columns={columns}
            minWidth={480}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('import.check.noDifferences')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function CheckStep(props: {
  analysis: AnalyseResult;
  choices: CheckChoices;
  onChoices: (choices: CheckChoices) => void;
  rechecking: boolean;
  onRecheck: () => void;
  onBack: () => void;
  onImport: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { analysis, choices } = props;
  const [applyAll, setApplyAll] = useState<DuplicateDecision>('update');
  const invalid = invalidRowCount(analysis);
  const blocked = invalid > 0 && !choices.validOnly;

  type Issue = RowIssue & { id: string };
  const issueColumns: DataColumn<Issue>[] = [
    { key: 'row', header: t('import.check.issueRow'), cell: (i) => i.row, width: 70 },
    {
      key: 'field',
      header: t('import.check.issueField'),
      cell: (i) => (i.field ? t(`import.fields.${i.field as FieldName}`, i.field) : t('import.check.wholeRow')),
      width: 160,
    },
    { key: 'column', header: t('import.check.issueColumn'), cell: (i) => i.column ?? '—', width: 150 },
    { key: 'value', header: t('import.check.issueValue'), cell: (i) => i.value ?? '—', width: 160 },
    { key: 'reason', header: t('import.check.issueReason'), cell: (i) => i.message },
  ];
  const issues = analysis.issues.map((issue, index) => ({ ...issue, id: String(index) }));
  const setDecision = (group: string, decision: DuplicateDecision) =>
    props.onChoices({ ...choices, decisions: { ...choices.decisions, [group]: decision } });
  const applyToAll = () =>
    props.onChoices({
      ...choices,
      decisions: Object.fromEntries(analysis.groups.map((g) => [g.id, g.allowed.includes(applyAll) ? applyAll : 'skip'])),
    });
  const toImport = choices.validOnly ? analysis.validRows : analysis.totalRows;

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <StatCard
          label={t('import.check.total')}
          value={format.number(analysis.totalRows)}
          icon={IconTable}
          testId="check-total"
        />
        <StatCard
          label={t('import.check.valid')}
          value={format.number(analysis.validRows)}
          icon={IconCircleCheck}
          color="brand"
          testId="check-valid"
        />
        <StatCard
          label={t('import.check.invalid')}
          value={format.number(invalid)}
          icon={IconAlertTriangle}
          color={invalid ? 'red' : 'gray'}
          testId="check-invalid"
        />
        <StatCard
          label={t('import.check.groups')}
          value={format.number(analysis.groups.length)}
          icon={IconCopy}
          color={analysis.groups.length ? 'yellow' : 'gray'}
          testId="check-groups"
        />
      </SimpleGrid>

      <Stack gap="xs">
        <SectionHeading title={t('import.check.issues')} small />
        {issues.length ? (
          <Paged items={issues} perPage={ISSUES_PER_PAGE} label={t('import.check.issues')}>
            {(page) => <DataTable label={t('import.check.issues')} rows={page} columns={issueColumns} minWidth={720} />}
          </Paged>
        ) : (
          <Text c="dimmed">{t('import.check.issuesNone')}</Text>
        )}
      </Stack>

      <Stack gap="xs">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <SectionHeading title={t('import.check.duplicates')} small />
          {analysis.groups.length > 1 ? (
            <Group gap="xs" align="flex-end">
              <Select
                label={t('import.check.applyAll')}
                data={DECISIONS.map((d) => ({ value: d, label: t(`import.check.decisions.${d}`) }))}
                value={applyAll}
                onChange={(value) => value && setApplyAll(value as DuplicateDecision)}
                allowDeselect={false}
                size="xs"
                w={170}
              />
              <Button size="xs" variant="default" onClick={applyToAll}>
                {t('import.check.applyAllButton')}
              </Button>
            </Group>
          ) : null}
        </Group>
        {analysis.groups.length ? (
          <Paged items={analysis.groups} perPage={GROUPS_PER_PAGE} label={t('import.check.duplicates')}>
            {(page) =>
              page.map((group) => (
                <GroupCard
                  key={group.id}
                  group={group}
                  decision={decisionOf(group, choices)}
                  onDecision={(d) => setDecision(group.id, d)}
                />
              ))
            }
          </Paged>
        ) : (
          <Text c="dimmed">{t('import.check.duplicatesNone')}</Text>
        )}
      </Stack>

      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <SectionHeading title={t('import.check.options')} small />
          <Group gap="xl" align="flex-start" wrap="wrap">
            <Radio.Group
              label={t('import.check.mode')}
              value={choices.validOnly ? 'valid' : 'all'}
              onChange={(value) => props.onChoices({ ...choices, validOnly: value === 'valid' })}
            >
              <Stack gap={6} mt={6}>
                <Radio value="all" label={t('import.check.allOrNothing')} />
                <Radio value="valid" label={t('import.check.validOnly')} />
              </Stack>
            </Radio.Group>
            <Select
              label={t('import.check.onDuplicate')}
              data={DECISIONS.map((d) => ({ value: d, label: t(`import.check.decisions.${d}`) }))}
              value={choices.onDuplicate}
              onChange={(value) => value && props.onChoices({ ...choices, onDuplicate: value as DuplicateDecision })}
              allowDeselect={false}
              w={200}
            />
          </Group>
        </Stack>
      </Paper>

      <Text size="sm" data-testid="check-expected">
        {t('import.check.expected', {
          added: format.number(analysis.expected.added),
          updated: format.number(analysis.expected.updated),
          skipped: format.number(analysis.expected.skipped),
          rejected: format.number(analysis.expected.rejected),
        })}{' '}
        <Text span c="dimmed" size="sm">
          {t('import.check.expectedHint')}
        </Text>
      </Text>

      <StepFooter warning={blocked ? t('import.check.blocked', { count: invalid }) : null} onBack={props.onBack}>
        <Button variant="default" onClick={props.onRecheck} loading={props.rechecking}>
          {t('import.check.recheck')}
        </Button>
        <Button onClick={props.onImport} disabled={blocked || toImport === 0}>
          {t('import.check.import', { count: toImport, formatted: format.number(toImport) })}
        </Button>
      </StepFooter>
    </Stack>
  );
}
