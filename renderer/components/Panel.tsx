import type { ReactNode } from 'react';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';

/**
 * A bordered section of a page: its heading, an optional line under it, buttons on the
 * right, and the content.
 */
export function Panel(props: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** Keeps the heading's text to a readable width. */
  headingWidth?: number;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <SectionHeading title={props.title} description={props.description} maw={props.headingWidth} />
          {props.actions ? <Group gap="sm">{props.actions}</Group> : null}
        </Group>
        {props.children}
      </Stack>
    </Paper>
  );
}

/** A section's title (a level-2 heading) and the line under it. */
export function SectionHeading(props: { title: string; description?: ReactNode; small?: boolean; maw?: number }) {
  return (
    <Stack gap={props.small ? 2 : 4} maw={props.maw}>
      <Title order={2} size={props.small ? 'h5' : 'h4'}>
        {props.title}
      </Title>
      {props.description ? (
        <Text c="dimmed" size={props.small ? 'xs' : 'sm'}>
          {props.description}
        </Text>
      ) : null}
    </Stack>
  );
}
