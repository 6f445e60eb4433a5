import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiForm, type ApiForm } from '../api/forms.js';
import { apiQueryKey, useApiMutation } from '../api/query.js';
import { useDescribeIssue } from './error-message.js';
import { FormFrame } from './FormFrame.js';
import { useNotify } from './notify.js';

/** Records whose profile is edited in place on their page; strings at <kind>.edit and <kind>.saved. */
type ProfileKind = 'mentors' | 'startups';

/**
 * Edits a record's profile on its page: only the changed fields are sent, nothing at all
 * when none changed, and the page shows the saved record at once.
 */
export function ProfileEditForm<V extends Record<string, unknown>, R extends { id: string }>(props: {
  kind: ProfileKind;
  record: R;
  initialValues: V;
  /** The update call's patch: the fields whose values differ from the record's. */
  patch: (values: V, record: R) => object;
  fields: (form: ApiForm<V>) => ReactNode;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const describeIssue = useDescribeIssue();
  const { kind, record } = props;
  const form = useApiForm({ initialValues: props.initialValues, pathPrefix: ['patch'], describeIssue });
  const update = useApiMutation(`${kind}.update`);

  const submit = async () => {
    const patch = props.patch(form.values, record);
    if (Object.keys(patch).length > 0) {
      const saved = await update.mutateAsync({ id: record.id, patch } as Parameters<typeof update.mutateAsync>[0]);
      queryClient.setQueryData(apiQueryKey(`${kind}.get`, { id: saved.id }), saved);
      notify.saved(t(`${kind}.saved`, { name: saved.name }));
    }
    props.onDone();
  };

  return (
    <FormFrame
      form={form}
      onSubmit={submit}
      submitLabel={t(`${kind}.edit.submit`)}
      pending={update.isPending}
      onCancel={props.onDone}
      label={t(`${kind}.edit.formLabel`)}
      gap="lg"
    >
      {props.fields(form)}
    </FormFrame>
  );
}
