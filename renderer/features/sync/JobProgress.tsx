/** A sync job's progress bar and its step in words, with an optional Stop button. */
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../../shared/api/client.js';
import { useProgressText } from './use-sync-status.js';

export function SyncJobProgress(props: { progress: JobProgress | null; onStop?: () => void }) {
  const { t } = useTranslation();
  const progressText = useProgressText();
  const fraction = props.progress?.total ? props.progress.done / props.progress.total : 0;
  return (
    <Stack gap={4} aria-live="polite">
      <Progress value={fraction * 100} animated size="lg" aria-label={t('sync.join.progressLabel')} />
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 0 }}>
          {progressText(props.progress)}
        </Text>
        {props.onStop ? (
          // Never squeezed by a long step text (it wraps instead).
          <Button
            size="xs"
            variant="default"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={props.onStop}
            style={{ flexShrink: 0 }}
          >
            {t('sync.join.cancel')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
