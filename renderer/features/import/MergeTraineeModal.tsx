/**
 * "Merge with…" on a trainee's page: pick the duplicate, see both records side by side,
 * choose which to keep, and merge (`trainees.merge`): the other's enrolments, certificates
 * and placements move to the kept one and the other is removed.
 */
import { useState } from 'react';
import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Trainee } from '../../../shared/records/trainees.js';
import { useApiMutation, useApiQuery } from '../../api/query.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { useNotify } from '../../components/notify.js';
import { TraineePicker } from '../../components/RecordPickers.js';
import { useFormat } from '../../format/index.js';

const COMPARED = ['name', 'cnic', 'email', 'phone', 'gender', 'dateOfBirth', 'city', 'district', 'skills', 'consent'] as const;
type Compared = (typeof COMPARED)[number];
type Line = { id: Compared; current: string; other: string };

export function MergeTraineeModal(props: { trainee: Trainee; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const format = useFormat();
  const [otherId, setOtherId] = useState<string | null>(null);
  const [keep, setKeep] = useState<'current' | 'other'>('current');
  const other = useApiQuery('trainees.get', { id: otherId ?? '' }, { enabled: !!otherId });
  const merge = useApiMutation('trainees.merge');
  const { trainee } = props;

  const show = (record: Trainee, field: Compared): string => {
    const value = record[field];
    if (value === null || value === undefined || value === '') return '';
    if (field === 'skills') return record.skills.join(', ');
    if (field === 'consent') return record.consent ? t('common.yes') : t('common.no');
    if (field === 'gender') return record.gender ? t(`enums.gender.${record.gender}`) : '';
    if (field === 'dateOfBirth') return record.dateOfBirth ? format.date(record.dateOfBirth) : '';
    return String(value);
  };
  const lines: Line[] = other.data ? COMPARED.map((id) => ({ id, current: show(trainee, id), other: show(other.data, id) })) : [];
  const cell = (value: string, differs: boolean) =>
    value ? (
      <Text span size="sm" fw={differs ? 600 : undefined}>
        {value}
      </Text>
    ) : (
      <Text span size="sm" c="dimmed">
        {t('import.merge.empty')}
      </Text>
    );
  const columns: DataColumn<Line>[] = [
    { key: 'field', header: t('import.merge.field'), cell: (l) => t(`import.fields.${l.id}`), width: 140 },
    { key: 'current', header: trainee.name, cell: (l) => cell(l.current, l.current !== l.other) },
    { key: 'other', header: other.data?.name ?? '', cell: (l) => cell(l.other, l.current !== l.other) },
  ];

  const close = () => {
    setOtherId(null);
    setKeep('current');
    props.onClose();
  };

  const confirm = async () => {
    if (!otherId) return;
    const keepId = keep === 'current' ? trainee.id : otherId;
    const mergeId = keep === 'current' ? otherId : trainee.id;
    try {
      const result = await merge.mutateAsync({ keepId, mergeId });
      notify.saved(
        t('import.merge.done', {
          name: result.trainee.name,
          enrolments: result.moved.enrolments,
          certifications: result.moved.certifications,
          placements: result.moved.placements,
        }),
      );
      close();
      if (keepId !== trainee.id) void navigate(`/trainees/${keepId}`);
    } catch (error) {
      notify.failed(error, t('import.merge.failed'));
    }
  };

  return (
    <Modal opened={props.opened} onClose={close} title={t('import.merge.title')} size="xl">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('import.merge.description')}
        </Text>
        <TraineePicker
          label={t('import.merge.other')}
          value={otherId}
          onChange={(id) => setOtherId(id)}
          exclude={trainee.id}
          data-autofocus
        />
        {other.data ? (
          <>
            <Radio.Group label={t('import.merge.keep')} value={keep} onChange={(value) => setKeep(value as 'current' | 'other')}>
              <Group gap="lg" mt={6}>
                <Radio value="current" label={trainee.name} />
                <Radio value="other" label={other.data.name} />
              </Group>
            </Radio.Group>
            <DataTable label={t('import.merge.title')} rows={lines} columns={columns} minWidth={560} />
            <Text size="xs" c="dimmed">
              {t('import.merge.takeHint')}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('import.merge.chooseOther')}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={merge.isPending}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void confirm()} loading={merge.isPending} disabled={!other.data}>
            {t('import.merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
