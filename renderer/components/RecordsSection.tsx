/**
 * A record's related rows on one of its tabs (a startup's founders, its milestones): a panel
 * with a heading and an Add button over the table, or what to do when there are none yet,
 * and the dialog that adds one or edits one.
 */
import { useState, type ReactNode } from 'react';
import { Button, Modal, Paper, type ModalProps } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { DataTable, type DataColumn } from './DataTable.js';
import { EmptyState } from './EmptyState.js';
import { Panel } from './Panel.js';

/** The Add button of a section, for those who may add. */
function AddButton(props: { label: string; onClick: () => void }) {
  return (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={props.onClick}>
      {props.label}
    </Button>
  );
}

/**
 * The section itself. It keeps which row is open in the dialog: `editor.form` is given the
 * row being edited (null for a new one) and a function to call once it is saved or left.
 */
export function RecordsSection<T extends { id: string }>(props: {
  rows: readonly T[];
  title: string;
  /** A line under the title (e.g. "1 of 3 done"). */
  subtitle?: string;
  empty: { icon: ReactNode; title: string; body: string };
  table: {
    label: string;
    minWidth: number;
    columns: readonly DataColumn<T>[];
    /** A row's buttons; `edit` opens the row in the dialog. */
    actions?: (row: T, edit: (row: T) => void) => ReactNode;
  };
  /** Adding and editing, for those who may. */
  editor?: {
    addLabel: string;
    dialogTitle: { add: string; edit: string };
    size?: ModalProps['size'];
    form: (row: T | null, done: () => void) => ReactNode;
  };
}) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const { editor, table } = props;
  const done = () => setEditing(null);
  const addButton = editor ? <AddButton label={editor.addLabel} onClick={() => setEditing('new')} /> : null;
  const { actions } = table;
  return (
    <>
      {props.rows.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <EmptyState icon={props.empty.icon} title={props.empty.title} description={props.empty.body} action={addButton} />
        </Paper>
      ) : (
        <Panel title={props.title} description={props.subtitle} actions={addButton}>
          <DataTable
            label={table.label}
            rows={props.rows}
            minWidth={table.minWidth}
            highlightOnHover
            columns={table.columns}
            actions={actions ? (row) => actions(row, setEditing) : undefined}
          />
        </Panel>
      )}
      {editor ? (
        <RecordDialog editing={editing} onClose={done} title={editor.dialogTitle} size={editor.size}>
          {(row) => editor.form(row, done)}
        </RecordDialog>
      ) : null}
    </>
  );
}

/** The dialog that adds a row ('new') or edits one; a fresh form each time it opens. */
function RecordDialog<T extends { id: string }>(props: {
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

/**
 * Saves the row of a dialog: a new one is created; of one being edited only the changed
 * fields (`patch`) are sent, and nothing at all when none changed. The saved row, or null
 * when there was nothing to save.
 */
export async function saveRow<R>(
  editing: boolean,
  patch: object,
  calls: { create: () => Promise<R>; update: () => Promise<R> },
): Promise<R | null> {
  if (!editing) return calls.create();
  return Object.keys(patch).length > 0 ? calls.update() : null;
}
