import type { FormEvent } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiForm } from '../../api/forms.js';
import { useApiMutation } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormError } from '../../components/FormError.js';
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    try {
      const mentor = await create.mutateAsync(createMentorInput(form.values));
      notify.saved(t('mentors.created', { name: mentor.name }));
      close();
      void navigate(`/mentors/${mentor.id}`);
    } catch (error) {
      form.showFailure(error);
    }
  };

  return (
    <Modal opened={props.opened} onClose={close} title={t('mentors.new.title')} size="xl" closeOnClickOutside={!form.isDirty}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="lg">
          <FormError message={form.formError} />
          <MentorFields form={form} autoFocus />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('mentors.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
