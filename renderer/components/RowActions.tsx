import type { ReactNode } from 'react';
import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';

/** A row's own buttons (edit, delete…), at the end of a table row. */
export function RowActions(props: { children: ReactNode }) {
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {props.children}
    </Group>
  );
}

/** An icon button with its name as a tooltip; `label` names the row too ("Edit Batch 1"). */
export function RowActionButton(props: { kind: 'edit' | 'delete'; tooltip: string; label: string; onClick: () => void }) {
  const Icon = props.kind === 'edit' ? IconEdit : IconTrash;
  return (
    <Tooltip label={props.tooltip}>
      <ActionIcon
        variant="subtle"
        color={props.kind === 'delete' ? 'red' : 'gray'}
        onClick={props.onClick}
        aria-label={props.label}
      >
        <Icon size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}
