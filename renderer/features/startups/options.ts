import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Sector, Stage } from '../../../shared/records/startups.js';

/** Select options for sectors and stages, in the contract's order, labelled in the viewer's language. */
export function useStartupOptions() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      sectors: Sector.options
        .map((value) => ({ value, label: t(`enums.sector.${value}`) }))
        .sort((a, b) => (a.value === 'other' ? 1 : b.value === 'other' ? -1 : a.label.localeCompare(b.label))),
      stages: Stage.options.map((value) => ({ value, label: t(`enums.stage.${value}`) })),
    }),
    [t],
  );
}
