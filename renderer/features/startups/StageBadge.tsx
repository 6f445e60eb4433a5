import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../shared/records/startups.js';
import { stageColor } from '../../theme/theme.js';

export function StageBadge(props: { stage: Stage; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    // Never shortened to "INCU…" in a narrow table column.
    <Badge color={stageColor[props.stage]} variant="light" size={props.size ?? 'sm'} miw="max-content">
      {t(`enums.stage.${props.stage}`)}
    </Badge>
  );
}
