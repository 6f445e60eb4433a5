/**
 * Step 2: the file's first rows, and for each field the column that fills it (pre-filled
 * from the suggested or saved mapping); named mappings can be saved and loaded.
 */
import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type ColumnMapping,
  type ImportKind,
  type InspectResult,
} from '../../../shared/api/import.js';
import { useApiMutation, useApiQuery } from '../../api/query.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { useNotify } from '../../components/notify.js';
import { SectionHeading } from '../../components/Panel.js';
import { StepFooter } from './StepFooter.js';

type PreviewRow = { id: string; row: number; values: string[] };

export type FieldName = (typeof IMPORT_FIELDS)[ImportKind][number];

export function fieldsOf(kind: ImportKind): readonly FieldName[] {
  return IMPORT_FIELDS[kind];
}

export function requiredOf(kind: ImportKind): readonly string[] {
  return REQUIRED_IMPORT_FIELDS[kind];
}

/** Required fields without a column, and columns that feed more than one field. */
export function mappingProblems(kind: ImportKind, mapping: ColumnMapping) {
  const missing = requiredOf(kind).filter((field) => !mapping[field]);
  const seen = new Map<string, number>();
  for (const column of Object.values(mapping)) seen.set(column, (seen.get(column) ?? 0) + 1);
  const repeated = [...seen].filter(([, n]) => n > 1).map(([column]) => column);
  return { missing, repeated };
}

export function ColumnsStep(props: {
  kind: ImportKind;
  inspect: InspectResult;
  mapping: ColumnMapping;
  onMapping: (mapping: ColumnMapping) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { inspect, mapping, kind } = props;
  const [name, setName] = useState('');
  const saved = useApiQuery('import.mappings.list', { kind });
  const save = useApiMutation('import.mappings.save');
  const remove = useApiMutation('import.mappings.delete');
  const [chosenSaved, setChosenSaved] = useState<string | null>(inspect.savedMapping?.id ?? null);
  const columnKeys = new Set(inspect.columns.map((c) => c.key));
  const { missing, repeated } = mappingProblems(kind, mapping);

  const previewColumns: DataColumn<PreviewRow>[] = [
    { key: 'row', header: t('import.columns.row'), cell: (r) => r.row, width: 64 },
    ...inspect.columns.map((c) => ({
      key: `c${c.index}`,
      header: c.key,
      cell: (r: PreviewRow) => r.values[c.index] ?? '',
      minWidth: 120,
    })),
  ];
  const previewRows = inspect.preview.map((p) => ({ id: String(p.row), ...p }));
  const columnOptions = inspect.columns.map((c) => ({ value: c.key, label: c.key }));

  const setField = (field: string, column: string | null) => {
    const next = { ...mapping };
    if (column) next[field] = column;
    else delete next[field];
    props.onMapping(next);
  };

  const loadSaved = (id: string | null) => {
    setChosenSaved(id);
    const found = saved.data?.find((m) => m.id === id);
    if (!found) return;
    // Only the columns this file has.
    props.onMapping(Object.fromEntries(Object.entries(found.mapping).filter(([, column]) => columnKeys.has(column))));
    setName(found.name);
    notify.saved(t('import.columns.savedLoaded', { name: found.name }));
  };

  const saveMapping = async () => {
    try {
      const result = await save.mutateAsync({ kind, name: name.trim(), mapping });
      // Saved mappings are not records that sync, so no change event refreshes the list.
      await saved.refetch();
      setChosenSaved(result.id);
      notify.saved(t('import.columns.savedDone', { name: result.name }));
    } catch (error) {
      notify.failed(error, t('import.columns.saveFailed'));
    }
  };

  const deleteSaved = async () => {
    const found = saved.data?.find((m) => m.id === chosenSaved);
    if (!found) return;
    try {
      await remove.mutateAsync({ id: found.id });
      await saved.refetch();
      setChosenSaved(null);
      notify.saved(t('import.columns.deletedDone', { name: found.name }));
    } catch (error) {
      notify.failed(error);
    }
  };

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <SectionHeading title={t('import.columns.preview')} small />
        {previewRows.length ? (
          <DataTable
            label={t('import.columns.preview')}
            rows={previewRows}
            columns={previewColumns}
            minWidth={Math.max(600, inspect.columns.length * 130)}
            striped
          />
        ) : (
          <Text c="dimmed">{t('import.columns.previewEmpty')}</Text>
        )}
      </Stack>

      <Stack gap="xs">
        <SectionHeading title={t('import.columns.mapping')} description={t('import.columns.mappingHint')} small />
        {inspect.savedMapping && chosenSaved === inspect.savedMapping.id ? (
          <Text size="sm" c="dimmed">
            {t('import.columns.savedAuto', { name: inspect.savedMapping.name })}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" verticalSpacing="sm">
          {fieldsOf(kind).map((field) => {
            const column = mapping[field] ?? null;
            const confidence = inspect.suggested.confidence[field];
            const required = requiredOf(kind).includes(field);
            const suggested = column !== null && inspect.suggested.mapping[field] === column && confidence !== undefined;
            return (
              <Select
                key={field}
                label={
                  <Group gap={6} component="span" wrap="nowrap">
                    <span>
                      {t(`import.fields.${field}`)}
                      {required ? (
                        <Text span c="red" aria-hidden>
                          {' *'}
                        </Text>
                      ) : null}
                    </span>
                    {suggested ? (
                      <Badge
                        size="xs"
                        variant="light"
                        color={confidence >= 1 ? 'brand' : confidence >= 0.7 ? 'yellow' : 'orange'}
                        component="span"
                        tt="none"
                        fw={500}
                      >
                        {confidence >= 1
                          ? t('import.columns.exact')
                          : t('import.columns.confidence', { percent: `${Math.round(confidence * 100)}%` })}
                      </Badge>
                    ) : null}
                  </Group>
                }
                aria-label={t(`import.fields.${field}`)}
                required={required}
                withAsterisk={false}
                data={columnOptions}
                value={column && columnKeys.has(column) ? column : null}
                onChange={(value) => setField(field, value)}
                placeholder={t('import.columns.notImported')}
                clearable
                searchable
                nothingFoundMessage={t('common.noOptions')}
                error={column && repeated.includes(column) ? t('import.columns.usedTwice', { column }) : undefined}
                comboboxProps={{ withinPortal: true }}
              />
            );
          })}
        </SimpleGrid>
      </Stack>

      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('import.columns.saved')}
          placeholder={saved.data?.length ? t('import.columns.savedPlaceholder') : t('import.columns.savedNone')}
          data={(saved.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          value={chosenSaved}
          onChange={loadSaved}
          disabled={!saved.data?.length}
          w={300}
        />
        {chosenSaved && saved.data?.some((m) => m.id === chosenSaved) ? (
          <Tooltip label={t('import.columns.deleteSaved')}>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('import.columns.deleteSaved')}
              onClick={() => void deleteSaved()}
              loading={remove.isPending}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        ) : null}
        <TextInput label={t('import.columns.saveName')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={240} />
        <Button variant="default" onClick={() => void saveMapping()} loading={save.isPending} disabled={!name.trim()}>
          {t('import.columns.save')}
        </Button>
      </Group>

      <StepFooter
        warning={
          missing.length
            ? t('import.columns.required', { fields: missing.map((f) => t(`import.fields.${f as FieldName}`)).join(', ') })
            : null
        }
        onBack={props.onBack}
      >
        <Button onClick={props.onNext} disabled={missing.length > 0 || repeated.length > 0}>
          {t('import.columns.check')}
        </Button>
      </StepFooter>
    </Stack>
  );
}
