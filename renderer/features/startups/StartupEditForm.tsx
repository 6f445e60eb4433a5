import type { FormEvent } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Startup } from '../../../shared/records/startups.js';
import { useApiForm } from '../../api/forms.js';
import { apiQueryKey, useApiMutation } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormError } from '../../components/FormError.js';
import { useNotify } from '../../components/notify.js';
import { startupFormValues, updateStartupPatch } from './startup-form.js';
import { StartupFields } from './StartupFields.js';

/** Edits a startup's profile; only the changed fields are sent. */
export function StartupEditForm(props: { startup: Startup; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const describeIssue = useDescribeIssue();
  const form = useApiForm({ initialValues: startupFormValues(props.startup), pathPrefix: ['patch'], describeIssue });
  const updateStartup = useApiMutation('startups.update');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    const patch = updateStartupPatch(form.values, props.startup);
    if (Object.keys(patch).length === 0) {
      props.onDone();
      return;
    }
    try {
      const saved = await updateStartup.mutateAsync({ id: props.startup.id, patch });
      queryClient.setQueryData(apiQueryKey('startups.get', { id: saved.id }), saved);
      notify.saved(t('startups.saved', { name: saved.name }));
      props.onDone();
    } catch (error) {
      form.showFailure(error);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('startups.edit.formLabel')}>
      <Stack gap="lg">
        <FormError message={form.formError} />
        <StartupFields form={form} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onDone} disabled={updateStartup.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={updateStartup.isPending}>
            {t('startups.edit.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
