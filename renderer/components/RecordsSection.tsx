/**
 * A record's related rows on one of its tabs (a startup's founders, its milestones): a panel
 * with a heading and an Add button over the table, or what to do when there are none yet,
 * and the dialog that adds one or edits one.
 */
import type { ReactNode } from 'react';
import { Button, Modal, Paper, type ModalProps } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { EmptyState } from './EmptyState.js';
import { Panel } from './Panel.js';

/** The Add button of a section, for those who may add. */
export function AddButton(props: { label: string; onClick: () => void }) {
  return (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={props.onClick}>
      {props.label}
    </Button>
  );
}

export function RecordsSection(props: {
  count: number;
  title: string;
  /** A line under the title (e.g. "1 of 3 done"). */
  subtitle?: string;
  /** The Add button, or nothing for those who may not add. */
  action?: ReactNode;
  empty: { icon: ReactNode; title: string; body: string };
  /** The table of rows. */
  children: ReactNode;
}) {
  if (props.count === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <EmptyState icon={props.empty.icon} title={props.empty.title} description={props.empty.body} action={props.action} />
      </Paper>
    );
  }
  return (
    <Panel title={props.title} description={props.subtitle} actions={props.action}>
      {props.children}
    </Panel>
  );
}

/** The dialog that adds a row ('new') or edits one; a fresh form each time it opens. */
export function RecordDialog<T extends { id: string }>(props: {
  editing: T | 'new' | null;
  onClose: () => void;
  title: { add: string; edit: string };
  size?: ModalProps['size'];
  children: (record: T | null) => ReactNode;
}) {
  const { editing } = props;
  return (
    <Modal
      opened={editing !== null}
      onClose={props.onClose}
      title={editing === 'new' ? props.title.add : props.title.edit}
      size={props.size}
    >
      {editing !== null ? (
        <div key={editing === 'new' ? 'new' : editing.id}>{props.children(editing === 'new' ? null : editing)}</div>
      ) : null}
    </Modal>
  );
}
