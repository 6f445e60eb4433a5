import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './error-message.js';

/** A failed load: what went wrong and a way to try again. */
export function QueryError(props: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={props.title ?? t('errors.loadFailed')}
      role="alert"
    >
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm">{describe(props.error)}</Text>
        {props.onRetry ? (
          <Button size="xs" variant="white" color="red" onClick={props.onRetry}>
            {t('common.tryAgain')}
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
