import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Startup } from '../../../shared/records/startups.js';
import { useApiForm } from '../../api/forms.js';
import { apiQueryKey, useApiMutation } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormFrame } from '../../components/FormFrame.js';
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

  const submit = async () => {
    const patch = updateStartupPatch(form.values, props.startup);
    if (Object.keys(patch).length > 0) {
      const saved = await updateStartup.mutateAsync({ id: props.startup.id, patch });
      queryClient.setQueryData(apiQueryKey('startups.get', { id: saved.id }), saved);
      notify.saved(t('startups.saved', { name: saved.name }));
    }
    props.onDone();
  };

  return (
    <FormFrame
      form={form}
      onSubmit={submit}
      submitLabel={t('startups.edit.submit')}
      pending={updateStartup.isPending}
      onCancel={props.onDone}
      label={t('startups.edit.formLabel')}
      gap="lg"
    >
      <StartupFields form={form} />
    </FormFrame>
  );
}
