import type { ReactNode } from 'react';
import { Stack, Text, ThemeIcon, Title } from '@mantine/core';

/** What an empty screen says: what is missing and what to do next. */
export function EmptyState(props: { icon: ReactNode; title: string; description: string; action?: ReactNode }) {
  return (
    <Stack align="center" gap="xs" py={48} px="md" ta="center" role="status">
      <ThemeIcon size={56} radius="xl" variant="light" aria-hidden>
        {props.icon}
      </ThemeIcon>
      <Title order={3} size="h4" mt="sm">
        {props.title}
      </Title>
      <Text c="dimmed" maw={460}>
        {props.description}
      </Text>
      {props.action ? <div style={{ marginTop: 8 }}>{props.action}</div> : null}
    </Stack>
  );
}
