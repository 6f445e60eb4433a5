import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { asApiFailure } from '../../api/errors.js';
import { useApiForm } from '../../api/forms.js';
import { useApiMutation } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormError } from '../../components/FormError.js';
import { useNotify } from '../../components/notify.js';
import { createTraineeInput, emptyTraineeForm } from './trainee-form.js';
import { conflictOf } from './conflict.js';
import { TraineeFields, type Conflict } from './TraineeFields.js';

export function NewTraineeModal(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const describeIssue = useDescribeIssue();
  const form = useApiForm({ initialValues: emptyTraineeForm, describeIssue });
  const create = useApiMutation('trainees.create');
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const close = () => {
    form.reset();
    create.reset();
    setConflict(null);
    props.onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    setConflict(null);
    try {
      const trainee = await create.mutateAsync(createTraineeInput(form.values));
      notify.saved(t('trainees.created', { name: trainee.name }));
      close();
      void navigate(`/trainees/${trainee.id}`);
    } catch (error) {
      setConflict(conflictOf(asApiFailure(error), []));
      form.showFailure(error);
    }
  };

  return (
    <Modal opened={props.opened} onClose={close} title={t('trainees.new.title')} size="lg" closeOnClickOutside={!form.isDirty}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="lg">
          <FormError message={form.formError} />
          <TraineeFields form={form} conflict={conflict} autoFocus />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('trainees.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
