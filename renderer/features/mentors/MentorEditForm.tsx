import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Mentor } from '../../../shared/records/mentors.js';
import { useApiForm } from '../../api/forms.js';
import { apiQueryKey, useApiMutation } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormFrame } from '../../components/FormFrame.js';
import { useNotify } from '../../components/notify.js';
import { mentorFormValues, updateMentorPatch } from './mentor-form.js';
import { MentorFields } from './MentorFields.js';

/** Edits a mentor's profile; only the changed fields are sent. */
export function MentorEditForm(props: { mentor: Mentor; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const describeIssue = useDescribeIssue();
  const form = useApiForm({ initialValues: mentorFormValues(props.mentor), pathPrefix: ['patch'], describeIssue });
  const update = useApiMutation('mentors.update');

  const submit = async () => {
    const patch = updateMentorPatch(form.values, props.mentor);
    if (Object.keys(patch).length > 0) {
      const saved = await update.mutateAsync({ id: props.mentor.id, patch });
      queryClient.setQueryData(apiQueryKey('mentors.get', { id: saved.id }), saved);
      notify.saved(t('mentors.saved', { name: saved.name }));
    }
    props.onDone();
  };

  return (
    <FormFrame
      form={form}
      onSubmit={submit}
      submitLabel={t('mentors.edit.submit')}
      pending={update.isPending}
      onCancel={props.onDone}
      label={t('mentors.edit.formLabel')}
      gap="lg"
    >
      <MentorFields form={form} />
    </FormFrame>
  );
}
