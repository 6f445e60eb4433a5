/**
 * Nothing talks to core before the channel is open. When web mode's socket drops, a
 * banner says so and counts down to the next attempt; the screen stays as it was, and
 * saves fail with a clear message rather than being queued.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Box, Button, Code, Group, Text } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useConnectionState, useRetryConnection } from '../api/ApiProvider.js';
import type { ConnectionState } from '../api/connection-state.js';
import { FullPageProblem, Splash } from './Splash.js';

function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function RetryStatus(props: { state: Extract<ConnectionState, { kind: 'lost' }> }) {
  const { t } = useTranslation();
  const retry = useRetryConnection();
  const seconds = useSecondsUntil(props.state.retryAt);
  return (
    <Group gap="sm" justify="center">
      <Text size="sm" aria-live="polite">
        {seconds === null ? t('connection.reconnecting') : t('connection.retryIn', { count: seconds })}
      </Text>
      <Button size="xs" variant="default" onClick={retry} disabled={seconds === null}>
        {t('connection.retryNow')}
      </Button>
    </Group>
  );
}

export function ConnectionGate(props: { children: ReactNode }) {
  const { t } = useTranslation();
  const state = useConnectionState();

  if (state.kind === 'connecting') return <Splash label={t('connection.connecting')} />;
  if (state.kind === 'unusable' && state.reason === 'core-stopped') {
    return (
      <FullPageProblem title={t('connection.stoppedTitle')}>
        <Text c="dimmed">{t('connection.stoppedBody')}</Text>
        {state.detail ? <Code>{state.detail}</Code> : null}
      </FullPageProblem>
    );
  }
  if (state.kind === 'unusable') {
    return (
      <FullPageProblem title={t('connection.missingTokenTitle')}>
        <Text c="dimmed">{t('connection.missingTokenBody')}</Text>
        <Code>npm run web -- --data DIR</Code>
      </FullPageProblem>
    );
  }
  if (state.kind === 'lost' && !state.everOpened) {
    return (
      <FullPageProblem title={t('connection.unreachableTitle')} action={<RetryStatus state={state} />}>
        <Text c="dimmed">{t('connection.unreachableBody')}</Text>
      </FullPageProblem>
    );
  }
  return (
    <>
      {state.kind === 'lost' ? (
        <Box pos="fixed" top={8} left="50%" style={{ transform: 'translateX(-50%)', zIndex: 1000, width: 'min(640px, 96vw)' }}>
          <Alert
            color="red"
            variant="filled"
            icon={<IconPlugConnectedX aria-hidden />}
            title={t('connection.lostTitle')}
            role="alert"
          >
            <Text size="sm" mb="xs">
              {t('connection.lostBody')}
            </Text>
            <RetryStatus state={state} />
          </Alert>
        </Box>
      ) : null}
      {props.children}
    </>
  );
}
