import type { ReactNode } from 'react';
import { Box, Group, Paper, Skeleton, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';

/**
 * One headline figure: its label, the value large (a placeholder while it loads, `null`;
 * something richer than text as it is), and optionally an icon and a line of explanation. `testId` marks the card and, with
 * "-value", the figure.
 */
export function StatCard(props: {
  label: string;
  value: ReactNode | null;
  hint?: string;
  icon?: Icon;
  color?: string;
  testId?: string;
}) {
  const labelId = props.testId ? `${props.testId}-label` : undefined;
  return (
    <Paper withBorder radius="md" p="md" role="group" aria-labelledby={labelId} data-testid={props.testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text id={labelId} size="sm" c="dimmed" fw={500}>
          {props.label}
        </Text>
        {props.icon ? (
          <ThemeIcon variant="light" color={props.color} size="md" radius="md" aria-hidden>
            <props.icon size={16} />
          </ThemeIcon>
        ) : null}
      </Group>
      {props.value === null ? (
        <Skeleton height={28} width={60} mt={6} />
      ) : typeof props.value !== 'string' && typeof props.value !== 'number' ? (
        <Box mt={4}>{props.value}</Box>
      ) : (
        <Text fz={28} fw={700} lh={1.2} mt={4} data-testid={props.testId ? `${props.testId}-value` : undefined}>
          {props.value}
        </Text>
      )}
      {props.hint ? (
        <Text size="xs" c="dimmed" mt={2} lineClamp={1} title={props.hint}>
          {props.hint}
        </Text>
      ) : null}
    </Paper>
  );
}
