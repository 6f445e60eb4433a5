import type { FormEvent } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Mentor } from '../../../shared/records/mentors.js';
import { useApiForm } from '../../api/forms.js';
import { apiQueryKey, useApiMutation } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormError } from '../../components/FormError.js';
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    const patch = updateMentorPatch(form.values, props.mentor);
    if (Object.keys(patch).length === 0) {
      props.onDone();
      return;
    }
    try {
      const saved = await update.mutateAsync({ id: props.mentor.id, patch });
      queryClient.setQueryData(apiQueryKey('mentors.get', { id: saved.id }), saved);
      notify.saved(t('mentors.saved', { name: saved.name }));
      props.onDone();
    } catch (error) {
      form.showFailure(error);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('mentors.edit.formLabel')}>
      <Stack gap="lg">
        <FormError message={form.formError} />
        <MentorFields form={form} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onDone} disabled={update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('mentors.edit.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
