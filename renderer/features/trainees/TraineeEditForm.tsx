import { useState, type FormEvent } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Trainee } from '../../../shared/records/trainees.js';
import { asApiFailure } from '../../api/errors.js';
import { useApiForm } from '../../api/forms.js';
import { apiQueryKey, useApiMutation } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormError } from '../../components/FormError.js';
import { useNotify } from '../../components/notify.js';
import { conflictOf } from './conflict.js';
import { traineeFormValues, updateTraineePatch } from './trainee-form.js';
import { TraineeFields, type Conflict } from './TraineeFields.js';

/** Edits a trainee's profile; only the changed fields are sent. */
export function TraineeEditForm(props: { trainee: Trainee; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const describeIssue = useDescribeIssue();
  const form = useApiForm({ initialValues: traineeFormValues(props.trainee), pathPrefix: ['patch'], describeIssue });
  const update = useApiMutation('trainees.update');
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    setConflict(null);
    const patch = updateTraineePatch(form.values, props.trainee);
    if (Object.keys(patch).length === 0) {
      props.onDone();
      return;
    }
    try {
      const saved = await update.mutateAsync({ id: props.trainee.id, patch });
      queryClient.setQueryData(apiQueryKey('trainees.get', { id: saved.id }), saved);
      notify.saved(t('trainees.saved', { name: saved.name }));
      props.onDone();
    } catch (error) {
      setConflict(conflictOf(asApiFailure(error), ['patch']));
      form.showFailure(error);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('trainees.edit.formLabel')}>
      <Stack gap="lg">
        <FormError message={form.formError} />
        <TraineeFields form={form} conflict={conflict} maskedHint />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onDone} disabled={update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('trainees.edit.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
