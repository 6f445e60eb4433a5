import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Gender } from '../../../shared/records/base.js';
import { EnrolmentStatus, PlacementKind } from '../../../shared/records/trainees.js';

/** Select options for the trainee enums, in the contract's order, in the viewer's language. */
export function useTraineeOptions() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      genders: Gender.options.map((value) => ({ value, label: t(`enums.gender.${value}`) })),
      statuses: EnrolmentStatus.options.map((value) => ({ value, label: t(`trainees.enums.status.${value}`) })),
      placementKinds: PlacementKind.options.map((value) => ({ value, label: t(`trainees.enums.placementKind.${value}`) })),
    }),
    [t],
  );
}
