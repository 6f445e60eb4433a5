import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgrammeKind } from '../../../shared/records/programmes.js';

export function useProgrammeOptions() {
  const { t } = useTranslation();
  return useMemo(() => ({ kinds: ProgrammeKind.options.map((value) => ({ value, label: t(`programmes.kinds.${value}`) })) }), [t]);
}
