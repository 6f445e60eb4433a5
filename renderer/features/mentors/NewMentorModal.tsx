import { useNavigate } from 'react-router';
import { NewRecordModal } from '../../components/NewRecordModal.js';
import { createMentorInput, emptyMentorForm } from './mentor-form.js';
import { MentorFields } from './MentorFields.js';

/** Adds a mentor to the directory, then opens their page. */
export function NewMentorModal(props: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  return (
    <NewRecordModal
      kind="mentors"
      opened={props.opened}
      onClose={props.onClose}
      size="xl"
      emptyValues={emptyMentorForm}
      input={createMentorInput}
      fields={(form) => <MentorFields form={form} autoFocus />}
      onCreated={(mentor) => void navigate(`/mentors/${mentor.id}`)}
    />
  );
}
