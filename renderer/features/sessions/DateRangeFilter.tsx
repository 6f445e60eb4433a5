import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.js';
import { isIsoDate } from '../../format/index.js';

/**
 * From and To dates filtering the sessions list (both days included). Only whole dates reach
 * the address; while one is half typed the list stays as it was.
 */
export function DateRangeFilter(props: {
  from: string | null;
  to: string | null;
  onChange: (range: { from?: string | null; to?: string | null }) => void;
}) {
  const { t } = useTranslation();
  const field = (end: 'from' | 'to') => (
    <DateField
      label={t(`sessions.filters.${end}`)}
      value={props[end] ?? ''}
      onChange={(value) => {
        if (value === '' || isIsoDate(value)) props.onChange({ [end]: value || null });
      }}
      w={160}
    />
  );
  return (
    <>
      {field('from')}
      {field('to')}
    </>
  );
}
