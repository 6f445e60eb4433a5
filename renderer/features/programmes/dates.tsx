import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.js';
import { useFormat } from '../../format/index.js';

/** "1 Jan 2026 – 30 Jun 2026", an open end as "…", nothing as null. */
export function useDateSpan() {
  const format = useFormat();
  return (start: string | null, end: string | null): string | null => {
    if (!start && !end) return null;
    return `${start ? format.date(start) : '…'} – ${end ? format.date(end) : '…'}`;
  };
}

/** When a programme or a cohort starts and ends, side by side; either may be left empty. */
export function DateSpanFields(props: {
  startDate: string;
  endDate: string;
  errors: { startDate?: string; endDate?: string };
  onChange: (field: 'startDate' | 'endDate', value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={2} spacing="md">
      <DateField
        label={t('programmes.fields.startDate')}
        value={props.startDate}
        onChange={(value) => props.onChange('startDate', value)}
        error={props.errors.startDate}
      />
      <DateField
        label={t('programmes.fields.endDate')}
        value={props.endDate}
        onChange={(value) => props.onChange('endDate', value)}
        error={props.errors.endDate}
      />
    </SimpleGrid>
  );
}
