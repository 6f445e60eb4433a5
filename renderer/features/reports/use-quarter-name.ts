/** Quarters named in the centre's scheme, in the viewer's language: "FY2026-27 Q2 · Oct–Dec 2026". */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarterScheme } from '../../../shared/reports/quarters.js';
import { useFormat } from '../../format/index.js';
import { quarterName } from './report-view.js';

export function useQuarterName(scheme: QuarterScheme) {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    const month = new Intl.DateTimeFormat(format.locale, { month: 'short', timeZone: 'UTC' });
    const name = (quarter: string) => {
      const n = quarterName(quarter, scheme);
      return n.kind === 'calendar'
        ? t('reports.quarter.calendarName', { year: String(n.year), q: n.q })
        : t('reports.quarter.fiscalName', { start: n.fyStart, end: n.fyEnd, q: n.q });
    };
    const months = (quarter: string) => {
      const n = quarterName(quarter, scheme);
      return t('reports.quarter.months', {
        first: month.format(n.firstMonth),
        last: month.format(n.lastMonth),
        year: String(n.firstMonth.getUTCFullYear()),
      });
    };
    return {
      /** "2026-Q4" or "FY2026-27 Q2". */
      name,
      /** "Oct–Dec 2026". */
      months,
      /** A picker's option: "FY2026-27 Q2 · Oct–Dec 2026 (this quarter)". */
      option: (quarter: string, current: boolean) =>
        t(current ? 'reports.quarter.current' : 'reports.quarter.option', { name: name(quarter), months: months(quarter) }),
    };
  }, [format.locale, scheme, t]);
}
