import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function KindBadge(props: { kind: 'incubation' | 'training' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={props.kind === 'training' ? 'indigo' : 'brand'} component="span">
      {t(`programmes.kinds.${props.kind}`)}
    </Badge>
  );
}

/** National programmes belong to the national office; centres see them read-only. */
export function NationalBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="grape" component="span" title={t('programmes.nationalHint')}>
      {t('programmes.national')}
    </Badge>
  );
}
