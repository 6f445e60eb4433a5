import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Placeholder rows while a tab's records load. */
export function TabSkeleton(props: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton height={20} width="30%" />
      {Array.from({ length: props.rows ?? 4 }, (_, i) => (
        <Skeleton key={i} height={36} />
      ))}
    </Stack>
  );
}
