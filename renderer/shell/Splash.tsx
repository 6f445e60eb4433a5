import type { ReactNode } from 'react';
import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../components/error-message.js';

/** Whole-window waiting state (connecting, loading the session). */
export function Splash(props: { label: string }) {
  return (
    <Center h="100vh" role="status" aria-live="polite">
      <Stack align="center" gap="sm">
        <Loader aria-hidden />
        <Text c="dimmed">{props.label}</Text>
      </Stack>
    </Center>
  );
}

/** Whole-window problem with an explanation and, where it helps, a way out. */
export function FullPageProblem(props: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Center h="100vh" p="md">
      <Stack align="center" gap="sm" maw={520} ta="center" role="alert">
        <IconPlugConnectedX size={48} stroke={1.5} aria-hidden />
        <Title order={1} size="h3">
          {props.title}
        </Title>
        {props.children}
        {props.action}
      </Stack>
    </Center>
  );
}

export function FullPageError(props: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  return (
    <FullPageProblem
      title={t('errors.loadFailed')}
      action={
        <Button onClick={props.onRetry} mt="sm">
          {t('common.tryAgain')}
        </Button>
      }
    >
      <Text c="dimmed">{describe(props.error)}</Text>
    </FullPageProblem>
  );
}
