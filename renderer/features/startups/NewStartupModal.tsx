import { NewRecordModal } from '../../components/NewRecordModal.js';
import { createStartupInput, emptyStartupForm } from './startup-form.js';
import { StartupFields } from './StartupFields.js';

export function NewStartupModal(props: { opened: boolean; onClose: () => void }) {
  return (
    <NewRecordModal
      kind="startups"
      opened={props.opened}
      onClose={props.onClose}
      size="lg"
      emptyValues={emptyStartupForm}
      input={createStartupInput}
      fields={(form) => <StartupFields form={form} autoFocus />}
    />
  );
}
