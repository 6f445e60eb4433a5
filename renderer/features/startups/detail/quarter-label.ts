import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../format/index.js';

/** "Q3 2026 (Jul–Sep)" in the viewer's language; `short` gives "Q3 2026". */
export function useQuarterLabel() {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    const month = new Intl.DateTimeFormat(format.locale, { month: 'short', timeZone: 'UTC' });
    return (quarter: string, short = false) => {
      const year = Number(quarter.slice(0, 4));
      const q = Number(quarter.slice(6));
      const name = t('startups.quarterName', { q, year: String(year) });
      if (short) return name;
      const first = month.format(Date.UTC(year, (q - 1) * 3, 1));
      const last = month.format(Date.UTC(year, q * 3 - 1, 1));
      return t('startups.quarterWithMonths', { quarter: name, first, last });
    };
  }, [format.locale, t]);
}
