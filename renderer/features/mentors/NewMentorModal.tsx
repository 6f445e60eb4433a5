import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiForm } from '../../api/forms.js';
import { useApiMutation } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormFrame } from '../../components/FormFrame.js';
import { useNotify } from '../../components/notify.js';
import { createMentorInput, emptyMentorForm } from './mentor-form.js';
import { MentorFields } from './MentorFields.js';

export function NewMentorModal(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const describeIssue = useDescribeIssue();
  const form = useApiForm({ initialValues: emptyMentorForm, describeIssue });
  const create = useApiMutation('mentors.create');

  const close = () => {
    form.reset();
    create.reset();
    props.onClose();
  };

  const submit = async () => {
    const mentor = await create.mutateAsync(createMentorInput(form.values));
    notify.saved(t('mentors.created', { name: mentor.name }));
    close();
    void navigate(`/mentors/${mentor.id}`);
  };

  return (
    <Modal opened={props.opened} onClose={close} title={t('mentors.new.title')} size="xl" closeOnClickOutside={!form.isDirty}>
      <FormFrame
        form={form}
        onSubmit={submit}
        submitLabel={t('mentors.new.submit')}
        pending={create.isPending}
        onCancel={close}
        gap="lg"
      >
        <MentorFields form={form} autoFocus />
      </FormFrame>
    </Modal>
  );
}
