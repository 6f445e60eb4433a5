import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Placeholder for a record page while it loads. */
export function DetailSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton height={14} width={120} />
      <Skeleton height={32} width="40%" />
      <Skeleton height={180} />
    </Stack>
  );
}
